// Per-IP limits on the public verification page, counted in the database so they hold across
// app servers (rows are pruned with the other counters).
import { env } from "~/env.server.ts";
import { db } from "~/modules/db/index.server.ts";

const WINDOW_MS = 60_000;

async function allow(key: string, max: number, windowMs: number, now: Date): Promise<boolean> {
  const recent = await db.rateLimitEvent.count({
    where: { key, createdAt: { gt: new Date(now.getTime() - windowMs) } },
  });
  if (recent >= max) return false;
  await db.rateLimitEvent.create({ data: { key, createdAt: now }, select: { id: true } });
  return true;
}

/** Counts this request; false when the IP is over its limit for the last minute. */
export async function allowVerification(ip: string, now = new Date()): Promise<boolean> {
  return allow(`verify:${ip}`, env.VERIFY_MAX_PER_IP, WINDOW_MS, now);
}

/** Typed-name confirmations of clearances: at most this many per IP in 10 minutes. */
export const NAME_CONFIRMATIONS_PER_IP = 10;

/** Counts a name confirmation; false when the IP has tried too many (guessing names). */
export async function allowNameConfirmation(ip: string, now = new Date()): Promise<boolean> {
  return allow(`verify-name:${ip}`, NAME_CONFIRMATIONS_PER_IP, 10 * WINDOW_MS, now);
}
