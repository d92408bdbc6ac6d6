// The clearance attestation as signed: an OpenBadgeCredential like the training credentials
// (same issuer, contexts, status entry), whose subject is a salted hash of the holder's name.
// Pure apart from the salt, so tests and the verifier can rebuild the hash.
import crypto from "node:crypto";
import { fold } from "~/modules/text/index.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { issuerProfile, isoSeconds, OB_V3_CONTEXT, VC_V2_CONTEXT, type IssuerProfile } from "./build.server.ts";
import { credentialPaths, LANGUAGE_TAGS } from "./types.ts";

/**
 * One form of a full name for hashing and for the verifier's typed name: Unicode NFC, case-
 * and accent-folded (a Mexican ID may print "PEREZ" for "Pérez"), every run of spaces made
 * one, trimmed. Punctuation and word order are kept: the verifier types what the ID shows.
 */
export function normalizeName(name: string): string {
  return fold(name.normalize("NFC")).normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Open Badges 3.0 IdentityHash: "sha256$" + hex SHA-256 of the identity followed by the salt. */
export function nameHash(name: string, salt: string): string {
  return `sha256$${crypto
    .createHash("sha256")
    .update(normalizeName(name) + salt)
    .digest("hex")}`;
}

export const newSalt = () => crypto.randomBytes(16).toString("hex");

export type ClearanceInput = {
  id: string;
  base: string;
  issuer: IssuerProfile;
  lang: Lang;
  profile: { id: string; name: string; description: string };
  org: { id: string; name: string };
  holderName: string;
  salt: string;
  issuedAt: Date;
  validUntil: Date;
  status: { listUrl: string; index: number };
};

export function unsignedClearance(input: ClearanceInput) {
  const { base, issuer, lang, profile, org } = input;
  return {
    "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: `${base}${credentialPaths.json(input.id)}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: profile.name,
    issuer: issuerProfile(issuer),
    validFrom: isoSeconds(input.issuedAt),
    validUntil: isoSeconds(input.validUntil),
    awardedDate: isoSeconds(input.issuedAt),
    credentialSubject: {
      type: ["AchievementSubject"],
      // Hashed and salted: the JSON names no one; a verifier holding the person's ID
      // recomputes the hash from the name it shows (normalizeName).
      identifier: [
        {
          type: "IdentityObject",
          identityType: "name",
          hashed: true,
          identityHash: nameHash(input.holderName, input.salt),
          salt: input.salt,
        },
      ],
      // The organization whose vetting officer attested it (OB 3.0: who assessed on the
      // issuer's behalf).
      source: { id: `urn:puente:organization:${org.id}`, type: ["Profile"], name: org.name },
      achievement: {
        id: `urn:puente:vetting-profile:${profile.id}`,
        type: ["Achievement"],
        achievementType: "ext:VettingClearance",
        name: profile.name,
        description: profile.description,
        criteria: { narrative: profile.description },
        inLanguage: LANGUAGE_TAGS[lang],
        creator: issuerProfile(issuer),
      },
    },
    credentialStatus: {
      id: `${input.status.listUrl}#${input.status.index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(input.status.index),
      statusListCredential: input.status.listUrl,
    },
  };
}
