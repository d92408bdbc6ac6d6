// A second OS process redeeming an enrolment code for each of the given people, as another
// app server would: `tsx tests/helpers/redeem-racer.ts <code> <userId>...` with DATABASE_URL
// set. Waits for "go" on stdin so both processes start together; prints one JSON line of
// outcomes.
import { redeemCode } from "~/modules/orgs/index.server.ts";

const [code, ...userIds] = process.argv.slice(2);
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
const outcomes = await Promise.all(
  userIds.map(async (userId) => {
    try {
      const outcome = await redeemCode(userId, code!);
      return outcome.ok ? "ok" : outcome.reason;
    } catch (error) {
      return `error:${error instanceof Error ? error.name : "unknown"}`;
    }
  }),
);
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
process.exit(0);
