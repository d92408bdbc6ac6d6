// One place that turns DATABASE_URL into a Prisma driver adapter; prisma.config.ts (the
// CLI: migrate deploy, db push) and the app's client both call it.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { BUSY_TIMEOUT_MS, createLockManager, DEFAULT_LOCK_WAIT_MS, type SqliteClient } from "./sqlite-lock.server.ts";
import { assertOutsideTransactionScope } from "./transaction-scope.server.ts";

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

type Query = { sql: string };
type Transaction = {
  readonly provider: "sqlite";
  readonly adapterName: string;
  readonly options: { usePhantomQuery: boolean };
  queryRaw(query: Query): Promise<unknown>;
  executeRaw(query: Query): Promise<unknown>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
};
type Connection = {
  adapterName: string;
  client: SqliteClient;
  startTransaction(isolationLevel?: string): Promise<Transaction>;
  queryRaw(query: Query): Promise<unknown>;
  executeRaw(query: Query): Promise<unknown>;
  executeScript(script: string): Promise<void>;
};

/**
 * The better-sqlite3 adapter shares one connection per process. On top of it:
 * - Every statement and every transaction goes through one lock per connection, held from
 *   BEGIN until COMMIT or ROLLBACK: a query made outside a transaction while one is open
 *   would otherwise run inside it, reading its uncommitted rows and vanishing with its
 *   rollback.
 * - Transactions start with BEGIN IMMEDIATE instead of a deferred BEGIN. A deferred
 *   transaction that reads before it writes fails at once with SQLITE_BUSY when another
 *   process wrote in between; an immediate one waits its turn for the write lock.
 * - Waiting for another process's write lock happens on timers, never in a busy-wait, and
 *   ends in DatabaseBusyError (see sqlite-lock.server.ts).
 * - Transactions are ours, not the adapter's: its own startTransaction kept an internal mutex
 *   locked for good when BEGIN threw, and Prisma never released a transaction whose COMMIT
 *   threw. Ours always end with the connection released and no transaction left open.
 */
class SerializedSQLite extends PrismaBetterSQLite3 {
  #lockWaitMs: number;
  #locks: ReturnType<typeof createLockManager> | null = null;
  #client: SqliteClient | null = null;
  #statements = new Map<string, PreparedStatement>();

  constructor(url: string, lockWaitMs: number) {
    super({ url, timeout: BUSY_TIMEOUT_MS });
    this.#lockWaitMs = lockWaitMs;
  }

  /** The statement prepared once on the shared connection; null before Prisma has connected. */
  #prepared(sql: string): { statement: PreparedStatement; locks: ReturnType<typeof createLockManager> } | null {
    const client = this.#client;
    const locks = this.#locks;
    if (!client || !locks) return null;
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = (client as unknown as { prepare(sql: string): PreparedStatement }).prepare(sql);
      this.#statements.set(sql, statement);
    }
    return { statement, locks };
  }

  /**
   * A read through one prepared statement on the shared connection, under the same lock as
   * every Prisma statement (so never inside another request's open transaction); null before
   * Prisma has connected.
   */
  readRows<T>(sql: string, params: readonly unknown[]): Promise<T[]> | null {
    const prepared = this.#prepared(sql);
    if (!prepared) return null;
    return prepared.locks.statement(sql, async () => prepared.statement.all(...params) as T[]);
  }

  /**
   * One write statement outside any transaction, prepared once, under the same lock as every
   * Prisma statement (so it waits out another process's write lock as they do); the number of
   * rows it changed. Null before Prisma has connected.
   */
  runWrite(sql: string, params: readonly unknown[]): Promise<number> | null {
    const prepared = this.#prepared(sql);
    if (!prepared) return null;
    return prepared.locks.statement(sql, async () => prepared.statement.run(...params).changes);
  }

  /** False while another process holds the write lock; null before the first connection. */
  writeLockFree(): Promise<boolean> | null {
    return this.#locks?.writeLockFree() ?? null;
  }

  override async connect() {
    const adapter = await super.connect();
    const connection = adapter as unknown as Connection;
    const locks = createLockManager(connection.client, this.#lockWaitMs);
    this.#locks = locks;
    this.#client = connection.client;
    this.#statements.clear();
    const queryRaw = connection.queryRaw.bind(connection);
    const executeRaw = connection.executeRaw.bind(connection);
    const executeScript = connection.executeScript.bind(connection);

    connection.queryRaw = (query) => {
      assertOutsideTransactionScope();
      return locks.statement(query.sql, () => queryRaw(query));
    };
    connection.executeRaw = (query) => {
      assertOutsideTransactionScope();
      return locks.statement(query.sql, () => executeRaw(query));
    };
    connection.executeScript = (script) => locks.script(() => executeScript(script));
    connection.startTransaction = async (isolationLevel) => {
      assertOutsideTransactionScope();
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
        throw new Error(`SQLite transactions are always SERIALIZABLE; ${isolationLevel} was asked for.`);
      }
      const tx = await locks.begin();
      return {
        provider: "sqlite",
        adapterName: connection.adapterName,
        // Prisma then calls commit()/rollback() instead of sending COMMIT/ROLLBACK itself.
        options: { usePhantomQuery: true },
        queryRaw,
        executeRaw,
        commit: () => tx.finish("COMMIT"),
        rollback: () => tx.finish("ROLLBACK"),
      };
    };
    return adapter;
  }
}

