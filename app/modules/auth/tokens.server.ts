import crypto from "node:crypto";
import { db } from "~/modules/db/index.server.ts";

export type TokenPurpose = "verify-email" | "reset-password" | "change-email" | "undo-email-change" | "org-invitation";

export const TOKEN_TTL_MINUTES: Record<TokenPurpose, number> = {
  "verify-email": 24 * 60,
  "reset-password": 60,
  "change-email": 24 * 60,
  // Long enough for someone who reads mail once a few days to notice the change.
  "undo-email-change": 7 * 24 * 60,
  // An invitation to an organization (ref "invitation:<id>"); each one names its own role.
  "org-invitation": 7 * 24 * 60,
};

// Only the newest link of these kinds works: a new one, or using one, retires the rest. Undo
// links are exempt — each one restores the address it was sent to, and a second change
// must not take the first address's way back.
const ONE_LIVE: readonly TokenPurpose[] = ["verify-email", "reset-password", "change-email"];

/** SHA-256 of a high-entropy secret (links, recovery codes): enough where guessing is hopeless. */
export function digest(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Marks every unused link of `purposes` for the person as used, so none of them works any more. */
export async function retireTokens(userId: string, purposes: readonly TokenPurpose[]): Promise<void> {
  await db.emailToken.updateMany({
    where: { userId, purpose: { in: [...purposes] }, usedAt: null },
    data: { usedAt: new Date() },
  });
}

/** Marks the person's unused links that act on `ref` as used (e.g. the earlier links of a re-sent invitation). */
export async function retireTokensFor(userId: string, ref: string): Promise<void> {
  await db.emailToken.updateMany({ where: { userId, ref, usedAt: null }, data: { usedAt: new Date() } });
}

/** Only the hash is stored: a leaked database cannot be used to reset anyone's password. */
export async function issueToken(userId: string, purpose: TokenPurpose, email: string, ref?: string): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  if (ONE_LIVE.includes(purpose)) await retireTokens(userId, [purpose]);
  await db.emailToken.create({
    data: {
      userId,
      purpose,
      email,
      tokenHash: digest(token),
      ref: ref ?? null,
      expiresAt: new Date(Date.now() + TOKEN_TTL_MINUTES[purpose] * 60_000),
    },
    select: { id: true },
  });
  return token;
}

/** Marks the token used and returns it, or null when it is unknown, used, expired or of another kind. */
export async function consumeToken(token: string, purpose: TokenPurpose) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db.emailToken.findUnique({
    where: { tokenHash: digest(token) },
    select: { id: true, userId: true, email: true, purpose: true, expiresAt: true, usedAt: true, ref: true },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= new Date()) return null;
  // The conditional update makes a double click or a replay use the token at most once.
  const claimed = await db.emailToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
  if (claimed.count !== 1) return null;
  if (ONE_LIVE.includes(purpose)) await retireTokens(row.userId, [purpose]);
  return row;
}

export async function peekToken(token: string, purpose: TokenPurpose): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
  const row = await db.emailToken.findUnique({
    where: { tokenHash: digest(token) },
    select: { purpose: true, expiresAt: true, usedAt: true },
  });
  return !!row && row.purpose === purpose && !row.usedAt && row.expiresAt > new Date();
}

/** The live link's account and reference, without using it; null when unknown, used, expired or of another kind. */
export async function inspectToken(token: string, purpose: TokenPurpose) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db.emailToken.findUnique({
    where: { tokenHash: digest(token) },
    select: { userId: true, email: true, purpose: true, expiresAt: true, usedAt: true, ref: true },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= new Date()) return null;
  return { userId: row.userId, email: row.email, ref: row.ref };
}
