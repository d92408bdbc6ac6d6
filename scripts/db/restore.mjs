// `npm run db:restore -- <backup file> [--force]`: puts a backup made by db:backup back as the
// database named by DATABASE_URL. A database that already holds data is replaced only with
// --force (a restore throws away everything written since the backup), and a SQLite file a
// running server has open is never replaced: stop the server first.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseTarget, runPgTool, shown, stop } from "./backup-common.mjs";
import { processesHolding } from "./sqlite-file.mjs";

let parsed;
try {
  parsed = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
} catch (error) {
  stop(`${error.message}; use: npm run db:restore -- <backup file> [--force].`);
}
const [source, ...extra] = parsed.positionals;
if (!source || extra.length) stop("name one backup file: npm run db:restore -- <backup file> [--force].");
const backup = path.resolve(source);
if (!fs.existsSync(backup)) stop(`there is no backup at ${source}.`);
const force = parsed.values.force;
const target = databaseTarget();

/** The tables of a SQLite file, or null when it is not one. */
function sqliteTables(file, { readonly = true } = {}) {
  try {
    const db = new Database(file, { readonly, fileMustExist: true });
    try {
      return db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .all();
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

async function postgresHoldsData() {
  const client = new pg.Client({ connectionString: target.url });
  try {
    await client.connect();
  } catch (error) {
    stop(`cannot connect to the PostgreSQL database: ${error.message}`);
  }
  try {
    const schema = target.schema ?? "public";
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1",
      [schema],
    );
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

const REFUSE = (where) =>
  `${where} already holds a database; run again with --force to replace it with ${shown(backup)} ` +
  "(everything written since that backup is lost).";

if (target.kind === "sqlite") {
  const tables = sqliteTables(backup);
  if (!tables?.includes("_prisma_migrations")) stop(`${source} is not a SQLite backup of Puente.`);
  if (fs.existsSync(target.file)) {
    const holders = processesHolding(target.file);
    if (holders.length) stop(`${target.shown} is open in ${holders.join(", ")}; stop it, then restore.`);
    if (!force && sqliteTables(target.file)?.length !== 0) stop(REFUSE(target.shown));
  }
  fs.mkdirSync(path.dirname(target.file), { recursive: true });
  // Copied through SQLite into a new file beside the target, then renamed over it: a restore
  // that fails leaves the old database as it was. Its WAL and shared-memory files belong to
  // the old database and go with it.
  const partial = `${target.file}.restoring`;
  fs.rmSync(partial, { force: true });
  const from = new Database(backup, { readonly: true });
  try {
    await from.backup(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    stop(`restoring ${source} failed: ${error.message}`);
  } finally {
    from.close();
  }
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target.file}${suffix}`, { force: true });
  fs.renameSync(partial, target.file);
  const db = new Database(target.file);
  db.pragma("journal_mode = WAL");
  db.close();
  console.log(`database: restored ${target.shown} from ${shown(backup)} (SQLite)`);
} else {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(backup, "r");
  fs.readSync(fd, head, 0, 5, 0);
  fs.closeSync(fd);
  if (head.toString() !== "PGDMP") {
    stop(`${source} is not a pg_dump backup (made by npm run db:backup on PostgreSQL).`);
  }
  if (!force && (await postgresHoldsData())) stop(REFUSE("the PostgreSQL database"));
  const args = ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"];
  runPgTool("pg_restore", [...args, `--dbname=${target.url}`, backup], "pg_restore");
  console.log(`database: restored the PostgreSQL database from ${shown(backup)}`);
}
