// `npm run reminders`: emails holders and their supervisors 60, 30 and 7 days before a
// credential or a vetting check lapses. The server also runs it at start-up and every hour;
// this is for cron jobs and operators. Only one runner works at a time (a database lease):
// when another holds it, this run says so and stops. Each message is sent once, ever.
import { db } from "~/modules/db/index.server.ts";
import { runReminders } from "~/modules/vetting/index.server.ts";

try {
  const run = await runReminders({ drain: "until-empty" });
  if (!run.ran) {
    console.log("reminders: another runner holds the lease; nothing done");
  } else {
    console.log(
      `reminders: ${run.due} messages due, ${run.recorded} newly queued, ${run.already} queued before; ` +
        `sent ${run.sent}, not needed any more ${run.skipped}, failed ${run.failed} (retried later), still queued ${run.waiting}`,
    );
  }
} catch (error) {
  console.error("reminders failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
