// The same module functions the demo seed uses, with test-friendly defaults.
import crypto from "node:crypto";
import { hashPassword, searchTextOf, startSession } from "~/modules/auth/index.server.ts";
import type { Role } from "~/modules/auth/permissions.ts";
import { db } from "~/modules/db/index.server.ts";
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

export async function createOrg(kind: OrgKind = "us-agency") {
  const suffix = crypto.randomBytes(3).toString("hex");
  return createOrganization({
    slug: `org-${suffix}`,
    name: `Org ${suffix}`,
    kind,
    country: kind === "mx-agency" ? "MX" : "US",
  });
}

export async function createMember(role: Role, orgId?: string) {
  const org = orgId ? { id: orgId } : await createOrg();
  const user = await createUser();
  await grantRole(null, user.id, org.id, role);
  return { user, orgId: org.id };
}

/** A Cookie header for a fresh session of `userId`. */
export async function sessionCookie(userId: string): Promise<string> {
  return (await startSession(userId)).split(";")[0]!;
}

/** Empties every table (children first) and the mail folder: a clean slate for one test. */
export async function resetDatabase(): Promise<void> {
  await db.$transaction([
    db.quizResponse.deleteMany(),
    db.quizAttempt.deleteMany(),
    db.quizAccommodation.deleteMany(),
    db.membershipRole.deleteMany(),
    db.membership.deleteMany(),
    db.organization.deleteMany(),
    db.session.deleteMany(),
    db.emailToken.deleteMany(),
    db.loginAttempt.deleteMany(),
    db.lessonProgress.deleteMany(),
    db.enrolment.deleteMany(),
    db.auditEvent.deleteMany(),
    db.auditHead.upsert({
      where: { id: 1 },
      create: { id: 1, appends: 0, lastSeq: 0, lastHash: "0".repeat(64) },
      update: { appends: 0, lastSeq: 0, lastHash: "0".repeat(64) },
      select: { id: true },
    }),
    db.user.deleteMany(),
  ]);
  const { rmSync } = await import("node:fs");
  rmSync(process.env.MAIL_DIR!, { recursive: true, force: true });
}
