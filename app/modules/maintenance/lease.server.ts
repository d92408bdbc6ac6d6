// Named leases: the one runner of a background task across processes and servers. The same
// claim as an import job's (a conditional update that succeeds only on a free or run-out
// lease), on a row of its own per task, so a task with no table of its own can use it.
import crypto from "node:crypto";
import { db } from "~/modules/db/index.server.ts";

/** This process's name in the leases it holds (host and pid help an operator reading the table). */
export const LEASE_HOLDER = `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;

/**
 * Takes the lease `name` for `ms` unless another holder's lease is still running (the holder
 * may renew its own). True when this process now holds it.
 */
export async function acquireLease(name: string, ms: number, now = new Date(), holder = LEASE_HOLDER) {
  const until = new Date(now.getTime() + ms);
  const taken = await db.workerLease.updateMany({
    where: { name, OR: [{ leaseUntil: { lt: now } }, { holder }] },
    data: { holder, leaseUntil: until },
  });
  if (taken.count === 1) return true;
  try {
    // First use of this name: whoever creates the row holds it; the other gets a unique violation.
    await db.workerLease.create({ data: { name, holder, leaseUntil: until }, select: { name: true } });
    return true;
  } catch {
    return false;
  }
}

/** Gives the lease back early (only its holder can). */
export async function releaseLease(name: string, holder = LEASE_HOLDER): Promise<void> {
  await db.workerLease.updateMany({ where: { name, holder }, data: { leaseUntil: new Date(0) } });
}

/**
 * Runs `task` while holding the lease `name`, or returns null at once when another holder
 * has it. The lease lasts `ms`; a task running longer should call `renew` between steps.
 */
export async function withLease<T>(
  name: string,
  ms: number,
  task: (renew: () => Promise<boolean>) => Promise<T>,
  now = new Date(),
): Promise<T | null> {
  if (!(await acquireLease(name, ms, now))) return null;
  try {
    return await task(() => acquireLease(name, ms));
  } finally {
    await releaseLease(name).catch(() => undefined);
  }
}
