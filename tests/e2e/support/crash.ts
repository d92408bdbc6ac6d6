// The crash-safety test's tools (tests/e2e/crash-safety.e2e.test.ts, decision 018): a copy of
// the suite's demo database, the production server on it that the test SIGKILLs, the trace
// file the server's crash points write, and plain SQL on the file between kills (a second
// Prisma client in this process would be bound to the suite's database).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { checkAuditChain, type ChainEvent, type ChainHead } from "~/modules/audit/index.server.ts";
import { currentRun } from "../setup/run.ts";
import { startServer, type TestServer } from "./server.ts";

export type CrashPoint = "quiz-submit" | "import-batch" | "credential-issue" | "audit-append";

/** A database of its own for one path: a consistent copy of the suite's seeded demo database. */
export function crashDatabase(name: string): { file: string; url: string; trace: string; mailDir: string } {
  const run = currentRun();
  const file = `${run.tmpPrefix}-crash-${name}.db`;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const suite = new Database(path.resolve(run.databaseUrl.replace(/^file:/, "")), { readonly: true });
  try {
    suite.prepare("VACUUM INTO ?").run(file);
  } finally {
    suite.close();
  }
  const trace = `${run.tmpPrefix}-crash-${name}.trace`;
  fs.writeFileSync(trace, "");
  return { file, url: `file:${file}`, trace, mailDir: `${run.tmpPrefix}-crash-${name}-mail` };
}

/** Plain SQL on the file while `work` runs; the connection is closed after. */
export function withFile<T>(file: string, work: (sql: Database.Database) => T): T {
  const sql = new Database(file, { timeout: 10_000 });
  try {
    return work(sql);
  } finally {
    sql.close();
  }
}

/** A date as the app's SQLite rows hold them. */
export const isoNow = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString().replace("Z", "+00:00");

/**
 * A session row for `userId` (the second factor given and the password confirmed again just
 * now), as sign-in would write it: the cookie the server accepts. Saves an Argon2 check per
 * restart; the sessions outlive every kill.
 */
export function insertSession(sql: Database.Database, userId: string): string {
  const id = crypto.randomBytes(20).toString("hex");
  sql
    .prepare(
      'INSERT INTO "Session" (id, userId, expiresAt, secondFactorAt, createdAt, lastSeenAt, reauthAt) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(id, userId, isoNow(3_600_000), isoNow(), isoNow(), isoNow(), isoNow());
  return `puente_session=${id}`;
}

/**
 * A copy of `from`'s row (a seeded demo account) under a new id and email, active and with a
 * verified address whatever earlier browser tests did to the original.
 */
export function cloneUser(sql: Database.Database, from: string, email: string): string {
  const id = `crash-${crypto.randomBytes(8).toString("hex")}`;
  const columns = (sql.prepare('PRAGMA table_info("User")').all() as { name: string }[]).map((c) => c.name);
  const fixed: Record<string, string> = { id: "@id", email: "@email", deactivatedAt: "NULL", emailVerifiedAt: "@now" };
  const values = columns.map((c) => fixed[c] ?? `"${c}"`);
  sql
    .prepare(
      `INSERT INTO "User" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${values.join(", ")} FROM "User" WHERE id = @from`,
    )
    .run({ id, email, from, now: isoNow() });
  return id;
}

export const userIdOf = (sql: Database.Database, email: string) =>
  (sql.prepare('SELECT id FROM "User" WHERE email = ?').get(email) as { id: string }).id;

/** The audit chain as `npm run audit:verify` checks it; null when it is whole. */
export function auditChainProblem(sql: Database.Database): string | null {
  const events = (
    sql.prepare('SELECT * FROM "AuditEvent" ORDER BY seq').all() as (Omit<ChainEvent, "at"> & { at: string })[]
  ).map((e) => ({ ...e, at: new Date(e.at) }));
  const head = sql.prepare('SELECT appends, lastSeq, lastHash FROM "AuditHead" WHERE id = 1').get() as
    | ChainHead
    | undefined;
  return checkAuditChain(events, head ?? null).problem;
}

export type CrashServerOptions = { pause?: CrashPoint; skip?: number };

// A test that times out is abandoned, not unwound: its servers would outlive the worker (one
// may be paused inside a transaction). The worker kills what is left when it exits.
const live = new Set<number>();
process.once("exit", () => {
  for (const pid of live) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Gone already.
    }
  }
});

