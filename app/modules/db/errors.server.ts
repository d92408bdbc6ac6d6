// Errors the db module raises on purpose, so callers (and the HTTP layer) can tell them apart
// from bugs.

/** Seconds a client should wait before retrying after a DatabaseBusyError (Retry-After). */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/** Another process held SQLite's write lock for longer than this process is willing to wait. */
export class DatabaseBusyError extends Error {
  override name = "DatabaseBusyError";
  readonly retryAfterSeconds = BUSY_RETRY_AFTER_SECONDS;

  constructor(waitedMs: number) {
    super(`The database is locked by another process; gave up after waiting ${waitedMs} ms. Nothing was written.`);
  }
}

/** The root `db` client was used inside a `db.$transaction(async (tx) => …)` callback. */
export class RootClientInTransactionError extends Error {
  override name = "RootClientInTransactionError";

  constructor() {
    super(
      "The root `db` client was used inside a `db.$transaction` callback. Use the `tx` client the " +
        "callback receives: on SQLite the root client would wait for this very transaction to end.",
    );
  }
}

/**
 * True when `error` (or anything in its `cause` chain) is a DatabaseBusyError. Compared by
 * name as well, because the server build and server.mjs hold separate copies of this class.
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 8; depth++) {
    if (e instanceof DatabaseBusyError || (e as Error).name === "DatabaseBusyError") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
