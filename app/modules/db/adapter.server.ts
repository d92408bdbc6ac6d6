// One place that turns DATABASE_URL into a Prisma driver adapter; prisma.config.ts (the
// CLI: migrate deploy, db push) and the app's client both call it.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

export const DEFAULT_DATABASE_URL = "file:./data/puente.db";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function providerOf(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

export function sqliteFilePath(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}

// PostgreSQL catalog columns of type `name` (OID 19) and `"char"` (OID 18) are not known
// to @prisma/adapter-pg 6.19, which breaks `migrate deploy` and `db push` (prisma/orm
// issue 27403). pg already returns both as strings, so reporting them as text is exact.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function readCatalogTypesAsText<T>(result: T): T {
  if (result instanceof Promise) {
    return result.then((value: QueryResultLike) => {
      for (const field of value?.fields ?? []) {
        if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
      }
      return value;
    }) as T;
  }
  return result;
}

// The adapter queries through the pool (plain queries) and through checked-out clients
// (transactions, migrations); both paths need the fix. pg's overloads cannot be restated
// one by one, hence the loose signatures.
/* eslint-disable @typescript-eslint/no-explicit-any */
class CatalogTolerantClient extends pg.Client {
  override query(...args: any[]): any {
    return readCatalogTypesAsText((super.query as (...a: any[]) => unknown)(...args));
  }
}

class CatalogTolerantPool extends pg.Pool {
  override query(...args: any[]): any {
    return readCatalogTypesAsText((super.query as (...a: any[]) => unknown)(...args));
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

type PrepareFn = (sql: string) => unknown;
type Releasable = { commit(): Promise<void>; rollback(): Promise<void> };
type Connection = {
  client: { prepare: PrepareFn };
  startTransaction(isolationLevel?: unknown): Promise<Releasable>;
  queryRaw(query: unknown): Promise<unknown>;
  executeRaw(query: unknown): Promise<unknown>;
  executeScript(script: string): Promise<void>;
};

/** A first-in-first-out lock: `acquire()` resolves to the function that releases it. */
function fifoLock() {
  let tail: Promise<void> = Promise.resolve();
  return (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = tail;
    tail = tail.then(() => held);
    return ready.then(() => release);
  };
}

/**
 * The better-sqlite3 adapter shares one connection per process. Two fixes on top of it:
 * - Transactions start with BEGIN IMMEDIATE instead of a deferred BEGIN. A deferred
 *   transaction that reads before it writes fails at once with SQLITE_BUSY when another
 *   process wrote in between (the busy timeout does not cover that upgrade); an immediate one
 *   waits its turn for the write lock. Found by the 200-learner concurrency test.
 * - A query made outside a transaction while one is open would run inside it, reading its
 *   uncommitted rows and vanishing with its rollback. Every statement and every transaction
 *   therefore takes one lock per connection, held from BEGIN until COMMIT or ROLLBACK.
 */
class SerialisedSQLite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const connection = adapter as unknown as Connection;
    const prepare = connection.client.prepare.bind(connection.client);
    connection.client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);

    const acquire = fifoLock();
    const startTransaction = connection.startTransaction.bind(connection);
    connection.startTransaction = async (isolationLevel) => {
      const release = await acquire();
      try {
        const tx = await startTransaction(isolationLevel);
        const commit = tx.commit.bind(tx);
        const rollback = tx.rollback.bind(tx);
        tx.commit = () => commit().finally(release);
        tx.rollback = () => rollback().finally(release);
        return tx;
      } catch (error) {
        release();
        throw error;
      }
    };
    for (const method of ["queryRaw", "executeRaw", "executeScript"] as const) {
      const run = (connection[method] as (arg: unknown) => Promise<unknown>).bind(connection);
      (connection[method] as (arg: unknown) => Promise<unknown>) = async (arg: unknown) => {
        const release = await acquire();
        try {
          return await run(arg);
        } finally {
          release();
        }
      };
    }
    return adapter;
  }
}

export function createAdapterFactory(url: string = databaseUrl()) {
  if (providerOf(url) === "postgresql") {
    const pool = new CatalogTolerantPool({
      connectionString: url,
      Client: CatalogTolerantClient,
      max: Number(process.env.PG_POOL_SIZE ?? 10),
    });
    return new PrismaPg(pool);
  }
  return new SerialisedSQLite({ url: `file:${sqliteFilePath(url)}`, timeout: 10_000 });
}
