// A separate "app server" for tests/integration/vetting-reminders.test.ts: waits for "go" on
// stdin, then runs the reminders at the clock it was given (argv[2], ISO) — through the lease
// (argv[3] "lease") or straight to recording and sending (argv[3] "direct", as if the lease
// had run out under it) — and prints the run as JSON.
import { db } from "~/modules/db/index.server.ts";
import { drainOutbox } from "~/modules/orgs/index.server.ts";
import { plannedReminders, recordReminders, runReminders } from "~/modules/vetting/index.server.ts";

const now = new Date(process.argv[2]!);
const mode = process.argv[3];
process.on("disconnect", () => process.exit(1));
await db.user.count(); // connect before the barrier
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
let out: unknown;
if (mode === "lease") {
  out = await runReminders({ now, perMinute: 10_000 });
} else {
  const recorded = await recordReminders(await plannedReminders(now));
  const drained = await drainOutbox({ now, perMinute: 10_000 });
  out = { ...recorded, ...drained };
}
process.stdout.write(JSON.stringify(out) + "\n");
await db.$disconnect();
process.exit(0);
