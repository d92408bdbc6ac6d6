// Browser-safe: what the UI and other modules may know about credentials.

/** Why a platform admin revokes a credential (plus free text). */
export const REVOKE_REASONS = [
  "issued-in-error",
  "misconduct",
  "identity-mismatch",
  "holder-request",
  "other",
] as const;
export type RevokeReason = (typeof REVOKE_REASONS)[number];

export const STATUS_PURPOSES = ["revocation", "suspension"] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/** A credential's standing today, as the holder's page and the verification page say it. */
export type CredentialState =
  | "valid" // current, more than 60 days left
  | "expiring" // current, expires within 60 days
  | "pending" // a renewal, valid from its predecessor's expiry
  | "expired"
  | "suspended"
  | "revoked";

export const EXPIRING_DAYS = 60;

/** The language tags written into credentials (BCP 47, as Open Badges 3.0 wants them). */
export const LANGUAGE_TAGS = { en: "en-US", es: "es-MX" } as const;

/** Credential ids: 26 characters of Crockford-style base32 (130 bits, random). */
export const CREDENTIAL_ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{26}$/;

export function isCredentialId(value: unknown): value is string {
  return typeof value === "string" && CREDENTIAL_ID_PATTERN.test(value);
}

/** Paths of the public, machine-facing URLs (relative to the app's origin). */
export const credentialPaths = {
  verify: (id: string) => `/verify/${id}`,
  json: (id: string) => `/credentials/${id}.json`,
  statusList: (listId: string) => `/status-lists/${listId}`,
  achievement: (achievementId: string, tag: string) => `/credentials/achievements/${achievementId}.${tag}.json`,
  did: "/.well-known/did.json",
};

/** The longest free-text note an admin may give when revoking or suspending. */
export const MAX_NOTE_LENGTH = 500;
