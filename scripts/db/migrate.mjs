// Applies pending migrations to the database named by DATABASE_URL (default: the SQLite
// file data/puente.db, created on first run and switched to WAL).
//
// SQLite: a second `npm start` (or a CLI command) may find the file in use by a running
// server. With nothing to apply it goes on without writing; otherwise it waits for the
// write lock, and if the lock stays taken it stops with one sentence naming the processes
// that have the file open, instead of Prisma's "unknown variant SocketTimeout".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { derivePostgresSchema, providers, root } from "./providers.mjs";
import { pendingMigrations, processesHolding, waitForWriteLock, writeLockFree } from "./sqlite-file.mjs";

// `--quiet` (npm start): say nothing when all went well.
const quiet = process.argv.includes("--quiet");
const LOCK_WAIT_MS = Number(process.env.DB_MIGRATE_LOCK_WAIT_MS ?? 30_000);
const url = process.env.DATABASE_URL?.trim() || "file:./data/puente.db";
const isPostgres = /^postgres(ql)?:\/\//i.test(url);
const file = isPostgres ? null : path.resolve(root, url.replace(/^file:/, ""));
const relative = file ? path.relative(process.cwd(), file) : "";
const shown = relative && !relative.startsWith("..") ? relative : file;

function stop(sentence) {
  console.error(`database: ${sentence}`);
  process.exit(1);
}

function heldBy() {
  const holders = processesHolding(file);
  return holders.length ? `it is open in ${holders.join(", ")}` : "another process holds it";
}

if (isPostgres) {
  derivePostgresSchema();
} else {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 0 });
  try {
    if (db.pragma("journal_mode", { simple: true }) !== "wal") db.pragma("journal_mode = WAL");
  } catch (error) {
    if (!String(error?.code).startsWith("SQLITE_BUSY")) throw error;
    stop(`cannot switch ${shown} to WAL mode because ${heldBy()}; stop it and start again.`);
  } finally {
    db.close();
  }
  if (pendingMigrations(file, path.join(root, providers.sqlite.folder, "migrations")).length === 0) {
    if (!quiet) console.log("database: up to date (SQLite)");
    process.exit(0);
  }
  const free = await waitForWriteLock(file, LOCK_WAIT_MS, () =>
    console.log(`database: waiting for ${shown}: another process is writing to it (${heldBy()})...`),
  );
  if (!free) {
    stop(
      `cannot migrate ${shown}: its write lock stayed taken for ${LOCK_WAIT_MS / 1000} s and ${heldBy()}; ` +
        "stop that process, then start again.",
    );
  }
}

const verbose = Boolean(process.env.DB_MIGRATE_VERBOSE);
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
  cwd: root,
  stdio: ["ignore", verbose ? "inherit" : "ignore", "pipe"],
  encoding: "utf8",
  env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
if (result.status !== 0) {
  // Another process took the lock between our check and Prisma's write.
  if (file && !writeLockFree(file)) {
    stop(`cannot migrate ${shown}: another process took its write lock meanwhile (${heldBy()}); start again.`);
  }
  process.stderr.write(result.stderr ?? "");
  stop(`migrate deploy failed (exit ${result.status ?? result.signal}); its output is above.`);
}
if (verbose) process.stderr.write(result.stderr ?? "");
if (!quiet) console.log(`database: migrations applied (${isPostgres ? "PostgreSQL" : "SQLite"})`);
