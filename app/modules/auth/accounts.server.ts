import { env } from "~/env.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { sendEmail } from "~/modules/email/send.server.ts";
import { linkEmail } from "~/modules/email/templates.server.ts";
import { isLang, type Lang } from "~/modules/i18n/config.ts";
import { fold } from "~/modules/text/index.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.server.ts";
import { checkLockout, recordFailure, recordSuccess } from "./rate-limit.server.ts";
import { endAllSessions } from "./session.server.ts";
import { consumeToken, issueToken } from "./tokens.server.ts";

export function searchTextOf(name: string, email: string): string {
  return fold(`${name} ${email}`);
}

function link(lang: Lang, route: string, token: string): string {
  return `${env.APP_URL}/${lang}/${route}?token=${encodeURIComponent(token)}`;
}

async function sendVerification(user: { id: string; email: string; name: string; language: string }) {
  const lang = isLang(user.language) ? user.language : "en";
  const token = await issueToken(user.id, "verify-email", user.email);
  await sendEmail(await linkEmail("verify", lang, user.email, user.name, link(lang, "verify-email", token)));
}

export type SignUpInput = { name: string; email: string; password: string; language: Lang };

export async function signUp(
  input: SignUpInput,
): Promise<{ ok: true; userId: string } | { ok: false; reason: "emailTaken" }> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return { ok: false, reason: "emailTaken" };
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: {
        name: input.name,
        email: input.email,
        language: input.language,
        passwordHash,
        searchText: searchTextOf(input.name, input.email),
      },
      select: { id: true, email: true, name: true, language: true },
    });
    await sendVerification(user);
    return { ok: true, userId: user.id };
  } catch {
    // A concurrent sign-up with the same address lost the race on the unique index.
    return { ok: false, reason: "emailTaken" };
  }
}

export async function resendVerification(userId: string): Promise<void> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, language: true, emailVerifiedAt: true },
  });
  if (user && !user.emailVerifiedAt) await sendVerification(user);
}

export type SignInResult =
  | { ok: true; userId: string; language: Lang }
  | { ok: false; reason: "invalid" | "deactivated" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

export async function signIn(email: string, password: string, ip: string): Promise<SignInResult> {
  const lockout = await checkLockout(email, ip);
  if (lockout.locked) return { ok: false, reason: "locked", retryAfterMinutes: lockout.retryAfterMinutes };
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, language: true, deactivatedAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid) {
    await recordFailure(email, ip);
    return { ok: false, reason: "invalid" };
  }
  if (user.deactivatedAt) return { ok: false, reason: "deactivated" };
  await recordSuccess(email);
  return { ok: true, userId: user.id, language: isLang(user.language) ? user.language : "en" };
}

export async function verifyEmail(token: string): Promise<boolean> {
  const row = await consumeToken(token, "verify-email");
  if (!row) return false;
  // A verification link only proves the address it was sent to.
  const updated = await db.user.updateMany({
    where: { id: row.userId, email: row.email },
    data: { emailVerifiedAt: new Date() },
  });
  return updated.count === 1;
}

/** Same outcome and similar work whether or not the address has an account. */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, language: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return;
  const lang = isLang(user.language) ? user.language : "en";
  const token = await issueToken(user.id, "reset-password", user.email);
  await sendEmail(await linkEmail("reset", lang, user.email, user.name, link(lang, "reset-password", token)));
}

export async function resetPassword(token: string, newPassword: string): Promise<boolean> {
  const row = await consumeToken(token, "reset-password");
  if (!row) return false;
  const passwordHash = await hashPassword(newPassword);
  const updated = await db.user.updateMany({ where: { id: row.userId, email: row.email }, data: { passwordHash } });
  if (updated.count !== 1) return false;
  await endAllSessions(row.userId);
  await recordSuccess(row.email);
  return true;
}

export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) return false;
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword) },
    select: { id: true },
  });
  await endAllSessions(userId);
  return true;
}

export type ProfileInput = { name: string; email: string; language: Lang; timeZone: string };

export async function updateProfile(
  userId: string,
  input: ProfileInput,
): Promise<{ ok: true; emailChangeSentTo: string | null } | { ok: false; reason: "emailTaken" }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return { ok: false, reason: "emailTaken" };
  const emailChanges = input.email !== user.email;
  if (emailChanges) {
    const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (taken) return { ok: false, reason: "emailTaken" };
  }
  await db.user.update({
    where: { id: userId },
    data: {
      name: input.name,
      language: input.language,
      timeZone: input.timeZone,
      searchText: searchTextOf(input.name, user.email),
    },
    select: { id: true },
  });
  if (!emailChanges) return { ok: true, emailChangeSentTo: null };
  // The address changes only when the link sent to the new address is opened.
  const token = await issueToken(userId, "change-email", input.email);
  await sendEmail(
    await linkEmail(
      "changeEmail",
      input.language,
      input.email,
      input.name,
      link(input.language, "confirm-email", token),
    ),
  );
  return { ok: true, emailChangeSentTo: input.email };
}

export async function confirmEmailChange(token: string): Promise<boolean> {
  const row = await consumeToken(token, "change-email");
  if (!row) return false;
  const taken = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  if (taken) return false;
  const user = await db.user.findUnique({ where: { id: row.userId }, select: { name: true } });
  if (!user) return false;
  await db.user.update({
    where: { id: row.userId },
    data: { email: row.email, emailVerifiedAt: new Date(), searchText: searchTextOf(user.name, row.email) },
    select: { id: true },
  });
  return true;
}
