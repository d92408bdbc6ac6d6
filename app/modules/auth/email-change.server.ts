// Profile changes, including the email address: it changes only when the new address
// confirms, needs the current password, and the old address is told how to undo it.
import { db } from "~/modules/db/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { searchTextOf, unusablePasswordHash, type RateLimited } from "./accounts.server.ts";
import { takeMailSlot } from "./mail-limits.server.ts";
import { langOf, sendLink, sendNotice } from "./notices.server.ts";
import { verifyPassword } from "./password.server.ts";
import { clearAccountLockout } from "./rate-limit.server.ts";
import { endAllSessions } from "./session.server.ts";
import { consumeToken, issueToken, retireTokens } from "./tokens.server.ts";

export type ProfileInput = { name: string; email: string; language: Lang; timeZone: string; currentPassword?: string };

export type ProfileOutcome =
  | { ok: true; emailChangeSentTo: string | null }
  | { ok: false; reason: "currentPasswordRequired" | "currentPasswordWrong" | "notFound" }
  | RateLimited;

/**
 * Saves name, language and time zone; a new address gets a confirmation link. The answer for
 * a new address is the same whether or not another account uses it (nothing is mailed then),
 * so the form cannot be used to find out who has an account.
 */
export async function updateProfile(userId: string, input: ProfileInput, ip: string): Promise<ProfileOutcome> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) return { ok: false, reason: "notFound" };
  const emailChanges = input.email !== user.email;
  if (emailChanges) {
    if (!input.currentPassword) return { ok: false, reason: "currentPasswordRequired" };
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      return { ok: false, reason: "currentPasswordWrong" };
    }
    const gate = await takeMailSlot(input.email, ip);
    if (!gate.allowed) return { ok: false, reason: "rateLimited", retryAfterMinutes: gate.retryAfterMinutes };
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
  const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (!taken) {
    const token = await issueToken(userId, "change-email", input.email);
    await sendLink("changeEmail", { name: input.name, language: input.language }, input.email, "confirm-email", token);
  }
  return { ok: true, emailChangeSentTo: input.email };
}

/** Switches to the confirmed address and mails the old one a link that undoes the change. */
export async function confirmEmailChange(token: string): Promise<boolean> {
  const row = await consumeToken(token, "change-email");
  if (!row) return false;
  const taken = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  if (taken) return false;
  const user = await db.user.findUnique({
    where: { id: row.userId },
    select: { email: true, name: true, language: true },
  });
  if (!user) return false;
  await db.user.update({
    where: { id: row.userId },
    data: { email: row.email, emailVerifiedAt: new Date(), searchText: searchTextOf(user.name, row.email) },
    select: { id: true },
  });
  const undo = await issueToken(row.userId, "undo-email-change", user.email);
  await sendNotice("emailChanged", user, {
    to: user.email,
    route: "undo-email-change",
    token: undo,
    values: { newEmail: row.email },
  });
  return true;
}

/**
 * Puts back the address the undo link was sent to, ends every session and disables the
 * password (whoever changed the address knew it). Returns a fresh reset link's token so the
 * owner chooses a new password at once, or null when the link is not valid or the address
 * now belongs to another account.
 */
export async function undoEmailChange(token: string): Promise<{ resetToken: string; language: Lang } | null> {
  const row = await consumeToken(token, "undo-email-change");
  if (!row) return null;
  const holder = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  if (holder && holder.id !== row.userId) return null;
  const user = await db.user.findUnique({ where: { id: row.userId }, select: { name: true, language: true } });
  if (!user) return null;
  await db.user.update({
    where: { id: row.userId },
    data: {
      email: row.email,
      emailVerifiedAt: new Date(),
      searchText: searchTextOf(user.name, row.email),
      passwordHash: unusablePasswordHash(),
    },
    select: { id: true },
  });
  await endAllSessions(row.userId);
  await retireTokens(row.userId, ["verify-email", "reset-password", "change-email"]);
  await clearAccountLockout(row.email);
  const resetToken = await issueToken(row.userId, "reset-password", row.email);
  return { resetToken, language: langOf(user) };
}
