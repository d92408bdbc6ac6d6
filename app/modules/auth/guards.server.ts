import { redirect } from "@remix-run/node";
import { env } from "~/env.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { langFromPath } from "~/modules/i18n/index.server.ts";
import { DEFAULT_LANG } from "~/modules/i18n/index.ts";
import { holds, orgsGranting, type MembershipRoles, type Permission } from "./permissions.ts";
import { getSessionState, type SessionUser } from "./session.server.ts";
import { forbidden } from "~/modules/web/index.ts";

export type Membership = MembershipRoles & { orgName: string; orgSlug: string; orgKind: string };

const membershipsPerRequest = new WeakMap<Request, Promise<Membership[]>>();

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSessionState(request)).user;
}

export async function getMemberships(request: Request, userId: string): Promise<Membership[]> {
  let memberships = membershipsPerRequest.get(request);
  if (!memberships) {
    memberships = db.membership
      .findMany({
        where: { userId },
        select: {
          orgId: true,
          org: { select: { name: true, slug: true, kind: true } },
          roles: { select: { role: true } },
        },
        orderBy: { org: { name: "asc" } },
      })
      .then((rows) =>
        rows.map((m) => ({
          orgId: m.orgId,
          orgName: m.org.name,
          orgSlug: m.org.slug,
          orgKind: m.org.kind,
          roles: m.roles.map((r) => r.role),
        })),
      );
    membershipsPerRequest.set(request, memberships);
  }
  return memberships;
}

function signInPath(request: Request): string {
  const url = new URL(request.url);
  const lang = langFromPath(url.pathname) ?? DEFAULT_LANG;
  const redirectTo = `${url.pathname}${url.search}`;
  return `/${lang}/login?${new URLSearchParams({ redirectTo })}`;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) throw redirect(signInPath(request));
  return user;
}

export async function requireAnonymous(request: Request): Promise<void> {
  const user = await getUser(request);
  if (user) throw redirect(`/${user.language}`);
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
