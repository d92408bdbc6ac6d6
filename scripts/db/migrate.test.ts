// `npm start` while another process uses the same SQLite file: scripts/db/migrate.mjs goes on,
// waits for the lock, or stops with one sentence naming the process; never Prisma's
// "WASM_ERROR … unknown variant SocketTimeout". SQLite only (PostgreSQL has no file lock).
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it, onTestFinished } from "vitest";
import { holdSqliteLock } from "../../tests/helpers/sqlite-lock.ts";

const root = path.resolve(__dirname, "../..");
const onPostgres = Boolean(process.env.TEST_PG_URL);

function migrate(file: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string; ms: number }>((resolve) => {
    const started = Date.now();
    execFile(
      process.execPath,
      ["scripts/db/migrate.mjs"],
      { cwd: root, env: { ...process.env, ...env, DATABASE_URL: `file:${file}` } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, ms: Date.now() - started }),
    );
  });
}

/** A WAL file with no tables yet: every migration is pending. */
function newDatabase(name: string): string {
  const file = path.join(root, "tests/.tmp", `${name}-${process.pid}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.close();
  onTestFinished(() => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  });
  return file;
}

const tables = (file: string) => {
  const db = new Database(file, { readonly: true });
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
  db.close();
  return names;
};

describe.skipIf(onPostgres)("migrate with the SQLite file in use by another process (SQLite only)", () => {
  it("goes on without writing when nothing is pending, even while another process holds the write lock", async () => {
    const file = newDatabase("migrate-current");
    expect((await migrate(file)).code).toBe(0);
    const holder = await holdSqliteLock(file, 60_000);
    onTestFinished(holder.release);
    const run = await migrate(file);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("database: up to date (SQLite)");
  }, 60_000);

  it("waits for a lock released in time, then applies the migrations", async () => {
    const file = newDatabase("migrate-wait");
    const holder = await holdSqliteLock(file, 2_000);
    onTestFinished(holder.release);
    const run = await migrate(file);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/waiting for .*another process is writing to it/);
    expect(run.stdout).toContain("database: migrations applied (SQLite)");
    expect(tables(file)).toContain("User");
  }, 60_000);

  it("stops with one sentence naming the process when the lock stays taken", async () => {
    const file = newDatabase("migrate-stuck");
    const holder = await holdSqliteLock(file, 60_000);
    onTestFinished(holder.release);
    const run = await migrate(file, { DB_MIGRATE_LOCK_WAIT_MS: "1500" });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^database: cannot migrate .*migrate-stuck.*: its write lock stayed taken for 1\.5 s/);
    expect(lines[0]).toContain("sqlite-lock-holder.mjs");
    expect(run.stderr).not.toMatch(/WASM|SocketTimeout/);
    expect(tables(file)).toEqual([]);
  }, 60_000);
});
