// `npm run db:seed`: demo data on a new database. `--auto` (used by `npm start`) skips
// quietly in production; asked for explicitly in production it needs PUENTE_DEMO=1.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "~/modules/demo/demo-data.server.ts";
import { db } from "~/modules/db/index.server.ts";

const auto = process.argv.includes("--auto");
const production = process.env.NODE_ENV === "production";
const demoAllowed = ["1", "true"].includes(process.env.PUENTE_DEMO ?? "");

async function main(): Promise<number> {
  if (production && !demoAllowed) {
    if (auto) {
      console.log("seed: NODE_ENV=production, no demo data");
      return 0;
    }
    console.error("seed: refusing to add demo accounts in production; set PUENTE_DEMO=1 to insist");
    return 1;
  }
  const seeded = await seedDemoData();
  if (!seeded) {
    console.log("seed: database already has users; demo data not added");
    return 0;
  }
  console.log(`seed: demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email}`);
  return 0;
}

main()
  .then(async (code) => {
    await db.$disconnect();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
