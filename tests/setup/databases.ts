// Test databases: one migrated template per run, and a fresh copy for every test file
// (a copied SQLite file, or a PostgreSQL database cloned with CREATE DATABASE … TEMPLATE).
// TEST_PG_URL (an admin connection, e.g. postgresql://postgres@127.0.0.1:5432/postgres)
// switches the whole suite to PostgreSQL.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const root = path.resolve(__dirname, "../..");
export const tmpDir = path.join(root, "tests/.tmp");

export function postgresAdminUrl(): string | null {
  return process.env.TEST_PG_URL?.trim() || null;
}

export function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function migrate(databaseUrl: string): void {
  execFileSync(process.execPath, ["scripts/db/migrate.mjs"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
}

export function sqliteTemplatePath(runId: string): string {
  return path.join(tmpDir, `template-${runId}.db`);
}

export function ensureTmpDir(): void {
  fs.mkdirSync(tmpDir, { recursive: true });
}
