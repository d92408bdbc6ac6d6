import crypto from "node:crypto";
import { env } from "~/env.server.ts";
import { db, type Tx } from "~/modules/db/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { fold } from "~/modules/text/index.ts";
import { claimNotice, takeMailSlot } from "./mail-limits.server.ts";
import { langOf, sendLink, sendNotice } from "./notices.server.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.server.ts";
import {
  checkSignIn,
  clearAccountLockout,
  recentAccountFailures,
  recordFailure,
  recordSuccess,
} from "./rate-limit.server.ts";
import { endAllSessions } from "./session.server.ts";
import { consumeToken, issueToken, retireTokens } from "./tokens.server.ts";

export function searchTextOf(name: string, email: string): string {
  return fold(`${name} ${email}`);
}

/** A hash no password matches: the account can be entered only through a reset link. */
export function unusablePasswordHash(): string {
  return `disabled:${crypto.randomBytes(16).toString("hex")}`;
}

/** An invited account has no usable password until its owner chooses one. */
export function hasUsablePassword(passwordHash: string): boolean {
  return !passwordHash.startsWith("disabled:");
}

/**
 * Inside the caller's transaction: the owner of an invited account, having followed the link
 * mailed to `email`, sets a password (or keeps theirs: null); the link proves the address. False when the account
 * no longer has that address or is deactivated.
 */
export async function setPasswordFromLink(tx: Tx, userId: string, email: string, passwordHash: string | null) {
  // Hashed by the caller before the transaction: Argon2 must not hold the write lock.
  const data: { emailVerifiedAt: Date; passwordHash?: string } = { emailVerifiedAt: new Date() };
  if (passwordHash !== null) data.passwordHash = passwordHash;
  const updated = await tx.user.updateMany({ where: { id: userId, email, deactivatedAt: null }, data });
  return updated.count === 1;
}

export type RateLimited = { ok: false; reason: "rateLimited"; retryAfterMinutes: number };

async function sendVerification(user: { id: string; email: string; name: string; language: string }) {
  const token = await issueToken(user.id, "verify-email", user.email);
  await sendLink("verify", user, user.email, "verify-email", token);
}

export type SignUpInput = { name: string; email: string; password: string; language: Lang };

/**
 * Creates the account and mails a verification link; for an address that already has an
 * account it mails its owner instead. The caller cannot tell the two apart (no account
 * enumeration): same answer, and the password is hashed either way.
 */
export async function signUp(
  input: SignUpInput,
  ip: string,
): Promise<
  | { ok: true; /** Set only when a new account was made: callers must not show it. */ createdUserId?: string }
  | RateLimited
> {
  const gate = await takeMailSlot(input.email, ip);
  if (!gate.allowed) return { ok: false, reason: "rateLimited", retryAfterMinutes: gate.retryAfterMinutes };
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({
    where: { email: input.email },
    select: { email: true, name: true, language: true, deactivatedAt: true },
  });
  if (existing) {
    if (!existing.deactivatedAt) await sendNotice("signUpExisting", existing);
    return { ok: true };
  }
  let user;
  try {
    user = await db.user.create({
      data: {
        name: input.name,
        email: input.email,
        language: input.language,
        passwordHash,
        searchText: searchTextOf(input.name, input.email),
      },
      select: { id: true, email: true, name: true, language: true },
    });
  } catch {
    // A concurrent sign-up with the same address won the race on the unique index; its
    // owner has been mailed by that request.
    return { ok: true };
  }
  await sendVerification(user);
  return { ok: true, createdUserId: user.id };
}

export async function resendVerification(userId: string, ip: string): Promise<{ ok: true } | RateLimited> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, language: true, emailVerifiedAt: true },
  });
  if (!user || user.emailVerifiedAt) return { ok: true };
  const gate = await takeMailSlot(user.email, ip);
  if (!gate.allowed) return { ok: false, reason: "rateLimited", retryAfterMinutes: gate.retryAfterMinutes };
  await sendVerification(user);
  return { ok: true };
}

