// Reminders before a lapse: a holder and the supervisors of the holder's organization are
// emailed 60, 30 and 7 days before a credential or a vetting check expires, each in their own
// language. `npm run reminders` runs it; every app server runs it at start-up and every hour,
// under the lease "vetting-reminders" so that one runner works at a time.
//
// Each message has a key — holder × item × threshold × recipient — recorded once in
// VettingReminder (the key is unique: a second run, or a run in another process, cannot
// record it again) together with its row in the mail outbox, which sends it at the shared
// pace, retries it when sending fails and never sends it again once sent. The message is
// written when it is sent, from the data as it is then: a credential renewed or a check
// replaced in the meantime is not announced as lapsing.
import { env } from "~/env.server.ts";
import { getAchievement, getCheckType } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { composeEmail, sendEmail } from "~/modules/email/index.server.ts";
import { formatDate, isLang, isTimeZone, DEFAULT_TIME_ZONE, type Lang } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { withLease } from "~/modules/maintenance/index.server.ts";
import { drainOutbox, registerOutboxSender, type OutboxSender } from "~/modules/orgs/index.server.ts";

const DAY_MS = 86_400_000;
/** Days before a lapse at which a reminder goes out, largest first. */
export const REMINDER_THRESHOLDS = [60, 30, 7] as const;
export const REMINDER_KIND = "vetting-reminder";
export const REMINDER_LEASE = "vetting-reminders";
const LEASE_MS = 10 * 60_000;
export const REMINDER_INTERVAL_MS = 60 * 60_000;

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

