// A person's whole record in one organization: membership and roles, and every cohort they
// were in through it, with their progress in its courses.
import { db } from "~/modules/db/index.server.ts";
import { cohortFor } from "./cohorts.server.ts";
import { dayOf, progressOf, type CourseCell } from "./progress.server.ts";

export type PersonRecord = {
  userId: string;
  name: string;
  email: string;
  verified: boolean;
  active: boolean;
  membership: { since: Date; roles: string[] } | null;
  cohorts: {
    cohortId: string;
    name: string;
    archived: boolean;
    addedAt: Date;
    removedAt: Date | null;
    courses: CourseCell[];
  }[];
};

/**
 * Null unless the person is (or was, through a cohort) a member of `orgId`: the query itself
 * is scoped to the organization, so another organization's person is not found.
 */
export async function personRecord(
  orgId: string,
  userId: string,
  options: { timeZone: string; now?: Date },
): Promise<PersonRecord | null> {
  const user = await db.user.findFirst({
    where: {
      id: userId,
      OR: [{ memberships: { some: { orgId } } }, { cohortMembers: { some: { orgId } } }],
    },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerifiedAt: true,
      deactivatedAt: true,
      memberships: { where: { orgId }, select: { createdAt: true, roles: { select: { role: true } } } },
      cohortMembers: {
        where: { orgId },
        select: { cohortId: true, addedAt: true, removedAt: true },
        orderBy: { addedAt: "desc" },
      },
    },
  });
  if (!user) return null;
  const today = dayOf(options.now ?? new Date(), options.timeZone);
  const cohorts: PersonRecord["cohorts"] = [];
  for (const membership of user.cohortMembers) {
    const cohort = await cohortFor(orgId, membership.cohortId);
    if (!cohort) continue; // a joint cohort the organization no longer partners in
    const progress = await progressOf(cohort, [user.id], today);
    cohorts.push({
      cohortId: cohort.id,
      name: cohort.name,
      archived: cohort.archivedAt !== null,
      addedAt: membership.addedAt,
      removedAt: membership.removedAt,
      courses: progress.get(user.id) ?? [],
    });
  }
  const m = user.memberships[0];
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    verified: user.emailVerifiedAt !== null,
    active: user.deactivatedAt === null,
    membership: m ? { since: m.createdAt, roles: m.roles.map((r) => r.role).sort() } : null,
    cohorts,
  };
}
