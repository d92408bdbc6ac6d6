import crypto from "node:crypto";
import { PrismaClient, type Prisma } from "~/generated/prisma-sqlite/client.ts";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-pg/client.ts";
import { createAdapterFactory, databaseUrl, providerOf, type AdapterFactory } from "./adapter.server.ts";
import { isDatabaseBusy } from "./errors.server.ts";
import { DEFAULT_LOCK_WAIT_MS } from "./sqlite-lock.server.ts";
import { assertOutsideTransactionScope, runInTransactionScope } from "./transaction-scope.server.ts";

// Both generated clients expose the same API for our one data model; the SQLite client's
// type stands for both so application code is written once.
export type Db = PrismaClient;
/** The client a `db.$transaction` callback receives. */
export type Tx = Prisma.TransactionClient;

// A transaction may wait this long to start: longer than a SQLite writer waits for another
// process's lock, so that wait ends in DatabaseBusyError rather than Prisma's own timeout.
const transactionOptions = { maxWait: DEFAULT_LOCK_WAIT_MS + 5_000, timeout: 10_000 };

function createClient(): { client: Db; adapter: AdapterFactory } {
  const url = databaseUrl();
  const adapter = createAdapterFactory(url);
  const client =
    providerOf(url) === "postgresql"
      ? (new PostgresPrismaClient({ adapter, transactionOptions }) as unknown as Db)
      : new PrismaClient({ adapter, transactionOptions });
  // Marks the callback's work so the root client refuses to run inside it (see
  // transaction-scope.server.ts); the array form has no callback to mark.
  const $transaction = client.$transaction.bind(client) as (arg: unknown, options?: unknown) => Promise<unknown>;
  Object.defineProperty(client, "$transaction", {
    value: (arg: unknown, options?: unknown) =>
      typeof arg === "function"
        ? $transaction(
            (tx: unknown) => runInTransactionScope(() => (arg as (tx: unknown) => Promise<unknown>)(tx)),
            options,
          )
        : $transaction(arg, options),
  });
  return { client, adapter };
}

// Kept on globalThis so `remix dev` rebuilds reuse one connection pool.
const globalForDb = globalThis as unknown as { puenteDb?: { client: Db; adapter: AdapterFactory } };

const created = globalForDb.puenteDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.puenteDb = created;

export const db: Db = created.client;

export type DatabaseStatus = "up" | "busy" | "down";

const HEALTH_READ: RawRead = {
  sqlite: `SELECT COUNT(*) AS n FROM "User" WHERE "id" = ?`,
  postgresql: `SELECT COUNT(*) AS n FROM "User" WHERE "id" = $1`,
};

/** "busy" while another process holds SQLite's write lock: reads work, writes would wait. */
export async function databaseStatus(): Promise<DatabaseStatus> {
  try {
    // A real round trip through the app's own connection, as a prepared statement: load
    // balancers ask often, and Prisma's per-query cost would be most of the answer's time.
    await readRows(HEALTH_READ, ["healthz"]);
    const free = "writeLockFree" in created.adapter ? await created.adapter.writeLockFree() : true;
    return free === false ? "busy" : "up";
  } catch (error) {
    return isDatabaseBusy(error) ? "busy" : "down";
  }
}

/**
 * A Date as Prisma stores it, for raw SQL (readRows, runWrite, and raw statements inside a
 * transaction): ISO text ending "+00:00" is SQLite's stored form (so text comparisons and sorts
 * agree with the rows Prisma wrote), and PostgreSQL's zone-less `timestamp` takes its UTC time
 * (a Date object would go through the driver's local time zone).
 */
export function sqlDate(date: Date): string {
  return date.toISOString().replace(/Z$/, "+00:00");
}

/**
 * A new row id for rows written without Prisma's `@default(cuid())` (raw inserts, bulk
 * inserts): a random UUID, 122 random bits, which the id columns (plain text) take as they take
 * a cuid.
 */
export const newRowId = (): string => crypto.randomUUID();

/** Dates as `sqlDate`; booleans as 0/1 on SQLite, which binds no booleans. */
function bindable(value: unknown): unknown {
  if (value instanceof Date) return sqlDate(value);
  if (typeof value === "boolean" && "writeLockFree" in created.adapter) return value ? 1 : 0;
  return value;
}

/** One read statement in each database's dialect (PostgreSQL's parameters are $1, $2, …). */
export type RawRead = { sqlite: string; postgresql: string };

/**
 * A hot path's read without Prisma's per-query cost (about 0.7 ms against microseconds for a
 * prepared statement): a prepared statement on SQLite, under the connection's lock like every
 * Prisma statement, or a named prepared statement on PostgreSQL. Rows come back as the driver
 * gives them (SQLite: dates as ISO text, booleans as 0/1), so the caller converts. Not for use
 * inside a transaction callback (the root connection is the transaction's there).
 */
export async function readRows<T>(query: RawRead, params: readonly unknown[]): Promise<T[]> {
  assertOutsideTransactionScope();
  const adapter = created.adapter;
  params = params.map(bindable);
  if ("writeLockFree" in adapter) {
    let rows = adapter.readRows<T>(query.sqlite, params);
    if (!rows) {
      await db.$connect();
      rows = adapter.readRows<T>(query.sqlite, params);
    }
    if (!rows) throw new Error("The SQLite connection is not open.");
    return rows;
  }
  return adapter.readRows<T>(query.postgresql, params);
}

/** One write statement in each database's dialect, as `RawRead`. */
export type RawWrite = { sqlite: string; postgresql: string };

/**
 * A hot path's single-statement write (an UPDATE or INSERT that needs no transaction around
 * it) without Prisma's per-statement cost: prepared once, under the connection's lock on SQLite
 * like every Prisma statement. Returns the number of rows changed. Not for use inside a
 * transaction callback, as `readRows`.
 */
export async function runWrite(query: RawWrite, params: readonly unknown[]): Promise<number> {
  assertOutsideTransactionScope();
  const adapter = created.adapter;
  params = params.map(bindable);
  if ("writeLockFree" in adapter) {
    let changed = adapter.runWrite(query.sqlite, params);
    if (!changed) {
      await db.$connect();
      changed = adapter.runWrite(query.sqlite, params);
    }
    if (!changed) throw new Error("The SQLite connection is not open.");
    return changed;
  }
  return adapter.runWrite(query.postgresql, params);
}