type CheckRow = {
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
async function currentPassedChecks(where: { userId: { in: string[] } }): Promise<CheckRow[]> {
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

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/**
 * Records each planned message not recorded before, with its outbox row, in one transaction
 * per message. Safe to run in several processes at once: the key's unique index lets one
 * record win; the others roll back. Returns how many this call recorded.
 */
export async function recordReminders(planned: PlannedReminder[]): Promise<{ recorded: number; already: number }> {
  registerReminderSender();
  let recorded = 0;
  let already = 0;
  const known = new Set<string>();
  for (let i = 0; i < planned.length; i += 500) {
    const keys = planned.slice(i, i + 500).map((p) => p.key);
    const rows = await db.vettingReminder.findMany({ where: { key: { in: keys } }, select: { key: true } });
    for (const r of rows) known.add(r.key);
  }
  for (const p of planned) {
    if (known.has(p.key)) {
      already += 1;
      continue;
    }
    try {
      await db.$transaction(async (tx) => {
        const reminder = await tx.vettingReminder.create({
          data: {
            key: p.key,
            holderId: p.holderId,
            recipientId: p.recipientId,
            itemKind: p.itemKind,
            itemId: p.itemId,
            threshold: p.threshold,
            lapsesOn: p.lapsesOn,
          },
          select: { id: true },
        });
        await tx.mailOutbox.create({
          data: { kind: REMINDER_KIND, userId: p.recipientId, reminderId: reminder.id },
          select: { id: true },
        });
      });
      recorded += 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      already += 1;
    }
  }
  return { recorded, already };
}

/** Queues an immediate reminder for one item (a supervisor acting on a lapse): to the holder only. */
export async function queueReminderNow(input: {
  holderId: string;
  itemKind: ReminderItemKind;
  itemId: string;
  lapsesOn: Date;
  actorId: string;
  now?: Date;
}): Promise<{ recorded: number; already: number }> {
  const now = input.now ?? new Date();
  // One manual reminder per item per day: a second click the same day finds it recorded.
  const day = now.toISOString().slice(0, 10);
  const item = { ...input, threshold: 0 };
  return recordReminders([
    {
      ...item,
      orgIds: [],
      recipientId: input.holderId,
      key: `${reminderKey(item, input.holderId)}:manual:${day}`,
    },
  ]);
}

const personSelect = {
  id: true,
  email: true,
  name: true,
  language: true,
  timeZone: true,
  deactivatedAt: true,
} as const;

/** What the reminder is about, as it is now; null when it no longer lapses on that date. */
async function itemNow(
  reminder: { holderId: string; itemKind: string; itemId: string; lapsesOn: Date },
  now: Date,
): Promise<{ name: { en: string; es: string }; orgName: string | null; link: (lang: Lang) => string } | null> {
  if (reminder.lapsesOn <= now) return null;
  if (reminder.itemKind === "credential") {
    const c = await db.credential.findUnique({
      where: { id: reminder.itemId },
      select: { achievementId: true, validUntil: true, revokedAt: true, renewedById: true },
    });
    if (!c || c.revokedAt || c.renewedById || c.validUntil.getTime() !== reminder.lapsesOn.getTime()) return null;
    const achievement = getAchievement(c.achievementId);
    if (!achievement) return null;
    const course = achievement.courses[0];
    return {
      name: achievement.name,
      orgName: null,
      link: (lang) => (course ? `${env.APP_URL}/${lang}/courses/${course}` : `${env.APP_URL}/${lang}`),
    };
  }
  const check = await db.vettingCheck.findUnique({
    where: { id: reminder.itemId },
    select: { id: true, userId: true, kind: true, orgId: true },
  });
  if (!check) return null;
  const org = await db.organization.findUnique({ where: { id: check.orgId }, select: { name: true } });
  const current = (await currentPassedChecks({ userId: { in: [check.userId] } })).find((c) => c.kind === check.kind);
  if (!current || current.id !== check.id || current.expiresOn?.getTime() !== reminder.lapsesOn.getTime()) return null;
  const type = getCheckType(check.kind);
  return {
    name: type?.name ?? { en: check.kind, es: check.kind },
    orgName: org?.name ?? null,
    link: (lang) => `${env.APP_URL}/${lang}`,
  };
}

/** Writes and sends one reminder (the outbox's sender for its kind). */
export async function sendReminder(reminderId: string, now: Date): Promise<"sent" | "skipped"> {
  const reminder = await db.vettingReminder.findUnique({
    where: { id: reminderId },
    select: { holderId: true, recipientId: true, itemKind: true, itemId: true, lapsesOn: true },
  });
  if (!reminder) return "skipped";
  const [recipient, holder] = await Promise.all([
    db.user.findUnique({ where: { id: reminder.recipientId }, select: personSelect }),
    db.user.findUnique({ where: { id: reminder.holderId }, select: personSelect }),
  ]);
  if (!recipient || !holder || recipient.deactivatedAt || holder.deactivatedAt) return "skipped";
  const item = await itemNow(reminder, now);
  if (!item) return "skipped";
  const lang: Lang = isLang(recipient.language) ? recipient.language : "en";
  const t = await getFixedT(lang);
  const zone = isTimeZone(recipient.timeZone) ? recipient.timeZone : DEFAULT_TIME_ZONE;
  const toHolder = recipient.id === holder.id;
  const isCredential = reminder.itemKind === "credential";
  let orgName = item.orgName;
  if (!toHolder && !orgName) orgName = await sharedOrgName(recipient.id, holder.id);
  const values = {
    item: item.name[lang],
    date: formatDate(reminder.lapsesOn, lang, zone),
    person: holder.name,
    org: orgName ?? "",
  };
  const R = "email:vettingReminder";
  const subject = toHolder
    ? t(isCredential ? `${R}.credentialSubject` : `${R}.checkSubject`, values)
    : t(isCredential ? `${R}.supervisorCredentialSubject` : `${R}.supervisorCheckSubject`, values);
  const body = toHolder
    ? [
        t(isCredential ? `${R}.credentialBody` : `${R}.checkBody`, values),
        t(isCredential ? `${R}.credentialAction` : `${R}.checkAction`, values),
      ]
    : [
        t(isCredential ? `${R}.supervisorCredentialBody` : `${R}.supervisorCheckBody`, values),
        t(`${R}.supervisorAction`, values),
      ];
  const link = toHolder ? item.link(lang) : `${env.APP_URL}/${lang}/vetting/${holder.id}`;
  await sendEmail(
    composeEmail(
      lang,
      recipient.email,
      REMINDER_KIND,
      subject,
      [t("email:greeting", { name: recipient.name }), ...body],
      link,
      [t(`${R}.why`), t("email:signature")],
    ),
  );
  return "sent";
}

/** The name of an organization where `supervisorId` supervises `holderId`. */
async function sharedOrgName(supervisorId: string, holderId: string): Promise<string | null> {
  const m = await db.membership.findFirst({
    where: {
      userId: supervisorId,
      roles: { some: { role: "supervisor" } },
      org: { memberships: { some: { userId: holderId } } },
    },
    select: { org: { select: { name: true } } },
  });
  return m?.org.name ?? null;
}

const sender: OutboxSender = (row, now) =>
  row.reminderId ? sendReminder(row.reminderId, now) : Promise.resolve("skipped");

/**
 * Lets this process's outbox send reminders. Called when reminders are queued or run, not at
 * import: the orgs module (the outbox's home) and this one import each other through
 * credentials, so a registration at load time could run before the outbox exists.
 */
export function registerReminderSender(): void {
  registerOutboxSender(REMINDER_KIND, sender);
}

export type ReminderRun = {
  /** False when another runner held the lease: this call did nothing. */
  ran: boolean;
  due: number;
  recorded: number;
  already: number;
  sent: number;
  skipped: number;
  failed: number;
  /** Reminders still queued (the outbox sends them at its pace). */
  waiting: number;
};

/**
 * One run: records every reminder due at `now` not recorded before, then sends what the
 * outbox's pace allows (`drain: "until-empty"` waits for the pace until none is left — the
 * command line; the server's outbox sends the rest on its own).
 */
export async function runReminders(
  options: { now?: Date; perMinute?: number; drain?: "once" | "until-empty" | "none"; maxWaitMs?: number } = {},
): Promise<ReminderRun> {
  registerReminderSender();
  const now = options.now ?? new Date();
  const drain = options.drain ?? "once";
  const result = await withLease(REMINDER_LEASE, LEASE_MS, async (renew) => {
    const planned = await plannedReminders(now);
    const { recorded, already } = await recordReminders(planned);
    const totals = { sent: 0, skipped: 0, failed: 0 };
    const deadline = Date.now() + (options.maxWaitMs ?? 15 * 60_000);
    if (drain !== "none") {
      for (;;) {
        const r = await drainOutbox({ now, perMinute: options.perMinute });
        totals.sent += r.sent;
        totals.skipped += r.skipped;
        totals.failed += r.failed;
        if (drain === "once" || Date.now() > deadline) break;
        const left = await waitingReminders(now);
        if (left === 0) break;
        if (r.sent + r.skipped === 0) {
          if (r.failed > 0) break; // the mail server refuses: retries come later
          await new Promise((resolve) => setTimeout(resolve, 5_000));
        }
        await renew();
      }
    }
    return { due: planned.length, recorded, already, ...totals };
  });
  if (!result) return { ran: false, due: 0, recorded: 0, already: 0, sent: 0, skipped: 0, failed: 0, waiting: 0 };
  return { ran: true, ...result, waiting: await waitingReminders(now) };
}

function waitingReminders(now: Date): Promise<number> {
  return db.mailOutbox.count({ where: { kind: REMINDER_KIND, sentAt: null, notBefore: { lte: now } } });
}

const timers = globalThis as unknown as { puenteReminderTimer?: NodeJS.Timeout };

async function runAndReport(): Promise<void> {
  try {
    const run = await runReminders();
    if (run.ran && run.recorded > 0) console.log(`reminders: queued ${run.recorded}, sent ${run.sent}`);
  } catch (error) {
    console.error("reminders failed:", error instanceof Error ? error.message : error);
  }
}

/** At start-up and every hour, once per process; the timer never keeps the process alive. */
export function startReminderSchedule(): void {
  if (timers.puenteReminderTimer) return;
  registerReminderSender();
  timers.puenteReminderTimer = setInterval(() => void runAndReport(), REMINDER_INTERVAL_MS);
  timers.puenteReminderTimer.unref();
  void runAndReport();
}
