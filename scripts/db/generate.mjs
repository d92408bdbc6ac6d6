// Generates both Prisma clients (SQLite and PostgreSQL) from the one schema.
import { derivePostgresSchema, providers } from "./providers.mjs";
import { runPrisma } from "./prisma-cli.mjs";

derivePostgresSchema();
for (const { schema } of Object.values(providers)) {
  runPrisma(["generate", "--schema", schema]);
}
console.log("prisma: generated SQLite and PostgreSQL clients");
