// Generates both Prisma clients (SQLite and PostgreSQL) from the one schema.
import { execFileSync } from "node:child_process";
import { derivePostgresSchema, providers, root } from "./providers.mjs";

derivePostgresSchema();
for (const { schema } of Object.values(providers)) {
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--schema", schema], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
console.log("prisma: generated SQLite and PostgreSQL clients");
