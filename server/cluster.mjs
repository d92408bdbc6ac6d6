// Several app processes on one machine (Node's cluster): the primary only starts workers,
// each worker runs the whole server (server.mjs) and they share the listening port. The
// count: PUENTE_WORKERS, else 2 on a machine with more than one core when NODE_ENV is
// production, else 1 (development, and tests, where Vitest sets VITEST, unless a test asks).
import cluster from "node:cluster";
import os from "node:os";

export function workerCount(env = process.env) {
  const asked = env.PUENTE_WORKERS?.trim();
  if (asked) {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 1 || n > 64) {
      throw new Error(`PUENTE_WORKERS must be a whole number from 1 to 64; it is "${asked}".`);
    }
    return n;
  }
  if (env.NODE_ENV !== "production" || env.VITEST) return 1;
  return Math.min(2, os.availableParallelism());
}

/**
 * In the primary of a cluster: starts `count` workers and keeps them running. A worker that
 * stops before it ever served (a content error, a port in use) stops them all with its exit
 * code, since a new one would fail the same way; one that dies later is replaced. SIGTERM and
 * SIGINT stop the workers, then the primary.
 */
export function runPrimary(count) {
  const listening = new Set();
  let stopping = false;
  const stopAll = (code) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    const timer = setTimeout(() => process.exit(code), 5_000);
    timer.unref();
    const check = () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
    };
    cluster.on("exit", check);
    check();
  };
  const fork = (index) => {
    // Worker 1 runs the once-per-deployment chores (the prune schedule) and says where it serves.
    const worker = cluster.fork({ PUENTE_WORKER_INDEX: String(index) });
    worker.once("listening", () => listening.add(worker.id));
    worker.once("exit", (code, signal) => {
      if (stopping) return;
      if (!listening.has(worker.id)) {
        stopAll(code || 1);
        return;
      }
      console.error(`Worker ${index} stopped (${signal ?? `exit ${code}`}); starting another.`);
      fork(index);
    });
  };
  for (let i = 1; i <= count; i++) fork(i);
  for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => stopAll(0));
}

export const isClusterPrimary = cluster.isPrimary;
