// The second factor (docs/decisions/014-second-factor.md): a TOTP authenticator (RFC 6238,
// `otpauth`) that org admins, supervisors, vetting officers and platform admins must enrol
// and give at every sign-in, plus ten single-use recovery codes made at enrolment.
// - A session that passed only the password is pending (session.server.ts): it grants nothing.
// - A code is accepted once: the newest accepted 30-second step is kept per account and a
//   code of that step or an earlier one is refused as a replay (the conditional update makes
//   two requests racing with one code accept it at most once).
// - Wrong codes are counted per account and per IP (rate-limit.server.ts); every refusal is a
//   security event; enrolment and each recovery code spent are audited.
// `verifySecondFactor` checks a code without touching any session, for re-authentication
// before security-relevant changes.
import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { recordAudit, recordSecurityEvent } from "~/modules/audit/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { checkSecondFactor, recordSecondFactorFailure, recordSecondFactorSuccess } from "./rate-limit.server.ts";
import { openSecret, sealSecret } from "./secret-box.server.ts";
import { lucia, newSessionAttributes } from "./lucia.server.ts";
import { digest } from "./tokens.server.ts";

export const TOTP_ISSUER = "Puente";
export const RECOVERY_CODE_COUNT = 10;
const PERIOD_SECONDS = 30;
// A code of the step before or after the server's is accepted too (clock drift, typing time).
const WINDOW = 1;

function totp(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
  });
}

/** The 30-second step a code for `at` belongs to. */
export function totpStep(at: number = Date.now()): number {
  return Math.floor(at / 1000 / PERIOD_SECONDS);
}

export type Enrolment = { secret: string; uri: string; qrSvg: string };

/**
 * The authenticator to add: a new secret the first time, the same one on every visit until a
 * code confirms it. Null when the account has already confirmed one (or does not exist).
 */
export async function beginEnrolment(userId: string): Promise<Enrolment | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, secondFactor: { select: { secret: true, confirmedAt: true } } },
  });
  if (!user || user.secondFactor?.confirmedAt) return null;
  let secret = user.secondFactor ? openSecret(user.secondFactor.secret) : null;
  if (!secret) {
    secret = new Secret({ size: 20 }).base32;
    const sealed = sealSecret(secret);
    await db.secondFactor.upsert({
      where: { userId },
      create: { userId, secret: sealed },
      update: { secret: sealed, lastUsedStep: null },
      select: { userId: true },
    });
    // Two first visits at once: whichever secret was written last is the one to show.
    const stored = await db.secondFactor.findUniqueOrThrow({ where: { userId }, select: { secret: true } });
    secret = openSecret(stored.secret) ?? secret;
  }
  const uri = totp(secret, user.email).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvg };
}

export type CodeInput = { kind: "totp" | "recovery"; code: string };
export type CodeRefusalReason = "invalid" | "replayed" | "notEnrolled";
export type CodeOutcome =
  | { ok: true; method: "totp" | "recovery"; recoveryCodesLeft?: number }
  | { ok: false; reason: CodeRefusalReason }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

const normalizeTotp = (code: string) => code.replace(/[\s-]/g, "");
const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");
const RECOVERY_PATTERN = /^[a-z2-7]{16}$/;

async function refuse(userId: string, ip: string, kind: string, reason: CodeRefusalReason): Promise<CodeOutcome> {
  await recordSecondFactorFailure(userId, ip);
  await recordSecurityEvent({ kind, actorId: userId, subject: `user:${userId}`, data: { reason } });
  return { ok: false, reason };
}

async function locked(userId: string, kind: string, retryAfterMinutes: number): Promise<CodeOutcome> {
  await recordSecurityEvent({ kind, actorId: userId, subject: `user:${userId}`, data: { reason: "locked" } });
  return { ok: false, reason: "locked", retryAfterMinutes };
}

/** The step `code` is valid for under `secret`, or null. */
function acceptedStep(secret: string, code: string): number | null {
  const token = normalizeTotp(code);
  if (!/^\d{6}$/.test(token)) return null;
  const now = Date.now();
  const delta = totp(secret, "").validate({ token, timestamp: now, window: WINDOW });
  return delta === null ? null : totpStep(now) + delta;
}

/**
 * Checks a code of the account's confirmed authenticator or one of its recovery codes, and
 * spends it. Touches no session (the caller decides what the code unlocks).
 */
export async function verifySecondFactor(userId: string, input: CodeInput, ip: string): Promise<CodeOutcome> {
  const kind = "auth.second-factor.refused";
  const gate = await checkSecondFactor(userId, ip);
  if (!gate.allowed) return locked(userId, kind, gate.retryAfterMinutes);
  const factor = await db.secondFactor.findUnique({
    where: { userId },
    select: { secret: true, confirmedAt: true, lastUsedStep: true },
  });
  if (!factor?.confirmedAt) return refuse(userId, ip, kind, "notEnrolled");
  if (input.kind === "recovery") return spendRecoveryCode(userId, input.code, ip);
  const secret = openSecret(factor.secret);
  const step = secret ? acceptedStep(secret, input.code) : null;
  if (step === null) return refuse(userId, ip, kind, "invalid");
  const claimed = await db.secondFactor.updateMany({
    where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  });
  if (claimed.count !== 1) return refuse(userId, ip, kind, "replayed");
  await recordSecondFactorSuccess(userId);
  return { ok: true, method: "totp" };
}

