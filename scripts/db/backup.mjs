// `npm run db:backup [-- --dir <folder>] [--keep <n>]`: a consistent copy of the database
// named by DATABASE_URL in a timestamped file, while the server keeps running.
// SQLite: the online backup API (better-sqlite3 `.backup()`), which copies pages while other
// connections keep reading and writing — never a file copy, which can catch the database
// between a write and its WAL checkpoint. PostgreSQL: `pg_dump -Fc` (one consistent snapshot).
// `--keep n` then removes all but the newest n backups of the folder.
// The issuer key and the TOTP key are NOT in the database; back them up apart (README).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { DEFAULT_BACKUP_DIR, databaseTarget, runPgTool, shown, stop, timestampName } from "./backup-common.mjs";
import { root } from "./providers.mjs";

let options;
try {
  ({ values: options } = parseArgs({
    options: { dir: { type: "string", default: DEFAULT_BACKUP_DIR }, keep: { type: "string" } },
  }));
} catch (error) {
  stop(`${error.message}; use --dir <folder> and --keep <number>.`);
}
const keep = options.keep === undefined ? null : Number(options.keep);
if (keep !== null && !(Number.isInteger(keep) && keep >= 1)) stop(`--keep must be a whole number of at least 1.`);

const dir = path.resolve(root, options.dir);
fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
const target = databaseTarget();
const extension = target.kind === "sqlite" ? ".db" : ".pgdump";

let file = path.join(dir, `${timestampName()}${extension}`);
for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `${timestampName()}-${n}${extension}`);
// Written under a temporary name and renamed when whole: a crash never leaves a half backup
// that looks like the newest one.
const partial = `${file}.partial`;

if (target.kind === "sqlite") {
  if (!fs.existsSync(target.file)) stop(`there is no database at ${target.shown} to back up.`);
  const db = new Database(target.file, { readonly: true, fileMustExist: true });
  try {
    await db.backup(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    stop(`backing up ${target.shown} failed: ${error.message}`);
  } finally {
    db.close();
  }
} else {
  const args = ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`];
  if (target.schema) args.push(`--schema=${target.schema}`);
  try {
    runPgTool("pg_dump", [...args, target.url], "pg_dump");
  } finally {
    if (!fs.existsSync(partial) || fs.statSync(partial).size === 0) fs.rmSync(partial, { force: true });
  }
}
fs.chmodSync(partial, 0o600);
fs.renameSync(partial, file);
console.log(`database: backed up to ${shown(file)} (${target.kind === "sqlite" ? "SQLite" : "PostgreSQL"})`);

if (keep !== null) {
  const backups = fs
    .readdirSync(dir)
    .filter((name) => /^puente-\d{8}-\d{6}(-\d+)?\.(db|pgdump)$/.test(name))
    .sort()
    .reverse();
  for (const old of backups.slice(keep)) fs.rmSync(path.join(dir, old));
  if (backups.length > keep) console.log(`database: removed ${backups.length - keep} older backup(s)`);
}
