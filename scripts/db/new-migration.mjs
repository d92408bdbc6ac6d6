// `npm run db:migration -- <name>`: writes a migration for each provider by diffing the
// schema as of the last migration (kept beside the migrations) against the working one.
// `prisma migrate dev` needs a shadow database the driver adapters cannot provide.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { derivePostgresSchema, providers, root } from "./providers.mjs";

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
derivePostgresSchema();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

for (const [provider, { folder, schema }] of Object.entries(providers)) {
  const migrations = path.join(root, folder, "migrations");
  const snapshot = path.join(migrations, "schema.snapshot.prisma");
  fs.mkdirSync(migrations, { recursive: true });
  const from = fs.existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    process.execPath,
    ["node_modules/prisma/build/index.js", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/i.test(sql)) {
    console.log(`${provider}: schema unchanged, no migration written`);
    continue;
  }
  const dir = path.join(migrations, `${stamp}_${name}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  fs.copyFileSync(path.join(root, schema), snapshot);
  const lock = path.join(migrations, "migration_lock.toml");
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, `provider = "${provider}"\n`);
  console.log(`${provider}: wrote ${path.relative(root, dir)}/migration.sql`);
}
