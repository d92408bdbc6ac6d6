// npm run db:backup and db:restore on the suite's database (SQLite, or PostgreSQL with
// TEST_PG_URL): a backup restored into an empty database holds every table row for row (the
// tables read from the database's own catalog), and a restore never replaces a database that
// holds data without --force.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { adminQuery, postgresAdminUrl, tmpDir, uniqueName, withDatabase } from "../setup/databases.ts";
import { createMember, createUser, sessionCookie } from "../helpers/factories.ts";

const run = promisify(execFile);
const source = process.env.DATABASE_URL!;
const adminUrl = postgresAdminUrl();
const backupDir = path.join(tmpDir, uniqueName("backups"));
const created: string[] = [];

type Outcome = { code: number; stdout: string; stderr: string };

async function script(name: "backup" | "restore", args: string[], databaseUrl: string): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [`scripts/db/${name}.mjs`, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A database that does not exist yet (SQLite) or exists empty (PostgreSQL). */
async function emptyDatabase(): Promise<string> {
  const name = uniqueName("restored").toLowerCase();
  if (adminUrl) {
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
    created.push(name);
    return withDatabase(adminUrl, name);
  }
  const file = path.join(tmpDir, `${name}.db`);
  created.push(file);
  return `file:${file}`;
}

const cell = (_key: string, value: unknown) =>
  value instanceof Uint8Array
    ? Buffer.from(value).toString("base64")
    : typeof value === "bigint"
      ? String(value)
      : value;

/** Every table of the database with its rows, each as JSON, in a stable order. */
async function contents(databaseUrl: string): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  if (databaseUrl.startsWith("file:")) {
    const file = new Database(databaseUrl.slice("file:".length), { readonly: true });
    try {
      const names = file
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .all() as string[];
      for (const name of names) {
        tables[name] = file
          .prepare(`SELECT * FROM "${name}"`)
          .all()
          .map((row) => JSON.stringify(row, cell))
          .sort();
      }
    } finally {
      file.close();
    }
    return tables;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: names } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    for (const { name } of names) {
      const { rows } = await client.query(`SELECT * FROM "${name}"`);
      tables[name] = rows.map((row) => JSON.stringify(row, cell)).sort();
    }
  } finally {
    await client.end();
  }
  return tables;
}

function backupFileOf(outcome: Outcome): string {
  expect(outcome.stderr).toBe("");
  const match = /^database: backed up to (.+) \((SQLite|PostgreSQL)\)\n$/.exec(outcome.stdout);
  expect(match, outcome.stdout).not.toBeNull();
  return path.resolve(match![1]!);
}

beforeAll(async () => {
  // Rows of several kinds: accounts (one with accents and no verified email), an organization
  // with a role, a session, the audit entries granting the role writes.
  const { user } = await createMember("vetting_officer");
  await sessionCookie(user.id);
  await createUser({ name: 'José Ñúñez O\'Brien "QA"', language: "es", verified: false });
});

afterAll(async () => {
  fs.rmSync(backupDir, { recursive: true, force: true });
  for (const name of created) {
    if (adminUrl) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    else for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${name}${suffix}`, { force: true });
  }
});

describe("db:backup and db:restore", () => {
  it("a backup restored into an empty database has every table, row for row", async () => {
    const file = backupFileOf(await script("backup", ["--dir", backupDir], source));
    expect(path.basename(file)).toMatch(/^puente-\d{8}-\d{6}\.(db|pgdump)$/);
    expect(fs.statSync(file).mode & 0o077).toBe(0);

    const target = await emptyDatabase();
    const restored = await script("restore", [file], target);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);

    const before = await contents(source);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before.User!.length).toBeGreaterThanOrEqual(2);
    expect(before.Session!.length).toBeGreaterThanOrEqual(1);
    expect(await contents(target)).toEqual(before);
  }, 120_000);

  it("refuses to replace a database holding data without --force, then replaces it with --force", async () => {
    const file = backupFileOf(await script("backup", ["--dir", backupDir], source));
    const before = await contents(source);
    // A change made after the backup; the target gets the later state.
    await db.user.updateMany({ data: { name: "Changed after the backup" } });
    const laterFile = backupFileOf(await script("backup", ["--dir", backupDir], source));
    const target = await emptyDatabase();
    expect((await script("restore", [laterFile], target)).code).toBe(0);

    const refused = await script("restore", [file], target);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/^database: .+ already holds a database; run again with --force .+\.\n$/);
    expect((await contents(target)).User).not.toEqual(before.User);

    const forced = await script("restore", [file, "--force"], target);
    expect(forced.stderr).toBe("");
    expect(forced.code).toBe(0);
    expect(await contents(target)).toEqual(before);
  }, 120_000);

  it("says in one sentence what is wrong with a missing or foreign file", async () => {
    const target = await emptyDatabase();
    const missing = await script("restore", [path.join(backupDir, "nope.db")], target);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^database: there is no backup at .+nope\.db\.\n$/);

    const foreign = path.join(tmpDir, `${uniqueName("foreign")}.txt`);
    fs.writeFileSync(foreign, "not a database");
    created.push(foreign);
    const refused = await script("restore", [foreign], target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^database: .+ is not a (SQLite|pg_dump) backup.+\.\n$/);
  }, 60_000);

  it("--keep removes all but the newest backups", async () => {
    const dir = path.join(backupDir, "keep");
    fs.mkdirSync(dir, { recursive: true });
    for (const old of ["puente-20200101-000000", "puente-20200102-000000", "puente-20200103-000000"]) {
      fs.writeFileSync(path.join(dir, `${old}${adminUrl ? ".pgdump" : ".db"}`), "");
    }
    fs.writeFileSync(path.join(dir, "notes.txt"), "kept: not a backup");
    const outcome = await script("backup", ["--dir", dir, "--keep", "2"], source);
    expect(outcome.code).toBe(0);
    const left = fs.readdirSync(dir).sort();
    expect(left).toHaveLength(3);
    expect(left).toContain("notes.txt");
    expect(left).toContain(`puente-20200103-000000${adminUrl ? ".pgdump" : ".db"}`);
  }, 60_000);
});
