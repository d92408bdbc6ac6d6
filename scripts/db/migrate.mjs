// Applies pending migrations to the database named by DATABASE_URL (default: the SQLite
// file data/puente.db, created on first run and switched to WAL).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { derivePostgresSchema, root } from "./providers.mjs";

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
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
  cwd: root,
  stdio: ["ignore", process.env.DB_MIGRATE_VERBOSE ? "inherit" : "ignore", "inherit"],
  env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
console.log(`database: migrations applied (${/^postgres/i.test(url) ? "PostgreSQL" : "SQLite"})`);
