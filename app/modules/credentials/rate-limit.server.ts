// Per-IP limit on the public verification page, counted in the database so it holds across
// app servers (rows are pruned with the other counters).
import { env } from "~/env.server.ts";
import { db } from "~/modules/db/index.server.ts";

const WINDOW_MS = 60_000;

/** Counts this request; false when the IP is over its limit for the last minute. */
export async function allowVerification(ip: string, now = new Date()): Promise<boolean> {
  const key = `verify:${ip}`;
  const recent = await db.rateLimitEvent.count({
    where: { key, createdAt: { gt: new Date(now.getTime() - WINDOW_MS) } },
  });
  if (recent >= env.VERIFY_MAX_PER_IP) return false;
  await db.rateLimitEvent.create({ data: { key, createdAt: now }, select: { id: true } });
  return true;
}
