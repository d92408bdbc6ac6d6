// Deletes what nothing needs any more and what the privacy notice promises to delete
// (app/modules/i18n/resources/*/privacy.ts, "retention"). Run by `npm run db:prune`, at
// server start-up and every six hours after.
import { env } from "~/env.server.ts";
import { db } from "~/modules/db/index.server.ts";

const DAY_MS = 24 * 60 * 60_000;

/** Failed sign-in records: "deleted within 90 days in any case". */
export const SIGN_IN_RECORD_DAYS = 90;
/** Account data, learning progress and quiz attempts: 2 years after the account is deactivated. */
export const DEACTIVATED_ACCOUNT_DAYS = 2 * 365;
/** Refused actions logged for a second look (SecurityEvent): "deleted after 1 year". */
export const SECURITY_EVENT_DAYS = 365;

export type PruneCounts = {
  sessions: number;
  tokens: number;
  signInRecords: number;
  rateLimitEvents: number;
  securityEvents: number;
  accounts: number;
  importRows: number;
};

export async function prune(now: Date = new Date()): Promise<PruneCounts> {
  const sessions = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  // Used includes links retired by a newer one; an expired link can never be used again.
  const tokens = await db.emailToken.deleteMany({
    where: { OR: [{ usedAt: { not: null } }, { expiresAt: { lte: now } }] },
  });
  const signInRecords = await db.loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - SIGN_IN_RECORD_DAYS * DAY_MS) } },
  });
  // Counters matter only inside their window; keep a day at least so a notice's
  // once-per-window marker outlives its window.
  const counterMs = Math.max(DAY_MS, env.MAIL_WINDOW_MINUTES * 60_000, env.LOGIN_ACCOUNT_WINDOW_MINUTES * 60_000);
  const rateLimitEvents = await db.rateLimitEvent.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - counterMs) } },
  });
  // A window's counting row is its minute's first, so it never outlives the rows it counts.
  const securityEvents = await db.securityEvent.deleteMany({
    where: { at: { lt: new Date(now.getTime() - SECURITY_EVENT_DAYS * DAY_MS) } },
  });
  const importRows = await pruneImportRows(new Date(now.getTime() - env.IMPORT_ROW_RETENTION_DAYS * DAY_MS));
  const accounts = await deleteExpiredAccounts(new Date(now.getTime() - DEACTIVATED_ACCOUNT_DAYS * DAY_MS));
  return {
    sessions: sessions.count,
    tokens: tokens.count,
    signInRecords: signInRecords.count,
    rateLimitEvents: rateLimitEvents.count,
    securityEvents: securityEvents.count,
    accounts,
    importRows,
  };
}

/**
 * Roster files' rows (names, addresses, languages, roles as the file gave them) once their
 * import finished before `cutoff`, and dry runs nobody confirmed since before `cutoff`
 * (discarded, as the admin's own "discard" does). The job itself stays, with its counts.
 */
async function pruneImportRows(cutoff: Date): Promise<number> {
  await db.importJob.updateMany({
    where: { status: "planned", createdAt: { lt: cutoff } },
    data: { status: "discarded", finishedAt: new Date() },
  });
  const { count } = await db.importRow.deleteMany({
    where: {
      job: { OR: [{ status: "finished", finishedAt: { lt: cutoff } }, { status: "discarded" }] },
    },
  });
  return count;
}

/**
 * Accounts deactivated before `cutoff`, with everything that belongs to them (memberships,
 * sessions, links, enrolments, progress and quiz attempts go by cascade). Audit events keep
 * the account's id only.
 */
async function deleteExpiredAccounts(cutoff: Date): Promise<number> {
  const expired = await db.user.findMany({
    where: { deactivatedAt: { lt: cutoff } },
    select: { id: true },
    take: 500,
  });
  if (expired.length === 0) return 0;
  const ids = expired.map((u) => u.id);
  const [, users] = await db.$transaction([
    // No foreign key: accommodations are kept apart from the attempt they apply to.
    db.quizAccommodation.deleteMany({ where: { userId: { in: ids } } }),
    db.user.deleteMany({ where: { id: { in: ids }, deactivatedAt: { lt: cutoff } } }),
  ]);
  return users.count + (expired.length === 500 ? await deleteExpiredAccounts(cutoff) : 0);
}

export const PRUNE_INTERVAL_MS = 6 * 60 * 60_000;

const scheduled = globalThis as unknown as { puentePruneTimer?: NodeJS.Timeout };

async function pruneAndReport(): Promise<void> {
  try {
    const counts = await prune();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total > 0) {
      const parts = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
      console.log(`prune: deleted ${parts.join(", ")}`);
    }
  } catch (error) {
    // A busy or unreachable database must not stop the server; the next run tries again.
    console.error("prune failed:", error instanceof Error ? error.message : error);
  }
}

/** Prunes now and every six hours, once per process; the timer never keeps the process alive. */
export function startPruneSchedule(): void {
  if (scheduled.puentePruneTimer) return;
  scheduled.puentePruneTimer = setInterval(() => void pruneAndReport(), PRUNE_INTERVAL_MS);
  scheduled.puentePruneTimer.unref();
  void pruneAndReport();
}
