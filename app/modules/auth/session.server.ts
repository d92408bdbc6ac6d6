import { isLang, type Lang } from "~/modules/i18n/index.ts";
import { db } from "~/modules/db/index.server.ts";
import { lucia, newSessionAttributes, sessionState } from "./lucia.server.ts";
import { recentlyReauthenticated } from "./session-policy.server.ts";
import { oncePerRequest } from "./request-scope.server.ts";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  language: Lang;
  timeZone: string;
  isPlatformAdmin: boolean;
  emailVerified: boolean;
};

/**
 * A session that passed the password of an account that must also give a second factor, and
 * has not yet: it grants nothing (`user` is null). `stage`: enrol an authenticator first, or
 * give a code of the enrolled one.
 */
export type PendingSignIn = { userId: string; language: Lang; stage: "enrol" | "verify" };

export type SessionState = {
  user: SessionUser | null;
  pending: PendingSignIn | null;
  sessionId: string | null;
  setCookie: string | null;
  /** The password (and second factor) were given again within REAUTH_MINUTES. */
  recentlyReauthenticated: boolean;
  /** The account has a confirmed authenticator (re-authentication asks for a code). */
  hasSecondFactor: boolean;
  /** Its sessions have the shorter limits (the account must give a second factor). */
  privileged: boolean;
};

/** How long a pending session may take to give its second factor (enrolment included). */
export const PENDING_SIGN_IN_MINUTES = 30;

const signedOut = {
  user: null,
  pending: null,
  sessionId: null,
  recentlyReauthenticated: false,
  hasSecondFactor: false,
  privileged: false,
} as const;

// Several loaders of one request ask for the session; look it up once.
export function getSessionState(request: Request): Promise<SessionState> {
  return oncePerRequest(request, "session", () => readSession(request));
}

async function readSession(request: Request): Promise<SessionState> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { ...signedOut, setCookie: null };
  return stateOf(sessionId);
}

async function stateOf(sessionId: string): Promise<SessionState> {
  const { session, user } = await sessionState(sessionId);
  const ended = { ...signedOut, setCookie: lucia.createBlankSessionCookie().serialize() };
  if (!session || !user) return ended;
  if (user.deactivatedAt) {
    await lucia.invalidateSession(session.id);
    return ended;
  }
  const language = isLang(user.language) ? user.language : "en";
  // Like the roles it protects, the second factor takes effect once the address is verified.
  const needsSecondFactor = user.secondFactorRole || user.isPlatformAdmin;
  if (needsSecondFactor && user.emailVerifiedAt !== null && !session.secondFactorAt) {
    if (session.createdAt.getTime() + PENDING_SIGN_IN_MINUTES * 60_000 <= Date.now()) {
      await lucia.invalidateSession(session.id);
      return ended;
    }
    return {
      user: null,
      pending: { userId: user.id, language, stage: user.secondFactorEnrolled ? "verify" : "enrol" },
      sessionId: session.id,
      setCookie: null,
      recentlyReauthenticated: false,
      hasSecondFactor: user.secondFactorEnrolled,
      privileged: true,
    };
  }
  return {
    pending: null,
    sessionId: session.id,
    // The cookie is set once at sign-in for the longest lifetime; the server ends the session.
    setCookie: null,
    recentlyReauthenticated: recentlyReauthenticated(session.reauthAt),
    hasSecondFactor: user.secondFactorEnrolled,
    privileged: needsSecondFactor && user.emailVerifiedAt !== null,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      language,
      timeZone: user.timeZone,
      isPlatformAdmin: user.isPlatformAdmin,
      emailVerified: user.emailVerifiedAt !== null,
    },
  };
}

/**
 * Starts a session and returns the Set-Cookie header value. The session is pending (grants
 * nothing) if the account must give a second factor, unless `secondFactorVerified`: only for
 * a session that continues one which gave it (a password change renews the session id).
 */
export async function startSession(userId: string, options: { secondFactorVerified?: boolean } = {}): Promise<string> {
  const session = await lucia.createSession(userId, newSessionAttributes(new Date(), !!options.secondFactorVerified));
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request): Promise<string> {
  const { sessionId } = await getSessionState(request);
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

export async function endAllSessions(userId: string): Promise<void> {
  await lucia.invalidateUserSessions(userId);
}

/** "Sign out my other sessions": every session of the account but this one. Returns how many ended. */
export async function endOtherSessions(userId: string, keepSessionId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
  return count;
}

/** How many other sessions of the account are open (pending ones included). */
export async function otherSessionCount(userId: string, sessionId: string): Promise<number> {
  return db.session.count({ where: { userId, id: { not: sessionId }, expiresAt: { gt: new Date() } } });
}

/**
 * Signs in after a right password (or a link that proves the address): the session, and
 * whether it still has to give a second factor (then it grants nothing until it does).
 */
export async function startSignIn(userId: string): Promise<{ cookie: string; pending: PendingSignIn | null }> {
  const session = await lucia.createSession(userId, newSessionAttributes(new Date(), false));
  const { pending } = await stateOf(session.id);
  return { cookie: lucia.createSessionCookie(session.id).serialize(), pending };
}