export type SignInResult =
  | { ok: true; userId: string; language: Lang }
  | { ok: false; reason: "invalid" | "deactivated" }
  | { ok: false; reason: "locked"; scope: "here" | "account"; retryAfterMinutes: number };

export async function signIn(email: string, password: string, ip: string): Promise<SignInResult> {
  const gate = await checkSignIn(email, ip);
  if (!gate.allowed) {
    return { ok: false, reason: "locked", scope: gate.scope, retryAfterMinutes: gate.retryAfterMinutes };
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, language: true, deactivatedAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid) {
    await recordFailure(email, ip);
    if (user && !user.deactivatedAt) await noticeRepeatedFailures(user);
    return { ok: false, reason: "invalid" };
  }
  if (user.deactivatedAt) return { ok: false, reason: "deactivated" };
  await recordSuccess(email, ip);
  return { ok: true, userId: user.id, language: langOf(user) };
}

/** Tells the owner about repeated failures, at most once per account window. */
async function noticeRepeatedFailures(user: { id: string; email: string; name: string; language: string }) {
  const count = await recentAccountFailures(user.email);
  if (count < env.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP) return;
  if (!(await claimNotice("signInFailures", user.id, env.LOGIN_ACCOUNT_WINDOW_MINUTES))) return;
  await sendNotice("signInFailures", user, { values: { count } });
}

/** The verified account's id, or null for a bad, used or outdated link. */
export async function verifyEmail(token: string): Promise<{ userId: string } | null> {
  const row = await consumeToken(token, "verify-email");
  if (!row) return null;
  // A verification link only proves the address it was sent to.
  const updated = await db.user.updateMany({
    where: { id: row.userId, email: row.email },
    data: { emailVerifiedAt: new Date() },
  });
  return updated.count === 1 ? { userId: row.userId } : null;
}

/**
 * Mails a reset link. The page answers the same whether or not the address has an account;
 * past the per-address limit nothing is sent (silently, to reveal nothing), past the per-IP
 * limit the caller is told to wait.
 */
export async function requestPasswordReset(email: string, ip: string): Promise<{ ok: true } | RateLimited> {
  const gate = await takeMailSlot(email, ip);
  if (!gate.allowed && gate.scope === "ip") {
    return { ok: false, reason: "rateLimited", retryAfterMinutes: gate.retryAfterMinutes };
  }
  if (!gate.allowed) return { ok: true };
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, language: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return { ok: true };
  const token = await issueToken(user.id, "reset-password", user.email);
  await sendLink("reset", user, user.email, "reset-password", token);
  return { ok: true };
}

/**
 * Sets the new password, ends every session and forgets the failed sign-ins (the link proved
 * the address). Returns who to sign in: a reset link is also the way in while password
 * sign-in to the account is paused.
 */
export async function resetPassword(
  token: string,
  newPassword: string,
): Promise<{ userId: string; language: Lang } | null> {
  const row = await consumeToken(token, "reset-password");
  if (!row) return null;
  const passwordHash = await hashPassword(newPassword);
  const updated = await db.user.updateMany({
    where: { id: row.userId, email: row.email, deactivatedAt: null },
    data: { passwordHash },
  });
  if (updated.count !== 1) return null;
  const user = await db.user.findUniqueOrThrow({
    where: { id: row.userId },
    select: { email: true, name: true, language: true },
  });
  await endAllSessions(row.userId);
  await clearAccountLockout(row.email);
  await sendNotice("passwordReset", user);
  return { userId: row.userId, language: langOf(user) };
}

export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, language: true, passwordHash: true },
  });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) return false;
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword) },
    select: { id: true },
  });
  await endAllSessions(userId);
  // A reset link mailed before the change must not undo it.
  await retireTokens(userId, ["reset-password"]);
  await sendNotice("passwordChanged", user);
  return true;
}

/** What a credential needs to know of its holder (the credentials module reads it here). */
export async function credentialHolder(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, language: true, emailVerifiedAt: true, deactivatedAt: true },
  });
}