async function spendRecoveryCode(userId: string, code: string, ip: string): Promise<CodeOutcome> {
  const normalized = normalizeRecovery(code);
  if (!RECOVERY_PATTERN.test(normalized)) return refuse(userId, ip, "auth.second-factor.refused", "invalid");
  const codeHash = digest(normalized);
  const left = await db.$transaction(async (tx) => {
    const spent = await tx.recoveryCode.updateMany({
      where: { userId, codeHash, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (spent.count !== 1) return null;
    const remaining = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
    await recordAudit(tx, {
      actorId: userId,
      action: "auth.recovery-code.use",
      subject: `user:${userId}`,
      data: { remaining },
    });
    return remaining;
  });
  if (left === null) return refuse(userId, ip, "auth.second-factor.refused", "invalid");
  await recordSecondFactorSuccess(userId);
  return { ok: true, method: "recovery", recoveryCodesLeft: left };
}

export function newRecoveryCode(): string {
  // 16 base32 characters: 80 random bits, shown as four groups of four.
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const bytes = crypto.randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % 32]).join("");
}

/** Shown in groups of four ("abcd-efgh-ijkl-mnop"); typed with or without the hyphens. */
export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)!.join("-");
}

export type EnrolmentOutcome = { ok: true; recoveryCodes: string[] } | Exclude<CodeOutcome, { ok: true }>;

/**
 * Confirms the authenticator shown by beginEnrolment with a code from it: the account is
 * enrolled, its recovery codes are made (returned once, stored as digests), and the step of
 * the code is spent.
 */
export async function confirmEnrolment(userId: string, code: string, ip: string): Promise<EnrolmentOutcome> {
  const kind = "auth.second-factor.enrol.refused";
  const gate = await checkSecondFactor(userId, ip);
  if (!gate.allowed) return locked(userId, kind, gate.retryAfterMinutes) as Promise<EnrolmentOutcome>;
  const factor = await db.secondFactor.findUnique({ where: { userId }, select: { secret: true, confirmedAt: true } });
  const secret = factor && !factor.confirmedAt ? openSecret(factor.secret) : null;
  if (!factor || factor.confirmedAt || !secret) {
    return refuse(userId, ip, kind, "notEnrolled") as Promise<EnrolmentOutcome>;
  }
  const step = acceptedStep(secret, code);
  if (step === null) return refuse(userId, ip, kind, "invalid") as Promise<EnrolmentOutcome>;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const confirmed = await db.$transaction(async (tx) => {
    // Only the secret that was shown: a concurrent visit may have replaced it.
    const done = await tx.secondFactor.updateMany({
      where: { userId, secret: factor.secret, confirmedAt: null },
      data: { confirmedAt: new Date(), lastUsedStep: step },
    });
    if (done.count !== 1) return false;
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: digest(c) })) });
    await recordAudit(tx, {
      actorId: userId,
      action: "auth.second-factor.enrol",
      subject: `user:${userId}`,
      data: { method: "totp", recoveryCodes: RECOVERY_CODE_COUNT },
    });
    return true;
  });
  if (!confirmed) return refuse(userId, ip, kind, "notEnrolled") as Promise<EnrolmentOutcome>;
  await recordSecondFactorSuccess(userId);
  return { ok: true, recoveryCodes: codes.map(formatRecoveryCode) };
}

/**
 * The pending session has given its second factor: it is replaced by a full one under a new
 * id (a session's privileges never grow under an id that existed before). Returns the new
 * session's Set-Cookie value.
 */
export async function completeSignIn(pendingSessionId: string, userId: string): Promise<string> {
  const session = await lucia.createSession(userId, newSessionAttributes(new Date(), true));
  await lucia.invalidateSession(pendingSessionId);
  return lucia.createSessionCookie(session.id).serialize();
}

/**
 * Enrolment finished in this pending session: it gives the second factor in place (the page
 * that shows the recovery codes is drawn by the same request when scripts are off, so the
 * session id the browser sent must stay valid).
 */
export async function completeEnrolmentSignIn(pendingSessionId: string, userId: string): Promise<void> {
  await db.session.updateMany({
    where: { id: pendingSessionId, userId, secondFactorAt: null },
    data: { secondFactorAt: new Date() },
  });
}

/**
 * Seeds an authenticator that is already confirmed, with a known secret (demo accounts only;
 * their secrets are printed in the README). No recovery codes.
 */
export async function enrolKnownSecret(userId: string, secret: string): Promise<void> {
  const sealed = sealSecret(Secret.fromBase32(secret).base32);
  await db.secondFactor.upsert({
    where: { userId },
    create: { userId, secret: sealed, confirmedAt: new Date() },
    update: { secret: sealed, confirmedAt: new Date(), lastUsedStep: null },
    select: { userId: true },
  });
}
