// Reading users for the platform admin pages. Callers have already checked `read:users:any`.
import { isAccountLocked } from "~/modules/auth/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { listOrganizations } from "~/modules/orgs/index.server.ts";
import { searchTerms, USERS_PAGE_SIZE } from "./schema.ts";

const membershipSelect = {
  orderBy: { org: { name: "asc" } },
  select: { org: { select: { id: true, name: true } }, roles: { select: { role: true }, orderBy: { role: "asc" } } },
} as const;

const userSelect = {
  id: true,
  name: true,
  email: true,
  emailVerifiedAt: true,
  deactivatedAt: true,
  isPlatformAdmin: true,
  memberships: membershipSelect,
} as const;

type UserRow = {
  id: string;
  name: string;
  email: string;
  emailVerifiedAt: Date | null;
  deactivatedAt: Date | null;
  isPlatformAdmin: boolean;
  memberships: { org: { id: string; name: string }; roles: { role: string }[] }[];
};

async function summarize(user: UserRow) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    verified: user.emailVerifiedAt !== null,
    deactivatedAt: user.deactivatedAt,
    isPlatformAdmin: user.isPlatformAdmin,
    locked: await isAccountLocked(user.email),
    memberships: user.memberships.map((m) => ({
      orgId: m.org.id,
      orgName: m.org.name,
      roles: m.roles.map((r) => r.role),
    })),
  };
}

export type UserSummary = Awaited<ReturnType<typeof summarize>>;

export type UserSearch = { users: UserSummary[]; total: number; page: number; pageCount: number; pageSize: number };

/**
 * Every word of the query must occur in the user's name or email, ignoring case and
 * accents ("gomez" finds "Gómez"). A page past the end shows the last page.
 */
export async function searchUsers(query: string | undefined, requestedPage = 1): Promise<UserSearch> {
  const terms = searchTerms(query);
  // A query of nothing but wildcards or punctuation matches no one rather than everyone.
  if (terms.length === 0 && query?.trim())
    return { users: [], total: 0, page: 1, pageCount: 1, pageSize: USERS_PAGE_SIZE };
  const where = terms.length ? { AND: terms.map((term) => ({ searchText: { contains: term } })) } : {};
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const rows = await db.user.findMany({
    where,
    select: userSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
  });
  return { users: await Promise.all(rows.map(summarize)), total, page, pageCount, pageSize: USERS_PAGE_SIZE };
}

/** One user with everything the admin user page shows, or null for an unknown id. */
export async function getUserForAdmin(userId: string) {
  const row = await db.user.findUnique({
    where: { id: userId },
    select: { ...userSelect, language: true, timeZone: true, createdAt: true },
  });
  if (!row) return null;
  return { ...(await summarize(row)), language: row.language, timeZone: row.timeZone, createdAt: row.createdAt };
}

export type AdminUser = NonNullable<Awaited<ReturnType<typeof getUserForAdmin>>>;

export async function userExists(userId: string): Promise<boolean> {
  if (!userId || userId.length > 100) return false;
  return (await db.user.findUnique({ where: { id: userId }, select: { id: true } })) !== null;
}

/** Organizations an admin can assign roles in (all of them). */
export async function assignableOrganizations() {
  return (await listOrganizations()).map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
}

/** Names of the given accounts (audit pages name the actor); unknown ids are left out. */
export async function userNames(ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}
