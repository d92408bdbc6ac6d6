// Runs before each test file, before the app's modules are imported: points DATABASE_URL at
// a fresh copy of the migrated template, so no test file sees another's rows.
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { ensureIssuer } from "../../scripts/credentials/issuer-keys.mjs";
import { adminQuery, postgresAdminUrl, tmpDir, uniqueName, withDatabase } from "./databases.ts";

const template = inject("dbTemplate");
const fileId = uniqueName(template.runId);

if (template.provider === "postgresql") {
  const adminUrl = postgresAdminUrl()!;
  const name = `puente_t_${fileId}`.toLowerCase();
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template.name}"`);
  process.env.DATABASE_URL = withDatabase(adminUrl, name);
} else {
  const file = path.join(tmpDir, `${fileId}.db`);
  fs.copyFileSync(template.name, file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.MAIL_DIR = path.join(tmpDir, `mail-${fileId}`);
process.env.APP_URL ??= "http://localhost:3000";
// The credential issuer identity, made as `npm start` makes it (one per run; tests that
// rotate keys point ISSUER_KEYS_FILE at a file of their own).
process.env.ISSUER_KEYS_FILE ??= path.join(tmpDir, `issuer-${template.runId}.json`);
await ensureIssuer();
