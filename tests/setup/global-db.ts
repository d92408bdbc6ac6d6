import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import {
  adminQuery,
  ensureTmpDir,
  migrate,
  postgresAdminUrl,
  sqliteTemplatePath,
  tmpDir,
  uniqueName,
  withDatabase,
} from "./databases.ts";

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: { provider: "sqlite" | "postgresql"; name: string; runId: string };
  }
}

export default async function setup(project: TestProject) {
  ensureTmpDir();
  const runId = uniqueName("run");
  const adminUrl = postgresAdminUrl();
  if (adminUrl) {
    const name = `puente_tpl_${runId}`.toLowerCase();
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
    migrate(withDatabase(adminUrl, name));
    project.provide("dbTemplate", { provider: "postgresql", name, runId });
    return async () => {
      // Drop every database this run created (templates and per-file copies).
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1",
        [`%${runId.toLowerCase()}%`],
      );
      await client.end();
      for (const { datname } of rows) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    };
  }
  const file = sqliteTemplatePath(runId);
  migrate(`file:${file}`);
  project.provide("dbTemplate", { provider: "sqlite", name: file, runId });
  return () => {
    for (const entry of fs.readdirSync(tmpDir)) {
      if (entry.includes(runId)) fs.rmSync(path.join(tmpDir, entry), { force: true, recursive: true });
    }
  };
}
