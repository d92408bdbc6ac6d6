// What `migrate.mjs` needs to know about a SQLite file before Prisma touches it: which
// migrations it still lacks, whether its write lock is free, and which processes have it open.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Migration folder names not yet applied to the database (all of them on a new file). */
export function pendingMigrations(file, migrationsDir) {
  const available = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name);
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 0 });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return available;
    const applied = new Set(
      db
        .prepare(
          "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
        )
        .pluck()
        .all(),
    );
    return available.filter((name) => !applied.has(name));
  } finally {
    db.close();
  }
}

/** True when the write lock could be taken now (it is taken and dropped at once). */
export function writeLockFree(file) {
  const db = new Database(file, { timeout: 0 });
  try {
    db.prepare("BEGIN IMMEDIATE").run();
    db.prepare("ROLLBACK").run();
    return true;
  } catch (error) {
    if (String(error?.code).startsWith("SQLITE_BUSY")) return false;
    throw error;
  } finally {
    db.close();
  }
}

/** Waits up to `ms` for the write lock to be free; calls `onWait` once if it has to wait. */
export async function waitForWriteLock(file, ms, onWait) {
  const until = Date.now() + ms;
  if (writeLockFree(file)) return true;
  onWait();
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (writeLockFree(file)) return true;
  }
  return false;
}

/**
 * "pid 123 (node server.mjs)" for every other process with the file (or its -wal/-shm) open,
 * read from /proc on Linux; empty where that is not available.
 */
export function processesHolding(file) {
  const targets = new Set([file, `${file}-wal`, `${file}-shm`, `${file}-journal`]);
  const found = [];
  let pids = [];
  try {
    pids = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return found;
  }
  for (const pid of pids) {
    let fds = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's process
    }
    const holds = fds.some((fd) => {
      try {
        return targets.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        return false;
      }
    });
    if (!holds) continue;
    let command = "";
    try {
      command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
    } catch {
      // exited meanwhile
    }
    found.push(`pid ${pid}${command ? ` (${command.length > 80 ? `${command.slice(0, 77)}...` : command})` : ""}`);
  }
  return found;
}
