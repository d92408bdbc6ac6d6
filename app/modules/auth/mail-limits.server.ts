// Limits on mail a visitor can make Puente send (sign-up, password reset, verification,
// email change): per recipient address and per client IP, counted in the database so they
// hold across app servers. See docs/decisions/004-sign-in-and-mail-rate-limits.md.
import { env } from "~/env.server.ts";
import { db } from "~/modules/db/index.server.ts";

export type MailGate = { allowed: true } | { allowed: false; scope: "address" | "ip"; retryAfterMinutes: number };

const addressKey = (address: string) => `mail:to:${address.toLowerCase()}`;
const ipKey = (ip: string) => `mail:ip:${ip}`;

async function blockedFor(key: string, max: number): Promise<number | null> {
  const windowMs = env.MAIL_WINDOW_MINUTES * 60_000;
  const rows = await db.rateLimitEvent.findMany({
    where: { key, createdAt: { gt: new Date(Date.now() - windowMs) } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: max,
  });
  if (rows.length < max) return null;
  const oldest = rows[rows.length - 1]!.createdAt.getTime();
  return Math.max(1, Math.ceil((oldest + windowMs - Date.now()) / 60_000));
}

/**
 * Takes one message of the allowance for `address` and `ip`, or says which limit is reached
 * and for how long. Counted whether or not the address has an account, so the answer
 * reveals nothing about accounts; refused requests are not counted.
 */
export async function takeMailSlot(address: string, ip: string): Promise<MailGate> {
  const byIp = await blockedFor(ipKey(ip), env.MAIL_MAX_PER_IP);
  if (byIp !== null) return { allowed: false, scope: "ip", retryAfterMinutes: byIp };
  const byAddress = await blockedFor(addressKey(address), env.MAIL_MAX_PER_ADDRESS);
  if (byAddress !== null) return { allowed: false, scope: "address", retryAfterMinutes: byAddress };
  await db.rateLimitEvent.createMany({ data: [{ key: ipKey(ip) }, { key: addressKey(address) }] });
  return { allowed: true };
}

/**
 * Claims the one notice of `kind` for `subjectId` per `windowMinutes`; false when one was
 * sent within the window. The row id names the clock window, so two concurrent claims end
 * with one winner.
 */
export async function claimNotice(kind: string, subjectId: string, windowMinutes: number): Promise<boolean> {
  const windowMs = windowMinutes * 60_000;
  const recent = await db.rateLimitEvent.count({
    where: { key: `notice:${kind}:${subjectId}`, createdAt: { gt: new Date(Date.now() - windowMs) } },
  });
  if (recent > 0) return false;
  const bucket = Math.floor(Date.now() / windowMs);
  try {
    await db.rateLimitEvent.create({
      data: { id: `notice:${kind}:${subjectId}:${bucket}`, key: `notice:${kind}:${subjectId}` },
      select: { id: true },
    });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

/** Deletes the mail counters and notice records that name these accounts (when they are deleted). */
export async function forgetMailLimits(accounts: { id: string; email: string }[]): Promise<void> {
  if (accounts.length === 0) return;
  await db.rateLimitEvent.deleteMany({
    where: {
      OR: [
        { key: { in: accounts.map((a) => addressKey(a.email)) } },
        ...accounts.map((a) => ({ key: { startsWith: "notice:" }, id: { contains: `:${a.id}` } })),
      ],
    },
  });
}
