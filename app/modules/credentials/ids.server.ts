import crypto from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

/** 130 random bits as 26 base32 characters: unguessable, nothing derived from the holder. */
export function newCredentialId(): string {
  const bytes = crypto.randomBytes(26);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}

/** A status list id: random, short, says nothing about its purpose or order. */
export function newListId(): string {
  return crypto.randomBytes(9).toString("base64url");
}

export const LIST_ID_PATTERN = /^[A-Za-z0-9_-]{12}$/;

/** A uniformly random index in [0, size). */
export function randomIndex(size: number): number {
  return crypto.randomInt(0, size);
}
