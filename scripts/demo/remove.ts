// `npm run demo:remove`: deletes the demo accounts and everything they own, on the database
// DATABASE_URL names. Audit events stay.
import { db } from "~/modules/db/index.server.ts";
import { removeDemoData } from "~/modules/demo/index.server.ts";

try {
  const removed = await removeDemoData();
  console.log(
    removed.accounts === 0
      ? "demo: no demo accounts to remove"
      : `demo: removed ${removed.accounts} demo accounts and ${removed.organizations} demo organizations`,
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
