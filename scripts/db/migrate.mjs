// Applies pending migrations to the database named by DATABASE_URL (default: the SQLite
// file data/puente.db, created on first run and switched to WAL).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { runPrisma } from "./prisma-cli.mjs";
import { derivePostgresSchema, root } from "./providers.mjs";

// `--quiet` (npm start): say nothing when all went well.
const quiet = process.argv.includes("--quiet");

const url = process.env.DATABASE_URL?.trim() || "file:./data/puente.db";
if (!/^postgres(ql)?:\/\//i.test(url)) {
  const file = path.resolve(root, url.replace(/^file:/, ""));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.close();
} else {
  derivePostgresSchema();
}
runPrisma(["migrate", "deploy"], { showOutput: Boolean(process.env.DB_MIGRATE_VERBOSE) });
if (!quiet) console.log(`database: migrations applied (${/^postgres/i.test(url) ? "PostgreSQL" : "SQLite"})`);
