import { isLang, type Lang } from "~/modules/i18n/index.ts";
import { lucia } from "./lucia.server.ts";
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

export type SessionState = { user: SessionUser | null; sessionId: string | null; setCookie: string | null };

// Several loaders of one request ask for the session; look it up once.
export function getSessionState(request: Request): Promise<SessionState> {
  return oncePerRequest(request, "session", () => readSession(request));
}

async function readSession(request: Request): Promise<SessionState> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, sessionId: null, setCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) {
    return { user: null, sessionId: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  if (user.deactivatedAt) {
    await lucia.invalidateSession(session.id);
    return { user: null, sessionId: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  return {
    sessionId: session.id,
    setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      language: isLang(user.language) ? user.language : "en",
      timeZone: user.timeZone,
      isPlatformAdmin: user.isPlatformAdmin,
      emailVerified: user.emailVerifiedAt !== null,
    },
  };
}

/** Starts a session and returns the Set-Cookie header value. */
export async function startSession(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, {});
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
