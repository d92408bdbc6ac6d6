// Waiting for SQLite's write lock without blocking the event loop.
//
// better-sqlite3 is synchronous: its busy timeout is a busy-wait inside the call, so a 10 s
// timeout froze the whole process (static files included) while another process held the
// lock. The connection therefore gets a busy timeout of a few milliseconds, and a statement
// that still finds the lock taken is retried later from a timer. While the lock is known to
// be held, one poller probes for it and every other writer waits on that poller, so the cost
// to the event loop stays at one short probe per back-off step however many requests wait.
import { DatabaseBusyError } from "./errors.server.ts";

/** The connection's busy timeout: the longest a single statement may block the event loop. */
export const BUSY_TIMEOUT_MS = 2;
/** How long a writer waits for another process's lock before giving up with DatabaseBusyError. */
export const DEFAULT_LOCK_WAIT_MS = 5_000;
const FIRST_BACKOFF_MS = 5;
const MAX_BACKOFF_MS = 50;

type Statement = { run(): unknown };
export type SqliteClient = {
  prepare(sql: string): Statement;
  pragma(source: string, options: { simple: true }): unknown;
  inTransaction: boolean;
};

export function isSqliteBusy(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { originalCode?: unknown } } | null;
  // better-sqlite3 throws SqliteError (code); the adapter wraps it (cause.originalCode).
  const code = typeof e?.code === "string" ? e.code : e?.cause?.originalCode;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A first-in-first-out lock: `acquire()` resolves to the function that releases it. */
function fifoLock() {
  let tail: Promise<void> = Promise.resolve();
  return (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = tail;
    tail = tail.then(() => held);
    return ready.then(() => {
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    });
  };
}

/**
 * Everything that touches the shared connection goes through one of these, so a statement
 * never runs inside another request's open transaction, and no lock is kept when a
 * statement throws.
 */
export function createLockManager(client: SqliteClient, lockWaitMs = DEFAULT_LOCK_WAIT_MS) {
  const acquire = fifoLock();
  let poller: Promise<boolean> | null = null;
  let waiters = 0;
  // When another process last committed (its commits change data_version). Writers wait
  // as long as the lock keeps changing hands: only a lock held without progress for
  // `lockWaitMs` ends in DatabaseBusyError, not a long queue of short transactions.
  let dataVersion: unknown = null;
  let progressAt = 0;

  function noteProgress(): void {
    const version = client.pragma("data_version", { simple: true });
    if (dataVersion !== null && version !== dataVersion) progressAt = Date.now();
    dataVersion = version;
  }

  async function exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    const release = await acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** True when this connection could take the write lock now (it takes and drops it). */
  function probe(): boolean {
    try {
      client.prepare("BEGIN IMMEDIATE").run();
    } catch (error) {
      if (isSqliteBusy(error)) return false;
      throw error;
    }
    client.prepare("ROLLBACK").run();
    return true;
  }

  async function poll(): Promise<boolean> {
    let delay = FIRST_BACKOFF_MS;
    for (;;) {
      await sleep(delay);
      if (waiters === 0) return false;
      const free = await exclusive(() => {
        noteProgress();
        return probe();
      });
      if (free) return true;
      delay = Math.min(delay * 2, MAX_BACKOFF_MS);
    }
  }

  /** Resolves true once the poller finds the lock free, false when `until` passes first. */
  async function lockFreed(until: number): Promise<boolean> {
    waiters++;
    let timer: NodeJS.Timeout | undefined;
    try {
      poller ??= poll().finally(() => (poller = null));
      const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, until - Date.now(), false)));
      return await Promise.race([poller, timedOut]);
    } finally {
      clearTimeout(timer);
      waiters--;
    }
  }

  /**
   * Runs `attempt` (which must need the write lock) until it does not fail with SQLITE_BUSY,
   * waiting between tries on the shared poller; gives up after `lockWaitMs` without progress.
   */
  async function withWriteLock<T>(attempt: () => Promise<T>): Promise<T> {
    let waitingSince: number | null = null;
    for (;;) {
      if (!poller) {
        try {
          return await attempt();
        } catch (error) {
          if (!isSqliteBusy(error)) throw error;
        }
      }
      waitingSince ??= Date.now();
      const until = Math.max(waitingSince, progressAt) + lockWaitMs;
      if (Date.now() >= until) throw new DatabaseBusyError(lockWaitMs);
      await lockFreed(until);
    }
  }

  /** Retries a statement that should not need the write lock but met a transient SQLITE_BUSY. */
  async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
    const until = Date.now() + lockWaitMs;
    for (let delay = FIRST_BACKOFF_MS; ; delay = Math.min(delay * 2, MAX_BACKOFF_MS)) {
      try {
        return await attempt();
      } catch (error) {
        if (!isSqliteBusy(error)) throw error;
        if (Date.now() >= until) throw new DatabaseBusyError(lockWaitMs);
      }
      await sleep(delay);
    }
  }

  return {
    /** A statement outside any transaction. */
    statement<T>(sql: string, run: () => Promise<T>): Promise<T> {
      const work = () => exclusive(run);
      return /^\s*(SELECT|PRAGMA|EXPLAIN)\b/i.test(sql) ? withRetry(work) : withWriteLock(work);
    },

    /** Runs without retry (a multi-statement script could fail half-way). */
    script<T>(run: () => Promise<T>): Promise<T> {
      return exclusive(run).catch((error: unknown) => {
        throw isSqliteBusy(error) ? new DatabaseBusyError(0) : error;
      });
    },

    /**
     * BEGIN IMMEDIATE, holding the connection until `finish` runs COMMIT or ROLLBACK.
     * Whatever happens, `finish` leaves no transaction open and releases the connection: a
     * COMMIT that fails is rolled back, so nothing is half-written.
     */
    async begin(): Promise<{ finish(sql: "COMMIT" | "ROLLBACK"): Promise<void> }> {
      const release = await withWriteLock(async () => {
        const held = await acquire();
        try {
          client.prepare("BEGIN IMMEDIATE").run();
          return held;
        } catch (error) {
          held();
          throw error;
        }
      });
      let open = true;
      return {
        async finish(sql) {
          if (!open) return;
          open = false;
          try {
            if (client.inTransaction) await withRetry(async () => client.prepare(sql).run());
          } catch (error) {
            try {
              if (client.inTransaction) client.prepare("ROLLBACK").run();
            } catch {
              // The first error says what went wrong; a failed ROLLBACK adds nothing.
            }
            throw error;
          } finally {
            release();
          }
        },
      };
    },

    /** True when the write lock is free; false while another process holds it. */
    async writeLockFree(): Promise<boolean> {
      if (poller) return false;
      for (let tries = 0; tries < 3; tries++) {
        if (await exclusive(probe)) return true;
        await sleep(20);
      }
      return false;
    },
  };
}
