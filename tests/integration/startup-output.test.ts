// A clean start prints only what a person needs: no Prisma notices, no "all went well" lines.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { tmpDir, uniqueName } from "../setup/databases.ts";

const run = promisify(execFile);
const file = path.join(tmpDir, `${uniqueName("startup")}.db`);

afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
});

async function migrate(args: string[]): Promise<string> {
  const { stdout, stderr } = await run(process.execPath, ["scripts/db/migrate.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
  });
  return stdout + stderr;
}

describe("start-up output", () => {
  it("migrating a new database under npm start (--quiet) prints nothing", async () => {
    expect(await migrate(["--quiet"])).toBe("");
  }, 60_000);

  it("npm run db:migrate says one line, without Prisma's config notices", async () => {
    // A fresh database gets its migrations; the quiet run above already migrated this one.
    expect(await migrate([])).toMatch(/^database: (migrations applied|up to date) \(SQLite\)\n$/);
  }, 60_000);

  it("npm start asks for quiet migrations", () => {
    const scripts = JSON.parse(fs.readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    for (const name of ["start", "dev", "serve"]) expect(scripts[name]).toContain("db:migrate --silent -- --quiet");
  });
});
