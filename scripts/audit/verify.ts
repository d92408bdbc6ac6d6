// npm run audit:verify — walks the audit chain of the database named by DATABASE_URL and
// names the first broken or missing link (exit 1), or says it is whole (exit 0).
import { verifyAuditChain } from "../../app/modules/audit/index.server.ts";
import { db } from "../../app/modules/db/index.server.ts";

const report = await verifyAuditChain();
await db.$disconnect();
if (report.problem) {
  const where = report.brokenAt === null ? "" : ` at event ${report.brokenAt}`;
  console.error(`audit chain broken${where}: ${report.problem}`);
  process.exit(1);
}
console.log(`audit chain OK: ${report.events} events`);
