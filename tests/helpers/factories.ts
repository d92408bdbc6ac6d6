// The same module functions the demo seed uses, with test-friendly defaults.
import crypto from "node:crypto";
import { hashPassword, searchTextOf, startSession } from "~/modules/auth/index.server.ts";
import type { Role } from "~/modules/auth/index.ts";
import { AUDIT_GENESIS } from "~/modules/audit/index.server.ts";
import { databaseUrl, db, providerOf } from "~/modules/db/index.server.ts";
import { createOrganization, grantRole, type OrgKind } from "~/modules/orgs/index.server.ts";

export const TEST_PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | undefined;

export async function createUser(
  overrides: Partial<{
    email: string;
    name: string;
    language: "en" | "es";
    admin: boolean;
    verified: boolean;
    password: string;
  }> = {},
) {
  const suffix = crypto.randomBytes(4).toString("hex");
  const email = overrides.email ?? `user-${suffix}@example.test`;
  const name = overrides.name ?? `Test User ${suffix}`;
  const passwordHash = overrides.password
    ? await hashPassword(overrides.password)
    : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  return db.user.create({
    data: {
      email,
      name,
      language: overrides.language ?? "en",
      passwordHash,
      isPlatformAdmin: overrides.admin ?? false,
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
      searchText: searchTextOf(name, email),
    },
    select: { id: true, email: true, name: true, language: true },
  });
}

export async function createOrg(kind: OrgKind = "us_agency") {
  const suffix = crypto.randomBytes(3).toString("hex");
  return createOrganization({
    slug: `org-${suffix}`,
    name: `Org ${suffix}`,
    kind,
    country: kind === "mx_agency" ? "MX" : "US",
  });
}

export async function createMember(role: Role, orgId?: string) {
  const org = orgId ? { id: orgId } : await createOrg();
  const user = await createUser();
  await grantRole(null, user.id, org.id, role);
  return { user, orgId: org.id };
}

/**
 * A Cookie header for a fresh, fully signed-in session of `userId` (as if any second factor
 * due had been given). `passwordOnly`: the session a right password alone makes.
 * `reauthenticated`: as if the person had just confirmed access at /{lang}/confirm-access, so
 * the changes behind requireRecentAuth (roles, deactivation, password…) open (decision 016).
 */
export async function sessionCookie(
  userId: string,
  options: { passwordOnly?: boolean; reauthenticated?: boolean } = {},
): Promise<string> {
  const cookie = (await startSession(userId, { secondFactorVerified: !options.passwordOnly })).split(";")[0]!;
  if (options.reauthenticated) {
    const sessionId = cookie.slice(cookie.indexOf("=") + 1);
    await db.session.update({ where: { id: sessionId }, data: { reauthAt: new Date() }, select: { id: true } });
  }
  return cookie;
}

/**
 * Empties every table and the mail folder: a clean slate for one test. The table list is read
 * from the database's own catalog, so a new model needs no edit here. Reference data must come
 * with the migrations, never through this reset.
 */
export async function resetDatabase(): Promise<void> {
  if (providerOf(databaseUrl()) === "postgresql") {
    const rows = await db.$queryRawUnsafe<{ tablename: string }[]>(
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'",
    );
    const list = rows.map((r) => `"${r.tablename}"`).join(", ");
    if (list) await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
  } else {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
    );
    // Deferred foreign keys let the tables be emptied in any order inside one transaction.
    await db.$transaction([
      db.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON"),
      ...rows.map((r) => db.$executeRawUnsafe(`DELETE FROM "${r.name}"`)),
      // Ids start again from 1, as RESTART IDENTITY does on PostgreSQL.
      db.$executeRawUnsafe("DELETE FROM sqlite_sequence"),
    ]);
  }
  // Reference data that a migration inserts: the audit chain's head, back at its genesis.
  await db.auditHead.create({
    data: { id: 1, appends: 0, lastSeq: 0, lastHash: AUDIT_GENESIS },
    select: { id: true },
  });
  const { rmSync } = await import("node:fs");
  rmSync(process.env.MAIL_DIR!, { recursive: true, force: true });
}
