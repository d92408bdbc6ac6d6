// A separate "app server" for tests/integration/orgs-import.test.ts: applies an import job in
// batches of 10 on DATABASE_URL, printing "batch" after each commit, until it is killed.
import { db } from "~/modules/db/index.server.ts";
import { applyNextBatch } from "~/modules/orgs/index.server.ts";

const jobId = process.argv[2]!;
process.on("disconnect", () => process.exit(1));
await db.importJob.update({ where: { id: jobId }, data: { leaseUntil: new Date(Date.now() + 60_000) } });
for (;;) {
  const result = await applyNextBatch(jobId, 10);
  if (result.done) break;
  process.stdout.write(`batch ${result.rows}\n`);
}
process.exit(0);
