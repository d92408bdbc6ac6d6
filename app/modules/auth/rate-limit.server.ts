import { env } from "~/env.server.ts";
import { db, type Tx } from "~/modules/db/index.server.ts";

// Failed sign-ins are rows in the database, so the limit holds across app servers.
const accountKey = (email: string) => `account:${email.toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

export type Lockout = { locked: false } | { locked: true; retryAfterMinutes: number };

export async function checkLockout(email: string, ip: string): Promise<Lockout> {
  const windowMs = env.LOGIN_WINDOW_MINUTES * 60_000;
  const since = new Date(Date.now() - windowMs);
  const checks = [
    { key: accountKey(email), max: env.LOGIN_MAX_FAILURES_PER_ACCOUNT },
    { key: ipKey(ip), max: env.LOGIN_MAX_FAILURES_PER_IP },
  ];
  for (const { key, max } of checks) {
    const failures = await db.loginAttempt.findMany({
      where: { key, succeeded: false, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
      take: max,
    });
    if (failures.length >= max) {
      const oldest = failures[failures.length - 1]!.createdAt.getTime();
      const retryAfterMinutes = Math.max(1, Math.ceil((oldest + windowMs - Date.now()) / 60_000));
      return { locked: true, retryAfterMinutes };
    }
  }
  return { locked: false };
}

export async function recordFailure(email: string, ip: string): Promise<void> {
  await db.loginAttempt.createMany({
    data: [
      { key: accountKey(email), succeeded: false },
      { key: ipKey(ip), succeeded: false },
    ],
  });
}

export async function recordSuccess(email: string): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { key: accountKey(email), succeeded: false } });
}

/** `client`: the transaction of an audited change, or the root client. */
export async function clearAccountLockout(email: string, client: Pick<Tx, "loginAttempt"> = db): Promise<number> {
  const { count } = await client.loginAttempt.deleteMany({ where: { key: accountKey(email), succeeded: false } });
  return count;
}

export async function isAccountLocked(email: string): Promise<boolean> {
  const since = new Date(Date.now() - env.LOGIN_WINDOW_MINUTES * 60_000);
  const count = await db.loginAttempt.count({
    where: { key: accountKey(email), succeeded: false, createdAt: { gt: since } },
  });
  return count >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT;
}
