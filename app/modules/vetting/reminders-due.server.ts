// Reminders before a lapse, part one: what is due. A holder and the supervisors of the
// holder's organization hear of a credential or a current vetting check 60, 30 and 7 days
// before it lapses; each message has a key — holder × item × threshold × recipient — so it
// can be recorded once (reminders.server.ts records and sends them).
import { db } from "~/modules/db/index.server.ts";

const DAY_MS = 86_400_000;
/** Days before a lapse at which a reminder goes out, largest first. */
export const REMINDER_THRESHOLDS = [60, 30, 7] as const;

export type ReminderItemKind = "credential" | "check";

/** An item that lapses within the largest threshold, with the threshold it has reached. */
export type DueItem = {
  holderId: string;
  itemKind: ReminderItemKind;
  itemId: string;
  lapsesOn: Date;
  /** The smallest threshold the remaining time is within (one message per threshold, not three at once). */
  threshold: number;
  /** Organizations whose supervisors hear of it: the check's, or every organization of the holder. */
  orgIds: string[];
};

export function thresholdFor(lapsesOn: Date, now: Date): number | null {
  const left = lapsesOn.getTime() - now.getTime();
  if (left <= 0) return null;
  let reached: number | null = null;
  for (const days of REMINDER_THRESHOLDS) if (left <= days * DAY_MS) reached = days;
  return reached;
}

export function reminderKey(
  item: Pick<DueItem, "holderId" | "itemKind" | "itemId" | "threshold">,
  recipientId: string,
) {
  return `${item.holderId}:${item.itemKind}:${item.itemId}:${item.threshold}:${recipientId}`;
}

export type CheckRow = {
  id: string;
  orgId: string;
  userId: string;
  kind: string;
  result: string;
  checkedOn: Date;
  recordedAt: Date;
  expiresOn: Date | null;
};

/** The latest passed entry of its kind for its person that nothing supersedes (what counts). */
export async function currentPassedChecks(where: { userId: { in: string[] } }): Promise<CheckRow[]> {
  const rows = await db.vettingCheck.findMany({
    where,
    select: {
      id: true,
      orgId: true,
      userId: true,
      kind: true,
      result: true,
      checkedOn: true,
      recordedAt: true,
      expiresOn: true,
      supersedesId: true,
    },
  });
  const superseded = new Set(rows.map((r) => r.supersedesId).filter((id): id is string => id !== null));
  const latest = new Map<string, CheckRow>();
  for (const row of rows) {
    if (row.result !== "passed" || superseded.has(row.id)) continue;
    const key = `${row.userId}\u0000${row.kind}`;
    const seen = latest.get(key);
    const later =
      !seen ||
      row.checkedOn > seen.checkedOn ||
      (row.checkedOn.getTime() === seen.checkedOn.getTime() && row.recordedAt > seen.recordedAt);
    if (later) latest.set(key, row);
  }
  return [...latest.values()];
}

/** Credentials and checks that lapse within 60 days of `now`, for active people. */
export async function dueItems(now: Date): Promise<DueItem[]> {
  const horizon = new Date(now.getTime() + REMINDER_THRESHOLDS[0] * DAY_MS);
  const credentials = await db.credential.findMany({
    where: {
      revokedAt: null,
      renewedById: null,
      validUntil: { gt: now, lte: horizon },
      user: { deactivatedAt: null },
    },
    select: {
      id: true,
      userId: true,
      validUntil: true,
      user: { select: { memberships: { select: { orgId: true } } } },
    },
  });
  const lapsingChecks = await db.vettingCheck.findMany({
    where: { result: "passed", expiresOn: { gt: now, lte: horizon } },
    select: { userId: true },
    distinct: ["userId"],
  });
  const active = new Set(
    (
      await db.user.findMany({
        where: { id: { in: lapsingChecks.map((c) => c.userId) }, deactivatedAt: null },
        select: { id: true },
      })
    ).map((u) => u.id),
  );
  const checks = (await currentPassedChecks({ userId: { in: [...active] } })).filter(
    (c) => c.expiresOn && c.expiresOn > now && c.expiresOn <= horizon,
  );
  const due: DueItem[] = [];
  for (const c of credentials) {
    const threshold = thresholdFor(c.validUntil, now);
    if (threshold === null) continue;
    due.push({
      holderId: c.userId,
      itemKind: "credential",
      itemId: c.id,
      lapsesOn: c.validUntil,
      threshold,
      orgIds: c.user.memberships.map((m) => m.orgId),
    });
  }
  for (const c of checks) {
    const threshold = thresholdFor(c.expiresOn!, now);
    if (threshold === null) continue;
    due.push({
      holderId: c.userId,
      itemKind: "check",
      itemId: c.id,
      lapsesOn: c.expiresOn!,
      threshold,
      orgIds: [c.orgId],
    });
  }
  return due;
}

/** Active supervisors of each organization (user ids). */
async function supervisorsOf(orgIds: string[]): Promise<Map<string, string[]>> {
  const roles = await db.membershipRole.findMany({
    where: { role: "supervisor", membership: { orgId: { in: orgIds }, user: { deactivatedAt: null } } },
    select: { membership: { select: { orgId: true, userId: true } } },
  });
  const byOrg = new Map<string, string[]>();
  for (const { membership } of roles) {
    byOrg.set(membership.orgId, [...(byOrg.get(membership.orgId) ?? []), membership.userId]);
  }
  return byOrg;
}

export type PlannedReminder = DueItem & { recipientId: string; key: string };

/** Every message the due items call for: the holder's own, and one per supervisor (not the holder again). */
export async function plannedReminders(now: Date, items?: DueItem[]): Promise<PlannedReminder[]> {
  const due = items ?? (await dueItems(now));
  const supervisors = await supervisorsOf([...new Set(due.flatMap((d) => d.orgIds))]);
  const planned: PlannedReminder[] = [];
  for (const item of due) {
    const recipients = new Set([item.holderId, ...item.orgIds.flatMap((o) => supervisors.get(o) ?? [])]);
    for (const recipientId of recipients) planned.push({ ...item, recipientId, key: reminderKey(item, recipientId) });
  }
  return planned;
}