type PreparedStatement = { all(...params: unknown[]): unknown[]; run(...params: unknown[]): { changes: number } };

/** PostgreSQL needs no lock of ours; only the root-client-inside-a-transaction check. */
class ScopeCheckedPg extends PrismaPg {
  #pool: pg.Pool;
  #names = new Map<string, string>();

  constructor(pool: pg.Pool) {
    super(pool);
    this.#pool = pool;
  }

  /** The statement's name on the pool's connections (server-side prepared, once per connection). */
  #named(sql: string): string {
    let name = this.#names.get(sql);
    if (!name) {
      name = `puente_${this.#names.size + 1}`;
      this.#names.set(sql, name);
    }
    return name;
  }

  /** A read as a named (server-side prepared) statement of the pool's connections. */
  readRows<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return this.#pool
      .query({ name: this.#named(sql), text: sql, values: [...params] })
      .then((result) => result.rows as T[]);
  }

  /** One write statement as a named prepared statement; the number of rows it changed. */
  runWrite(sql: string, params: readonly unknown[]): Promise<number> {
    return this.#pool
      .query({ name: this.#named(sql), text: sql, values: [...params] })
      .then((result) => result.rowCount ?? 0);
  }

  override async connect() {
    const adapter = await super.connect();
    const connection = adapter as unknown as Connection;
    for (const method of ["queryRaw", "executeRaw", "startTransaction"] as const) {
      const run = (connection[method] as (arg: unknown) => Promise<unknown>).bind(connection);
      (connection[method] as (arg: unknown) => Promise<unknown>) = (arg: unknown) => {
        assertOutsideTransactionScope();
        return run(arg);
      };
    }
    return adapter;
  }
}

export type AdapterFactory = SerializedSQLite | ScopeCheckedPg;

/**
 * `lockWaitMs`: how long a SQLite writer waits for another process's write lock (the app
 * answers 503 after it; the CLI passes a longer wait).
 */
export function createAdapterFactory(url: string = databaseUrl(), lockWaitMs = DEFAULT_LOCK_WAIT_MS): AdapterFactory {
  if (providerOf(url) === "postgresql") {
    const pool = new CatalogTolerantPool({
      connectionString: url,
      Client: CatalogTolerantClient,
      max: Number(process.env.PG_POOL_SIZE ?? 10),
    });
    return new ScopeCheckedPg(pool);
  }
  return new SerializedSQLite(`file:${sqliteFilePath(url)}`, lockWaitMs);
}
