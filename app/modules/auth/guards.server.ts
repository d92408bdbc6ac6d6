import { redirect } from "@remix-run/node";
import { env } from "~/env.server.ts";
import { readRows, type RawRead } from "~/modules/db/index.server.ts";
import { langFromPath } from "~/modules/i18n/index.server.ts";
import { DEFAULT_LANG } from "~/modules/i18n/index.ts";
import { holds, orgsGranting, type MembershipRoles, type Permission } from "./permissions.ts";
import { oncePerRequest } from "./request-scope.server.ts";
import { sessionLimits } from "./session-policy.server.ts";
import { getSessionState, type PendingSignIn, type SessionUser } from "./session.server.ts";
import { forbidden } from "~/modules/web/index.ts";

export type Membership = MembershipRoles & { orgName: string; orgSlug: string; orgKind: string };

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSessionState(request)).user;
}

// On every page (the header's navigation) and in every permission check: one statement.
const membershipRows: RawRead = {
  sqlite: `SELECT m.orgId, o.name AS orgName, o.slug AS orgSlug, o.kind AS orgKind, r.role
             FROM Membership m JOIN Organization o ON o.id = m.orgId
             LEFT JOIN MembershipRole r ON r.membershipId = m.id
            WHERE m.userId = ? ORDER BY o.name, m.orgId, r.role`,
  postgresql: `SELECT m."orgId", o."name" AS "orgName", o."slug" AS "orgSlug", o."kind" AS "orgKind", r."role"
                 FROM "Membership" m JOIN "Organization" o ON o."id" = m."orgId"
                 LEFT JOIN "MembershipRole" r ON r."membershipId" = m."id"
                WHERE m."userId" = $1 ORDER BY o."name", m."orgId", r."role"`,
};

type MembershipRow = { orgId: string; orgName: string; orgSlug: string; orgKind: string; role: string | null };

/** The person's memberships, by organization name, each with its roles. */
export async function getMemberships(request: Request, userId: string): Promise<Membership[]> {
  return oncePerRequest(request, `memberships:${userId}`, async () => {
    const rows = await readRows<MembershipRow>(membershipRows, [userId]);
    const byOrg = new Map<string, Membership & { roles: string[] }>();
    for (const row of rows) {
      let membership = byOrg.get(row.orgId);
      if (!membership) {
        membership = { orgId: row.orgId, orgName: row.orgName, orgSlug: row.orgSlug, orgKind: row.orgKind, roles: [] };
        byOrg.set(row.orgId, membership);
      }
      if (row.role !== null) membership.roles.push(row.role);
    }
    return [...byOrg.values()];
  });
}

/** The page where a pending sign-in gives its second factor (or enrols an authenticator first). */
export function secondFactorPath(lang: string, stage: PendingSignIn["stage"], redirectTo?: string): string {
  const page = stage === "enrol" ? "second-factor/enrol" : "second-factor";
  return `/${lang}/${page}${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`;
}

function signInPath(request: Request, pending: PendingSignIn | null): string {
  const url = new URL(request.url);
  const lang = langFromPath(url.pathname) ?? DEFAULT_LANG;
  const redirectTo = `${url.pathname}${url.search}`;
  if (pending) return secondFactorPath(lang, pending.stage, redirectTo);
  return `/${lang}/login?${new URLSearchParams({ redirectTo })}`;
}

/** Signed out → sign-in page; signed in with the password only, where a second factor is due → its page. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const { user, pending } = await getSessionState(request);
  if (!user) throw redirect(signInPath(request, pending));
  return user;
}

/** Where a session gives its password (and second factor) again, then returns to `redirectTo`. */
export function confirmAccessPath(lang: string, redirectTo: string): string {
  return `/${lang}/confirm-access?${new URLSearchParams({ redirectTo })}`;
}

/**
 * Before a security-relevant change (password, email, recovery codes, an admin's reset of
 * someone's second factor): signed in, and re-authenticated within REAUTH_MINUTES; otherwise
 * to the confirm-access page, which returns here (`returnTo`, default this URL).
 */
