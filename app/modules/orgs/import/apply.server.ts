// One batch of a confirmed import, in one transaction: the rows are assessed again against
// the database as it is inside the transaction, the changes made with a few bulk inserts,
// the rows marked applied with their outcome, the job's progress advanced and the batch
// audited (ids and counts only). Either all of that commits or none of it does.
import { recordAudit } from "~/modules/audit/index.server.ts";
import { searchTextOf, unusablePasswordHash } from "~/modules/auth/index.server.ts";
import { crashPoint, db, newRowId, type Tx } from "~/modules/db/index.server.ts";
import { assess, type Wanted } from "./assess.server.ts";
import { insertRows } from "./bulk.server.ts";
import { IMPORT_BATCH_SIZE, type RowError, type RowPlan } from "./constants.ts";
import { checkCells } from "./parse.server.ts";

/** How long an emailed invitation stays open (the queue may take hours to send a large file's). */
export const INVITATION_TTL_DAYS = 30;
/** A process applying a job holds it this long after each batch; then another may take over. */
export const LEASE_MS = 60_000;

export type BatchResult = { done: boolean; rows: number };

async function finish(tx: Tx, job: { id: string; orgId: string; createdById: string | null }) {
  await tx.importJob.update({
    where: { id: job.id },
    data: { status: "finished", finishedAt: new Date(), leaseUntil: null },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: job.createdById,
    action: "org.import.finished",
    subject: `org:${job.orgId}`,
    data: { jobId: job.id },
  });
}

