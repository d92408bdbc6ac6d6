// `npm run db:seed`: demo data on a new database, only where demoPolicy allows it (the default
// SQLite file, or PUENTE_DEMO=1). `--auto` (used by `npm start`) stays quiet when it adds
// nothing; asked for explicitly where demo data may not go, it refuses with exit code 1.
import { db } from "~/modules/db/index.server.ts";
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_REFUSALS,
  demoAccountsExist,
  demoPolicy,
  seedDemoData,
} from "~/modules/demo/index.server.ts";

const auto = process.argv.includes("--auto");

/** The demo accounts as they are in the database, with every organization and role each holds. */
async function printAccounts(): Promise<void> {
  const users = await db.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
    select: {
      email: true,
      isPlatformAdmin: true,
      memberships: { select: { org: { select: { name: true } }, roles: { select: { role: true } } } },
    },
  });
  const rows = DEMO_ACCOUNTS.flatMap((account) => {
    const user = users.find((u) => u.email === account.email);
    if (!user) return [];
    const held = user.memberships.flatMap((m) => m.roles.map((r) => `${r.role} (${m.org.name})`));
    if (user.isPlatformAdmin) held.unshift("platform admin");
    return [[account.email, held.join(", ")]];
  });
  const width = Math.max(...rows.map(([email]) => email!.length));
  console.log(`Demo accounts, password "${DEMO_PASSWORD}" (npm run demo:remove deletes them):`);
  for (const [email, roles] of rows) console.log(`  ${email!.padEnd(width)}  ${roles}`);
}

async function main(): Promise<number> {
  const policy = demoPolicy();
  if (!policy.allowed) {
    if (auto) return 0;
    console.error(`seed: no demo data: ${DEMO_REFUSALS[policy.reason]}. Set PUENTE_DEMO=1 to add it anyway.`);
    return 1;
  }
  if (await seedDemoData()) {
    await printAccounts();
    return 0;
  }
  if (await demoAccountsExist()) {
    console.log(`Demo accounts present (password "${DEMO_PASSWORD}"); npm run demo:remove deletes them.`);
  } else if (!auto) {
    console.log("seed: the database already has users; demo data not added");
  }
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