/** The production server, one process, on the path's database; its crash points write `trace`. */
export class CrashServer {
  private server: TestServer | null = null;
  private traceLines = 0;

  constructor(private readonly db: ReturnType<typeof crashDatabase>) {}

  get baseUrl(): string {
    if (!this.server) throw new Error("the crash server is not running");
    return this.server.baseUrl;
  }

  async start(options: CrashServerOptions = {}): Promise<void> {
    this.traceLines = this.lines().length;
    this.server = await startServer({
      DATABASE_URL: this.db.url,
      MAIL_DIR: this.db.mailDir,
      PUENTE_WORKERS: "1",
      QUIZ_COOLDOWN_SECONDS: "0",
      // The admin's confirmed access (decision 016) lasts the whole run, however slow the machine.
      REAUTH_MINUTES: "60",
      LOG_LEVEL: "warn",
      PUENTE_CRASH_TRACE: this.db.trace,
      PUENTE_CRASH_PAUSE: options.pause ?? "",
      PUENTE_CRASH_SKIP: String(options.skip ?? 0),
      // Longer than any test waits for the line, shorter than the transactions' timeouts.
      PUENTE_CRASH_PAUSE_MS: "8000",
      PUENTE_CRASH_PARENT: String(process.pid),
    });
    live.add(this.server.pid);
  }

  private lines(): string[] {
    return fs.readFileSync(this.db.trace, "utf8").split("\n").filter(Boolean);
  }

  /** The point this process paused at, once its line is written (the transaction is then open). */
  async pausedAt(timeoutMs = 15_000): Promise<CrashPoint> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const paused = this.lines()
        .slice(this.traceLines)
        .find((l) => l.endsWith(" paused"));
      if (paused) return paused.split(" ")[0] as CrashPoint;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no crash point paused within ${timeoutMs} ms:\n${this.server?.log()}`);
  }

  /** SIGKILL: no handler runs, nothing is flushed, open transactions stay unfinished. */
  async kill(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    process.kill(server.pid, "SIGKILL");
    await server.stop();
    live.delete(server.pid);
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    if (this.server) live.delete(this.server.pid);
    this.server = null;
  }

  /** A form post with the session cookie (see `postForm`). */
  post(pathname: string, cookie: string, body: URLSearchParams | FormData): Promise<Response | null> {
    return postForm(`${this.baseUrl}${pathname}`, cookie, body);
  }
}

/**
 * A form post: the response, or null when the connection died before its head arrived. The
 * head decides: a kill can land while the body is still on its way, after the server has
 * answered (a redirect or a 200 head is sent only once the action has finished).
 */
export async function postForm(
  url: string,
  cookie: string,
  body: URLSearchParams | FormData,
): Promise<Response | null> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { Cookie: cookie }, body, redirect: "manual" });
  } catch {
    return null;
  }
  await response.arrayBuffer().catch(() => undefined);
  return response;
}

/** Whether a response acknowledges a write: a 2xx or a redirect. */
export const acknowledged = (response: Response | null): response is Response =>
  response !== null && response.status >= 200 && response.status < 400;

/** Where a redirect sends the client; null for anything else. */
export const redirectedTo = (response: Response | null): string | null =>
  response && response.status >= 300 && response.status < 400 ? response.headers.get("Location") : null;

/** A random delay (ms) in [0, max): where an unpaused kill lands. */
export const randomDelay = (max: number) => crypto.randomInt(max);

/** Kills counted by the suite for its one-line summary. */
export const tally = { kills: 0, paused: 0, random: 0 };
