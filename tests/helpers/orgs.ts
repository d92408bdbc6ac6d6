// Organizations with an org admin, cohorts and codes, built with the orgs module's own functions.
import { db } from "~/modules/db/index.server.ts";
import { cohortFor, createCohort, issueCode } from "~/modules/orgs/index.server.ts";
import type { OrgKind } from "~/modules/orgs/index.ts";
import { createMember, createOrg, sessionCookie } from "./factories.ts";

/** An organization with its org admin, signed in with access just confirmed (role changes are behind re-authentication, decision 016). */
export async function orgWithAdmin(kind: OrgKind = "us_agency") {
  const org = await createOrg(kind);
  const { user: admin } = await createMember("org_admin", org.id);
  return { orgId: org.id, admin, cookie: await sessionCookie(admin.id, { reauthenticated: true }) };
}

export async function cohortOf(
  orgId: string,
  actorId: string,
  options: { name?: string; dueOn?: Date | null; courseId?: string } = {},
) {
  const outcome = await createCohort(actorId, orgId, {
    name: options.name ?? "Spring cohort",
    startsOn: new Date("2026-01-01T00:00:00Z"),
    endsOn: new Date("2026-12-31T00:00:00Z"),
    courses: [{ courseId: options.courseId ?? "aml-basics", dueOn: options.dueOn ?? null }],
  });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.cohortId;
}

export async function codeFor(orgId: string, actorId: string, cohortId: string, seatLimit = 10) {
  const cohort = await cohortFor(orgId, cohortId);
  if (!cohort) throw new Error("no cohort");
  const outcome = await issueCode(actorId, cohort, {
    seatLimit,
    expiresOn: new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z"),
  });
  if (!outcome.ok) throw new Error(outcome.reason);
  return db.enrolmentCode.findUniqueOrThrow({ where: { code: outcome.code }, select: { id: true, code: true } });
}

/** Rows that any change would add to: compared before and after a refused request. */
export async function writeCounts() {
  const [audit, members, cohortMembers, codes, redemptions, memberships, partners, revoked, cohorts] =
    await Promise.all([
      db.auditEvent.count(),
      db.membershipRole.count(),
      db.cohortMember.count({ where: { removedAt: null } }),
      db.enrolmentCode.count(),
      db.codeRedemption.count(),
      db.membership.count(),
      db.cohortPartner.count(),
      db.enrolmentCode.count({ where: { revokedAt: { not: null } } }),
      db.cohort.count({ where: { archivedAt: null } }),
    ]);
  return { audit, members, cohortMembers, codes, redemptions, memberships, partners, revoked, cohorts };
}
