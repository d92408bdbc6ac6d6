// What backup.mjs and restore.mjs share: which database DATABASE_URL names, how pg_dump and
// pg_restore are reached, and the one-sentence way both stop.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root } from "./providers.mjs";

export const DEFAULT_BACKUP_DIR = "data/backups";

export function databaseTarget(env = process.env) {
  const url = env.DATABASE_URL?.trim() || "file:./data/puente.db";
  if (/^postgres(ql)?:\/\//i.test(url)) {
    // libpq refuses Prisma's `?schema=`; the schema becomes pg_dump's --schema instead.
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema");
    parsed.searchParams.delete("schema");
    return { kind: "postgresql", url: parsed.toString(), schema };
  }
  const file = path.resolve(root, url.replace(/^file:/, ""));
  return { kind: "sqlite", file, shown: shown(file) };
}

/** A path relative to the working directory when it is below it. */
export function shown(file) {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") ? relative : file;
}

export function stop(sentence) {
  console.error(`database: ${sentence}`);
  process.exit(1);
}

/** Runs a PostgreSQL client tool; stops with its first error line when it fails. */
export function runPgTool(tool, args, what) {
  const result = spawnSync(tool, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.error?.code === "ENOENT") {
    stop(`${tool} is not installed; install PostgreSQL's client tools (apt-get install postgresql-client).`);
  }
  if (result.status !== 0) {
    const reason = (result.stderr || result.stdout || "").trim().split("\n")[0];
    stop(`${what} failed: ${reason || `${tool} exited with ${result.status}`}`);
  }
  return result.stdout;
}

/** `puente-20261205-214500` in UTC, so names sort by time. */
export function timestampName(now = new Date()) {
  const iso = now.toISOString();
  return `puente-${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 19).replaceAll(":", "")}`;
}