export async function requireRecentAuth(
  request: Request,
  options: { returnTo?: string; formAsksPassword?: boolean } = {},
): Promise<{ user: SessionUser; sessionId: string }> {
  const user = await requireUser(request);
  const { sessionId, recentlyReauthenticated, hasSecondFactor } = await getSessionState(request);
  // A form that checks the current password itself (password and email changes) has done the
  // whole re-authentication for an account without a second factor.
  const covered = options.formAsksPassword && !hasSecondFactor;
  if (!sessionId || (!recentlyReauthenticated && !covered)) {
    const url = new URL(request.url);
    const lang = langFromPath(url.pathname) ?? DEFAULT_LANG;
    throw redirect(confirmAccessPath(lang, options.returnTo ?? `${url.pathname}${url.search}`));
  }
  return { user, sessionId };
}

/** Whether this session may make a security-relevant change now (see requireRecentAuth). */
export async function recentAuthCovers(request: Request, formAsksPassword = false): Promise<boolean> {
  const { user, recentlyReauthenticated, hasSecondFactor } = await getSessionState(request);
  return user !== null && (recentlyReauthenticated || (formAsksPassword && !hasSecondFactor));
}

/** The idle and absolute limits of this session, in minutes and hours (the account page says them). */
export async function sessionLimitsOf(request: Request) {
  return sessionLimits((await getSessionState(request)).privileged);
}

/** The signed-in session's id with its user (for "sign out my other sessions", re-authentication). */
export async function requireSession(request: Request): Promise<{ user: SessionUser; sessionId: string }> {
  const user = await requireUser(request);
  const { sessionId } = await getSessionState(request);
  return { user, sessionId: sessionId! };
}

/** The sign-in waiting for its second factor, or null. */
export async function getPendingSignIn(request: Request): Promise<(PendingSignIn & { sessionId: string }) | null> {
  const { pending, sessionId } = await getSessionState(request);
  return pending && sessionId ? { ...pending, sessionId } : null;
}

/**
 * For the sign-in and sign-up pages: someone already signed in goes to `destination` instead
 * (the page's own language, or where a sign-in link meant to send them), not to a form.
 */
export async function requireAnonymous(request: Request, destination: string): Promise<void> {
  const user = await getUser(request);
  if (user) throw redirect(destination);
}

export type Authorized = { user: SessionUser; memberships: Membership[]; orgIds: string[] };

/**
 * Signed out → sign-in page; signed in without the permission → 403. With `orgId`, the
 * permission must be held in that organization. `orgIds` lists where it is held.
 */
export async function requirePermission(request: Request, permission: Permission, orgId?: string): Promise<Authorized> {
  const user = await requireUser(request);
  const memberships = await getMemberships(request, user.id);
  const subject = { isPlatformAdmin: user.isPlatformAdmin, emailVerified: user.emailVerified, memberships };
  if (!holds(subject, permission, orgId)) forbidden();
  return { user, memberships, orgIds: orgsGranting(subject, permission) };
}

/** Where an action needs to know the caller's IP (rate limiting); set by server.mjs. */
export function clientIp(context: unknown): string {
  const ip = (context as { clientIp?: unknown } | undefined)?.clientIp;
  return typeof ip === "string" && ip ? ip : "unknown";
}

// The URL parser silently drops tabs and newlines and reads "\\" as "/", which is how
// "/\t/evil.example" becomes "//evil.example"; input containing any control character is refused.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * A redirect target taken from input (a query string, a form field): the path of a URL on
 * this app's own origin, or `fallback`. Every redirect whose target comes from input goes
 * through here.
 */
export function safeRedirectPath(
  to: string | null | undefined,
  fallback: string,
  appUrl: string = env.APP_URL,
): string {
  if (!to || CONTROL_CHARACTERS.test(to)) return fallback;
  const origin = new URL(appUrl).origin;
  let target: URL;
  try {
    target = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (target.origin !== origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as another host.
  if (path.startsWith("//")) return fallback;
  return path;
}
