// `npm run db:prune`: deletes expired sessions and links, old sign-in records and counters,
// refused actions logged more than a year ago, accounts past the retention the privacy notice
// promises, and the rows of old roster imports. The server also runs it at start-up and every
// six hours; this is for cron jobs and operators.
import { db } from "~/modules/db/index.server.ts";
import { prune } from "~/modules/maintenance/index.server.ts";

try {
  const counts = await prune();
  console.log(
    `prune: deleted ${counts.sessions} expired sessions, ${counts.tokens} used or expired links, ` +
      `${counts.signInRecords} sign-in records older than 90 days, ${counts.rateLimitEvents} old rate-limit counters, ` +
      `${counts.securityEvents} refused-action records older than 1 year, ` +
      `${counts.accounts} accounts deactivated more than 2 years ago, ` +
      `${counts.importRows} roster import rows past retention`,
  );
} catch (error) {
  console.error("prune failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
