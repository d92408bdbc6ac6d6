// Cohorts ("grupos"): creating, the roster, archiving. A cohort belongs to one organization;
// accepted partner organizations reach it too (joint cohorts). Every lookup is scoped to the
// viewer's organization in the query itself: another organization's cohort is not found.
import { recordAudit } from "~/modules/audit/index.server.ts";
import { getCourse } from "~/modules/content/index.server.ts";
import { asDate, db, SqlRead, type Tx } from "~/modules/db/index.server.ts";
import { enrol } from "~/modules/learning/index.server.ts";

export type CohortAccess = {
  id: string;
  name: string;
  ownerOrgId: string;
  ownerOrgName: string;
  startsOn: Date;
  endsOn: Date;
  archivedAt: Date | null;
  courses: { courseId: string; dueOn: Date | null }[];
  partners: { orgId: string; name: string; country: string; status: string }[];
  /** The viewer's organization owns the cohort (else it is an accepted partner). */
  isOwner: boolean;
  viewerOrgId: string;
};

/** The cohort as `viewerOrgId` may see it: its own, or one it accepted to partner in; else null. */
/**
 * The cohort as seen from `orgId`, when the caller may act for that organization (`orgIds`,
 * from their permission) — else null: another organization's id in a URL finds nothing.
 */
export async function cohortOfCaller(
  orgIds: readonly string[],
  orgId: string,
  cohortId: string | undefined,
): Promise<CohortAccess | null> {
  if (!orgIds.includes(orgId)) return null;
  return cohortFor(orgId, cohortId ?? "");
}

// Prepared reads (SqlRead): every cohort page and the org home look the cohort up, and
// Prisma's nested select cost ~3.8 ms of CPU per call (four statements through its compiler).
function cohortRead(q: SqlRead, cohortId: string, viewerOrgId: string): string {
  return (
    `SELECT c."id" AS "id", c."name" AS "name", c."orgId" AS "orgId", ${q.instant('c."startsOn"')} AS "startsOn", ` +
    `${q.instant('c."endsOn"')} AS "endsOn", ${q.instant('c."archivedAt"')} AS "archivedAt", o."name" AS "orgName" ` +
    `FROM "Cohort" c JOIN "Organization" o ON o."id" = c."orgId" WHERE c."id" = ${q.value(cohortId)} ` +
    `AND (c."orgId" = ${q.value(viewerOrgId)} OR EXISTS (SELECT 1 FROM "CohortPartner" p ` +
    `WHERE p."cohortId" = c."id" AND p."orgId" = ${q.value(viewerOrgId)} AND p."status" = 'accepted'))`
  );
}

type When = string | Date | null;

export async function cohortFor(viewerOrgId: string, cohortId: string): Promise<CohortAccess | null> {
  const [q, qc, qp] = [new SqlRead(), new SqlRead(), new SqlRead()];
  const [[cohort], courses, partners] = await Promise.all([
    q.rows<{
      id: string;
      name: string;
      orgId: string;
      startsOn: When;
      endsOn: When;
      archivedAt: When;
      orgName: string;
    }>(cohortRead(q, cohortId, viewerOrgId)),
    qc.rows<{ courseId: string; dueOn: When }>(
      `SELECT "courseId", ${qc.instant('"dueOn"')} AS "dueOn" FROM "CohortCourse" ` +
        `WHERE "cohortId" = ${qc.value(cohortId)} ORDER BY "position" ASC`,
    ),
    qp.rows<{ orgId: string; status: string; name: string; country: string }>(
      `SELECT p."orgId" AS "orgId", p."status" AS "status", o."name" AS "name", o."country" AS "country" ` +
        `FROM "CohortPartner" p JOIN "Organization" o ON o."id" = p."orgId" ` +
        `WHERE p."cohortId" = ${qp.value(cohortId)} ORDER BY p."invitedAt" ASC`,
    ),
  ]);
  if (!cohort) return null;
  return {
    id: cohort.id,
    name: cohort.name,
    ownerOrgId: cohort.orgId,
    ownerOrgName: cohort.orgName,
    startsOn: asDate(cohort.startsOn)!,
    endsOn: asDate(cohort.endsOn)!,
    archivedAt: asDate(cohort.archivedAt),
    courses: courses.map((c) => ({ courseId: c.courseId, dueOn: asDate(c.dueOn) })),
    partners: partners.map((p) => ({ orgId: p.orgId, name: p.name, country: p.country, status: p.status })),
    isOwner: cohort.orgId === viewerOrgId,
    viewerOrgId,
  };
}

export type CohortListItem = {
  id: string;
  name: string;
  ownerOrgName: string;
  isOwner: boolean;
  startsOn: Date;
  endsOn: Date;
  archivedAt: Date | null;
  members: number;
  courseIds: string[];
};

