// The PostgreSQL schema is derived from prisma/schema.prisma (provider and output lines
// only), so the data model has one source of truth.
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export const providers = {
  sqlite: { folder: "prisma", schema: "prisma/schema.prisma" },
  postgresql: { folder: "prisma/postgres", schema: "prisma/postgres/schema.prisma" },
};

export function derivePostgresSchema() {
  const source = fs.readFileSync(path.join(root, providers.sqlite.schema), "utf8");
  const derived = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output       = "../app/generated/prisma-sqlite"', 'output       = "../../app/generated/prisma-pg"')
    .replace('url      = "file:./placeholder.db"', 'url      = "postgresql://placeholder@localhost/placeholder"')
    .replace(
      /^\/\/ The one data model[\s\S]*?edit that copy\.\n/m,
      "// GENERATED from prisma/schema.prisma by scripts/db/generate.mjs — do not edit.\n",
    );
  if (!derived.includes('"postgresql"') || !derived.includes("prisma-pg")) {
    throw new Error("could not derive the PostgreSQL schema: the generator/datasource lines changed shape");
  }
  const target = path.join(root, providers.postgresql.schema);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== derived) fs.writeFileSync(target, derived);
  return target;
}
