// Managing a second factor after enrolment (issue 15): the owner makes new recovery codes, and
// a platform admin resets the authenticator of someone who lost it. Both are gated by the
// caller's recent re-authentication in the route (requireRecentAuth) and audited.
import { recordAudit, recordSecurityEvent } from "~/modules/audit/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import type { SecondFactorResetReason } from "./schemas.ts";
import { sendNotice } from "./notices.server.ts";
import { formatRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from "./second-factor.server.ts";
import { digest } from "./tokens.server.ts";

/**
 * Ten new recovery codes for an enrolled account; every earlier one stops working in the same
 * transaction. Returned once (stored as digests). Null when the account has no authenticator.
 */
export async function regenerateRecoveryCodes(userId: string): Promise<string[] | null> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const done = await db.$transaction(async (tx) => {
    const factor = await tx.secondFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
    if (!factor?.confirmedAt) return false;
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: digest(c) })) });
    await recordAudit(tx, {
      actorId: userId,
      action: "auth.recovery-codes.regenerate",
      subject: `user:${userId}`,
      data: { recoveryCodes: RECOVERY_CODE_COUNT },
    });
    return true;
  });
  return done ? codes.map(formatRecoveryCode) : null;
}

/** Whether the account has a confirmed authenticator (pages show the actions that need one). */
export async function hasSecondFactor(userId: string): Promise<boolean> {
  const factor = await db.secondFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return Boolean(factor?.confirmedAt);
}

export type ResetOutcome = { ok: true } | { ok: false; reason: "self" | "notFound" | "notEnrolled" };

/**
 * A platform admin resets the authenticator of `userId` (lost or replaced phone): the
 * authenticator and recovery codes are deleted, every session of the person ends, and they
 * enrol a new one at their next sign-in (their roles still require it). Never on the admin's
 * own account (another admin must do it, so one stolen admin session cannot remove its
 * owner's second factor). Audited with the reason; the person is told by email, in their
 * language.
 */
export async function resetSecondFactor(
  adminId: string,
  userId: string,
  reason: SecondFactorResetReason,
): Promise<ResetOutcome> {
  if (adminId === userId) {
    await recordSecurityEvent({
      kind: "auth.second-factor.reset.refused",
      actorId: adminId,
      subject: `user:${userId}`,
      data: { reason: "self" },
    });
    return { ok: false, reason: "self" };
  }
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, language: true, secondFactor: { select: { confirmedAt: true } } },
  });
  if (!user) return { ok: false, reason: "notFound" };
  if (!user.secondFactor) return { ok: false, reason: "notEnrolled" };
  await db.$transaction(async (tx) => {
    await tx.secondFactor.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId: adminId,
      action: "auth.second-factor.reset",
      subject: `user:${userId}`,
      data: { reason },
    });
  });
  await sendNotice("secondFactorReset", user, { route: "login" });
  return { ok: true };
}
