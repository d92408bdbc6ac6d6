// Re-authentication before security-relevant changes (issue 18; docs/decisions/016-session-policy.md):
// the password again, and a second-factor code for an account that has an authenticator. It
// marks the session (`reauthAt`); for REAUTH_MINUTES the changes behind requireRecentAuth open.
// Wrong passwords count against the same sign-in limits as the sign-in page (a stolen session
// must not become a way to guess the password); wrong codes against the second factor's.
import { recordSecurityEvent } from "~/modules/audit/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { verifyPassword } from "./password.server.ts";
import { checkSignIn, recordFailure, recordSuccess } from "./rate-limit.server.ts";
import { verifySecondFactor, type CodeInput } from "./second-factor.server.ts";

export type ReauthInput = { password: string; code?: CodeInput };

export type ReauthOutcome =
  | { ok: true }
  | { ok: false; reason: "password" | "codeRequired" | "invalid" | "replayed" | "notEnrolled" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

/** Whether re-authentication asks this account for a second-factor code (it has an authenticator). */
export async function reauthNeedsCode(userId: string): Promise<boolean> {
  const factor = await db.secondFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return Boolean(factor?.confirmedAt);
}

export async function reauthenticate(
  sessionId: string,
  userId: string,
  input: ReauthInput,
  ip: string,
): Promise<ReauthOutcome> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) return { ok: false, reason: "password" };
  const gate = await checkSignIn(user.email, ip);
  if (!gate.allowed) return { ok: false, reason: "locked", retryAfterMinutes: gate.retryAfterMinutes };
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(user.email, ip);
    await recordSecurityEvent({
      kind: "auth.reauth.refused",
      actorId: userId,
      subject: `user:${userId}`,
      data: { reason: "password" },
    });
    return { ok: false, reason: "password" };
  }
  await recordSuccess(user.email, ip);
  if (await reauthNeedsCode(userId)) {
    if (!input.code?.code) return { ok: false, reason: "codeRequired" };
    const outcome = await verifySecondFactor(userId, input.code, ip);
    if (!outcome.ok) return outcome;
  }
  await db.session.updateMany({ where: { id: sessionId, userId }, data: { reauthAt: new Date() } });
  return { ok: true };
}
