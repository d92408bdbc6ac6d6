// Sign-in limits (docs/decisions/004-sign-in-and-mail-rate-limits.md). Failed sign-ins are
// rows in the database, so the limits hold across app servers. Three counters:
// - per account and IP pair: stops guessing from one place without touching the owner
//   elsewhere;
// - per IP: stops one place from spraying many accounts;
// - per account, wider and slower: bounds guessing spread over many places. Reaching it
//   pauses password sign-in for that account only for what remains of its window; a reset
//   link still signs the owner in, so a stranger can slow the owner but never lock them out.
import { env } from "~/env.server.ts";
import { db, type Tx } from "~/modules/db/index.server.ts";

const accountKey = (email: string) => `account:${email.toLowerCase()}`;
const pairPrefix = (email: string) => `pair:${email.toLowerCase()}|`;
const pairKey = (email: string, ip: string) => `${pairPrefix(email)}${ip}`;
const ipKey = (ip: string) => `ip:${ip}`;

export type SignInGate = { allowed: true } | { allowed: false; scope: "here" | "account"; retryAfterMinutes: number };

/** Minutes until the oldest of the last `max` failures leaves the window, or null while under the limit. */
async function blockedFor(key: string, max: number, windowMinutes: number): Promise<number | null> {
  const windowMs = windowMinutes * 60_000;
  const failures = await db.loginAttempt.findMany({
    where: { key, succeeded: false, createdAt: { gt: new Date(Date.now() - windowMs) } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: max,
  });
  if (failures.length < max) return null;
  const oldest = failures[failures.length - 1]!.createdAt.getTime();
  return Math.max(1, Math.ceil((oldest + windowMs - Date.now()) / 60_000));
}

/** Whether a sign-in attempt may even check the password. Blocked attempts are not counted. */
export async function checkSignIn(email: string, ip: string): Promise<SignInGate> {
  const local = [
    await blockedFor(pairKey(email, ip), env.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP, env.LOGIN_WINDOW_MINUTES),
    await blockedFor(ipKey(ip), env.LOGIN_MAX_FAILURES_PER_IP, env.LOGIN_WINDOW_MINUTES),
  ].filter((m): m is number => m !== null);
  if (local.length > 0) return { allowed: false, scope: "here", retryAfterMinutes: Math.max(...local) };
  const account = await blockedFor(
    accountKey(email),
    env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    env.LOGIN_ACCOUNT_WINDOW_MINUTES,
  );
  if (account !== null) return { allowed: false, scope: "account", retryAfterMinutes: account };
  return { allowed: true };
}

/** Counts a wrong password (for known and unknown addresses alike, so limits reveal nothing). */
export async function recordFailure(email: string, ip: string): Promise<void> {
  await db.loginAttempt.createMany({
    data: [
      { key: accountKey(email), succeeded: false },
      { key: pairKey(email, ip), succeeded: false },
      { key: ipKey(ip), succeeded: false },
    ],
  });
}

/** A right password from this place forgets this place's failures; the account-wide count stays. */
export async function recordSuccess(email: string, ip: string): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { key: pairKey(email, ip), succeeded: false } });
}

/** Failures against the account within the account window (for the owner's notice). */
export async function recentAccountFailures(email: string): Promise<number> {
  const since = new Date(Date.now() - env.LOGIN_ACCOUNT_WINDOW_MINUTES * 60_000);
  return db.loginAttempt.count({ where: { key: accountKey(email), succeeded: false, createdAt: { gt: since } } });
}

/**
 * Forgets every failure counted against the account (an admin's "clear lock-out", a password
 * reset). `client`: the transaction of an audited change, or the root client.
 */
export async function clearAccountLockout(email: string, client: Pick<Tx, "loginAttempt"> = db): Promise<number> {
  const account = await client.loginAttempt.deleteMany({ where: { key: accountKey(email), succeeded: false } });
  await client.loginAttempt.deleteMany({ where: { key: { startsWith: pairPrefix(email) }, succeeded: false } });
  return account.count;
}

/** Whether password sign-in to the account is paused, everywhere or from at least one place. */
export async function isAccountLocked(email: string): Promise<boolean> {
  const account = await blockedFor(
    accountKey(email),
    env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    env.LOGIN_ACCOUNT_WINDOW_MINUTES,
  );
  if (account !== null) return true;
  const since = new Date(Date.now() - env.LOGIN_WINDOW_MINUTES * 60_000);
  const pairs = await db.loginAttempt.groupBy({
    by: ["key"],
    where: { key: { startsWith: pairPrefix(email) }, succeeded: false, createdAt: { gt: since } },
    _count: { _all: true },
  });
  return pairs.some((p) => p._count._all >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP);
}

/** Deletes every sign-in record of these accounts (used when the accounts are deleted). */
export async function forgetSignInAttempts(emails: string[]): Promise<number> {
  if (emails.length === 0) return 0;
  const { count } = await db.loginAttempt.deleteMany({
    where: {
      OR: [{ key: { in: emails.map(accountKey) } }, ...emails.map((e) => ({ key: { startsWith: pairPrefix(e) } }))],
    },
  });
  return count;
}

// Second-factor codes (after a right password): per account, so a stranger holding the
// password gets a handful of guesses at a six-digit code per window wherever they come from,
// and per IP, so one place cannot try many accounts' codes. Keys by account id, not address.
const factorAccountKey = (userId: string) => `factor:${userId}`;
const factorIpKey = (ip: string) => `factor-ip:${ip}`;

/** Whether a second-factor code may even be checked; blocked attempts are not counted. */
export async function checkSecondFactor(userId: string, ip: string): Promise<SignInGate> {
  const account = await blockedFor(factorAccountKey(userId), env.SECOND_FACTOR_MAX_FAILURES, env.LOGIN_WINDOW_MINUTES);
  if (account !== null) return { allowed: false, scope: "account", retryAfterMinutes: account };
  const here = await blockedFor(factorIpKey(ip), env.LOGIN_MAX_FAILURES_PER_IP, env.LOGIN_WINDOW_MINUTES);
  if (here !== null) return { allowed: false, scope: "here", retryAfterMinutes: here };
  return { allowed: true };
}

export async function recordSecondFactorFailure(userId: string, ip: string): Promise<void> {
  await db.loginAttempt.createMany({
    data: [
      { key: factorAccountKey(userId), succeeded: false },
      { key: factorIpKey(ip), succeeded: false },
    ],
  });
}

/** A right code forgets the account's wrong ones. */
export async function recordSecondFactorSuccess(userId: string): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { key: factorAccountKey(userId), succeeded: false } });
}