export async function applyNextBatch(jobId: string, batchSize: number = IMPORT_BATCH_SIZE): Promise<BatchResult> {
  return db.$transaction(
    async (tx) => {
      // Taking the job's row first serialises batches of one job across processes (its row
      // lock on PostgreSQL; SQLite's write lock): the next batch reads the rows this one marked.
      const now = new Date();
      const claimed = await tx.importJob.updateMany({
        where: { id: jobId, status: "running" },
        data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
      });
      if (claimed.count !== 1) return { done: true, rows: 0 };
      const job = await tx.importJob.findUniqueOrThrow({
        where: { id: jobId },
        select: { id: true, orgId: true, createdById: true, batches: true },
      });
      const rows = await tx.importRow.findMany({
        where: { jobId, appliedAt: null, plan: { not: "error" } },
        orderBy: { line: "asc" },
        take: batchSize,
        select: { line: true, name: true, email: true, language: true, role: true, cohort: true, cohortId: true },
      });
      if (rows.length === 0) {
        await finish(tx, job);
        return { done: true, rows: 0 };
      }

      const wanted: Wanted[] = [];
      const outcomes = new Map<number, { plan: RowPlan; reason: RowError | null }>();
      for (const row of rows) {
        const checked = checkCells(row.line, row);
        if (checked.value) wanted.push({ ...checked.value, line: row.line, cohortId: row.cohortId });
        else outcomes.set(row.line, { plan: "error", reason: checked.error });
      }
      const assessed = await assess(tx, job.orgId, wanted);

      const users: {
        id: string;
        email: string;
        name: string;
        language: string;
        passwordHash: string;
        searchText: string;
      }[] = [];
      const userIdByEmail = new Map<string, string>();
      const memberships = new Map<string, { id: string; userId: string; orgId: string }>();
      const membershipOf = new Map<string, string>();
      const learnerRoles = new Map<string, { membershipId: string; role: string }>();
      const cohortMembers = new Map<string, { cohortId: string; userId: string; orgId: string }>();
      const rejoin = new Map<string, string[]>();
      const enrolments = new Map<string, { userId: string; courseId: string }>();
      const invitations = new Map<string, { id: string; orgId: string; userId: string; role: string }>();
      const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60_000);

      for (const a of assessed) {
        if (a.plan === "error" || !a.wanted || !a.cohort) {
          outcomes.set(a.line, { plan: "error", reason: a.reason });
          continue;
        }
        outcomes.set(a.line, { plan: a.plan, reason: null });
        const w = a.wanted;
        const person = a.person ?? null;
        let userId = person?.id ?? userIdByEmail.get(w.email);
        if (!userId) {
          userId = newRowId();
          userIdByEmail.set(w.email, userId);
          users.push({
            id: userId,
            email: w.email,
            name: w.name,
            language: w.language,
            // No password until the owner chooses one through the invitation.
            passwordHash: unusablePasswordHash(),
            searchText: searchTextOf(w.name, w.email),
          });
          invitations.set(`${userId}:${w.role}`, { id: newRowId(), orgId: job.orgId, userId, role: w.role });
        }
        let membershipId = person?.membershipId ?? membershipOf.get(userId);
        if (!membershipId) {
          membershipId = newRowId();
          membershipOf.set(userId, membershipId);
          memberships.set(userId, { id: membershipId, userId, orgId: job.orgId });
        }
        if (!person?.roles.has("learner")) learnerRoles.set(membershipId, { membershipId, role: "learner" });
        const inCohort = person?.cohorts.get(a.cohort.id);
        if (inCohort === undefined) {
          cohortMembers.set(`${a.cohort.id}:${userId}`, { cohortId: a.cohort.id, userId, orgId: job.orgId });
        } else if (inCohort) {
          rejoin.set(a.cohort.id, [...(rejoin.get(a.cohort.id) ?? []), userId]);
        }
        for (const courseId of a.cohort.courseIds) {
          if (!person?.courses.has(courseId)) enrolments.set(`${userId}:${courseId}`, { userId, courseId });
        }
        if (a.notes.some((n) => n.code === "invitesRole") && person) {
          invitations.set(`${userId}:${w.role}`, { id: newRowId(), orgId: job.orgId, userId, role: w.role });
        }
      }

      const at = now;
      await insertRows(
        tx,
        "User",
        users.map((u) => ({ ...u, createdAt: at, updatedAt: at })),
      );
      await insertRows(
        tx,
        "Membership",
        [...memberships.values()].map((m) => ({ ...m, createdAt: at })),
      );
      await insertRows(
        tx,
        "MembershipRole",
        [...learnerRoles.values()].map((r) => ({ ...r, createdAt: at })),
      );
      await insertRows(
        tx,
        "CohortMember",
        [...cohortMembers.values()].map((m) => ({ id: newRowId(), ...m, addedAt: at })),
      );
      for (const [cohortId, userIds] of rejoin) {
        // Back in through the importing organization (in a joint cohort, the partner's own people).
        await tx.cohortMember.updateMany({
          where: { cohortId, userId: { in: userIds }, removedAt: { not: null } },
          data: { removedAt: null, orgId: job.orgId, addedAt: at },
        });
      }
      await insertRows(
        tx,
        "Enrolment",
        [...enrolments.values()].map((e) => ({ id: newRowId(), ...e, enrolledAt: at })),
      );
      const list = [...invitations.values()];
      await insertRows(
        tx,
        "Invitation",
        list.map((i) => ({ ...i, invitedById: job.createdById, createdAt: at, expiresAt })),
      );
      await insertRows(
        tx,
        "MailOutbox",
        list.map((i) => ({
          id: newRowId(),
          kind: "org-invitation",
          userId: i.userId,
          invitationId: i.id,
          jobId,
          createdAt: at,
          notBefore: at,
        })),
      );

      // Rows grouped by outcome: a handful of updates per batch, not one per row.
      const groups = new Map<string, number[]>();
      for (const [line, o] of outcomes) {
        const k = `${o.plan}:${o.reason ?? ""}`;
        groups.set(k, [...(groups.get(k) ?? []), line]);
      }
      for (const [k, lines] of groups) {
        const [outcome, reason] = k.split(":");
        await tx.importRow.updateMany({
          where: { jobId, line: { in: lines } },
          data: { appliedAt: now, outcome, ...(reason ? { reason } : {}) },
        });
      }
      await tx.importJob.update({
        where: { id: jobId },
        data: { appliedRows: { increment: rows.length }, batches: { increment: 1 } },
        select: { id: true },
      });
      const lines = rows.map((r) => r.line);
      await recordAudit(tx, {
        actorId: job.createdById,
        action: "org.import.batch",
        subject: `org:${job.orgId}`,
        data: {
          jobId,
          batch: job.batches + 1,
          firstLine: lines[0],
          lastLine: lines[lines.length - 1],
          rows: rows.length,
          accountsCreated: users.length,
          invitations: invitations.size,
        },
      });
      await crashPoint("import-batch");
      return { done: false, rows: rows.length };
    },
    { timeout: 60_000 },
  );
}
