// Marks the asynchronous work of a `db.$transaction` callback, so the root client can refuse
// to run there. On SQLite the one connection is held by the transaction until it ends, so a
// root query inside the callback would wait for its own transaction: a deadlock until the
// transaction times out. On PostgreSQL it would silently run outside the transaction.
import { AsyncLocalStorage } from "node:async_hooks";
import { RootClientInTransactionError } from "./errors.server.ts";

const scope = new AsyncLocalStorage<{ open: boolean }>();

export function runInTransactionScope<T>(callback: () => Promise<T>): Promise<T> {
  // Work the callback leaves running after the transaction ends may use the root client again.
  const marker = { open: true };
  return scope.run(marker, async () => {
    try {
      return await callback();
    } finally {
      marker.open = false;
    }
  });
}

export function assertOutsideTransactionScope(): void {
  if (scope.getStore()?.open) throw new RootClientInTransactionError();
}
