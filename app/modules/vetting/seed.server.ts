// A recorded history written in bulk (the demo population): assignments and checks with the
// audit events they would have had, then every person's readiness, in a few transactions.
import { recordAudit } from "~/modules/audit/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { refreshPerson } from "./readiness.server.ts";
import { dayString } from "./dates.ts";

export type HistoryAssignment = {
  userId: string;
  orgId: string;
  profileId: string;
  assignedById: string;
  assignedAt: Date;
};
export type HistoryCheck = {
  /** The caller's name for this entry, so a later entry can supersede it. */
  ref: string;
  userId: string;
  orgId: string;
  kind: string;
  result: string;
  checkedOn: Date;
  expiresOn: Date | null;
  evidenceRef: string;
  recordedById: string;
  recordedAt: Date;
  supersedes?: string;
  correctionReason?: string;
};

// Small enough that a transaction stays well inside the 10 s limit on a loaded machine.
const PEOPLE_PER_TRANSACTION = 15;

export async function recordHistory(input: {
  assignments: readonly HistoryAssignment[];
  checks: readonly HistoryCheck[];
  now: Date;
}): Promise<void> {
  const people = [...new Set([...input.assignments.map((a) => a.userId), ...input.checks.map((c) => c.userId)])];
  const ids = new Map<string, string>();
  for (let i = 0; i < people.length; i += PEOPLE_PER_TRANSACTION) {
    const batch = new Set(people.slice(i, i + PEOPLE_PER_TRANSACTION));
    await db.$transaction(async (tx) => {
      for (const a of input.assignments.filter((x) => batch.has(x.userId))) {
        const row = await tx.profileAssignment.create({ data: a, select: { id: true } });
        await recordAudit(tx, {
          actorId: a.assignedById,
          action: "vetting.profile.assigned",
          subject: `profile-assignment:${row.id}`,
          data: { orgId: a.orgId, userId: a.userId, profileId: a.profileId },
        });
      }
      for (const c of input.checks.filter((x) => batch.has(x.userId))) {
        const supersedesId = c.supersedes ? (ids.get(c.supersedes) ?? null) : null;
        const row = await tx.vettingCheck.create({
          data: {
            orgId: c.orgId,
            userId: c.userId,
            kind: c.kind,
            result: c.result,
            checkedOn: c.checkedOn,
            expiresOn: c.expiresOn,
            evidenceRef: c.evidenceRef,
            recordedById: c.recordedById,
            recordedAt: c.recordedAt,
            supersedesId,
            correctionReason: c.correctionReason ?? null,
          },
          select: { id: true },
        });
        ids.set(c.ref, row.id);
        await recordAudit(tx, {
          actorId: c.recordedById,
          action: supersedesId ? "vetting.check.corrected" : "vetting.check.recorded",
          subject: `vetting-check:${row.id}`,
          data: {
            userId: c.userId,
            orgId: c.orgId,
            kind: c.kind,
            result: c.result,
            checkedOn: dayString(c.checkedOn),
            expiresOn: c.expiresOn ? dayString(c.expiresOn) : null,
            ...(supersedesId ? { supersedesId } : {}),
          },
        });
      }
      for (const userId of batch) await refreshPerson(tx, userId, input.now);
    });
  }
}
