// Reminders before a lapse: recording and running them. `npm run reminders` runs it; every
// app server runs it at start-up and every hour, under the lease "vetting-reminders" so that
// one runner works at a time. What is due is decided in reminders-due.server.ts, the message
// written in reminders-message.server.ts.
//
// Each message has a key — holder × item × threshold × recipient — recorded once in
// VettingReminder (the key is unique: a second run, or a run in another process, cannot
// record it again) together with its row in the mail outbox, which sends it at the shared
// pace, retries it when sending fails and never sends it again once sent.
import { db } from "~/modules/db/index.server.ts";
import { withLease } from "~/modules/maintenance/index.server.ts";
import { drainOutbox, registerOutboxSender, type OutboxSender } from "~/modules/orgs/index.server.ts";
import { plannedReminders, reminderKey, type PlannedReminder, type ReminderItemKind } from "./reminders-due.server.ts";
import { REMINDER_KIND, sendReminder } from "./reminders-message.server.ts";

export const REMINDER_LEASE = "vetting-reminders";
const LEASE_MS = 10 * 60_000;
export const REMINDER_INTERVAL_MS = 60 * 60_000;

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