/** The organization's cohorts and the joint cohorts it partners in, active first. */
export async function cohortsOf(orgId: string, options: { archived?: boolean } = {}): Promise<CohortListItem[]> {
  const rows = await db.cohort.findMany({
    where: {
      OR: [{ orgId }, { partners: { some: { orgId, status: "accepted" } } }],
      ...(options.archived === undefined ? {} : { archivedAt: options.archived ? { not: null } : null }),
    },
    select: {
      id: true,
      name: true,
      orgId: true,
      startsOn: true,
      endsOn: true,
      archivedAt: true,
      org: { select: { name: true } },
      courses: { select: { courseId: true }, orderBy: { position: "asc" } },
      _count: { select: { members: { where: { removedAt: null } } } },
    },
    orderBy: [{ startsOn: "desc" }, { name: "asc" }],
  });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    ownerOrgName: c.org.name,
    isOwner: c.orgId === orgId,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    archivedAt: c.archivedAt,
    members: c._count.members,
    courseIds: c.courses.map((x) => x.courseId),
  }));
}

export type NewCohort = {
  name: string;
  startsOn: Date;
  endsOn: Date;
  courses: { courseId: string; dueOn: Date | null }[];
};

export type CreateCohortOutcome = { ok: true; cohortId: string } | { ok: false; reason: "unknownCourse" };

export async function createCohort(actorId: string, orgId: string, input: NewCohort): Promise<CreateCohortOutcome> {
  if (input.courses.some((c) => !getCourse(c.courseId))) return { ok: false, reason: "unknownCourse" };
  const cohortId = await db.$transaction(async (tx) => {
    const cohort = await tx.cohort.create({
      data: {
        orgId,
        name: input.name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdById: actorId,
        courses: {
          create: input.courses.map((c, position) => ({ courseId: c.courseId, dueOn: c.dueOn, position })),
        },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId,
      action: "cohort.created",
      subject: `cohort:${cohort.id}`,
      data: { orgId, courses: input.courses.map((c) => c.courseId) },
    });
    return cohort.id;
  });
  return { ok: true, cohortId };
}

/**
 * Inside `tx`: puts the person in the cohort through `orgId` (back in, if they had been
 * removed) and enrols them in its courses. Returns false when they were already in it.
 */
export async function joinCohortInTx(
  tx: Tx,
  cohortId: string,
  userId: string,
  orgId: string,
  courseIds: readonly string[],
): Promise<boolean> {
  const existing = await tx.cohortMember.findUnique({
    where: { cohortId_userId: { cohortId, userId } },
    select: { removedAt: true },
  });
  if (existing && existing.removedAt === null) return false;
  if (existing) {
    await tx.cohortMember.update({
      where: { cohortId_userId: { cohortId, userId } },
      data: { removedAt: null, orgId, addedAt: new Date() },
      select: { id: true },
    });
  } else {
    await tx.cohortMember.create({ data: { cohortId, userId, orgId }, select: { id: true } });
  }
  for (const courseId of courseIds) await enrol(userId, courseId, tx);
  return true;
}

export type AddPeopleOutcome =
  | { ok: true; added: number; alreadyIn: number; notMembers: string[] }
  | { ok: false; reason: "archived" };

/**
 * Adds members of the viewer's organization (by email) to the cohort; addresses that are not
 * members of that organization are reported, not added. One transaction, one audit event per
 * person added.
 */
export async function addPeople(actorId: string, cohort: CohortAccess, emails: string[]): Promise<AddPeopleOutcome> {
  if (cohort.archivedAt) return { ok: false, reason: "archived" };
  const members = await db.membership.findMany({
    where: { orgId: cohort.viewerOrgId, user: { email: { in: emails } } },
    select: { userId: true, user: { select: { email: true } } },
  });
  const found = new Set(members.map((m) => m.user.email));
  const courseIds = cohort.courses.map((c) => c.courseId);
  let added = 0;
  await db.$transaction(async (tx) => {
    for (const member of members) {
      if (!(await joinCohortInTx(tx, cohort.id, member.userId, cohort.viewerOrgId, courseIds))) continue;
      added += 1;
      await recordAudit(tx, {
        actorId,
        action: "cohort.member.added",
        subject: `cohort:${cohort.id}`,
        data: { userId: member.userId, orgId: cohort.viewerOrgId },
      });
    }
  });
  return { ok: true, added, alreadyIn: members.length - added, notMembers: emails.filter((e) => !found.has(e)) };
}

/**
 * Takes the person out of the cohort; their progress and attempts stay. The owner may remove
 * anyone, a partner only its own people; anyone else is not found (nothing written).
 */
export async function removePerson(actorId: string, cohort: CohortAccess, userId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.cohortMember.updateMany({
      where: {
        cohortId: cohort.id,
        userId,
        removedAt: null,
        ...(cohort.isOwner ? {} : { orgId: cohort.viewerOrgId }),
      },
      data: { removedAt: new Date() },
    });
    if (count === 0) return false;
    await recordAudit(tx, {
      actorId,
      action: "cohort.member.removed",
      subject: `cohort:${cohort.id}`,
      data: { userId },
    });
    return true;
  });
}

/** Archives a cohort of the viewer's own organization (owner only). */
export async function archiveCohort(actorId: string, cohort: CohortAccess): Promise<boolean> {
  if (!cohort.isOwner) return false;
  return db.$transaction(async (tx) => {
    const { count } = await tx.cohort.updateMany({
      where: { id: cohort.id, orgId: cohort.viewerOrgId, archivedAt: null },
      data: { archivedAt: new Date() },
    });
    if (count === 0) return false;
    await recordAudit(tx, { actorId, action: "cohort.archived", subject: `cohort:${cohort.id}` });
    return true;
  });
}
