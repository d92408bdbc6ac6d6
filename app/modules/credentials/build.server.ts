// The Open Badges 3.0 OpenBadgeCredential (on the VC 2.0 data model) as signed. Pure: every
// input is passed in, so what is signed depends only on the record and the content version.
import type { Achievement } from "~/modules/content/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { credentialPaths, LANGUAGE_TAGS } from "./types.ts";

export const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB_V3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

export const otherLang = (lang: Lang): Lang => (lang === "en" ? "es" : "en");

export type IssuerProfile = { did: string; appUrl: string };

export function issuerProfile({ did, appUrl }: IssuerProfile) {
  return { id: did, type: ["Profile"], name: "Puente", url: appUrl };
}

/** One language edition of an achievement, as embedded and as published at its `id`. */
export function achievementEdition(
  achievement: Achievement,
  lang: Lang,
  base: string,
  version: string,
  issuer: IssuerProfile,
) {
  const other = otherLang(lang);
  return {
    id: `${base}${credentialPaths.achievement(achievement.id, LANGUAGE_TAGS[lang])}`,
    type: ["Achievement"],
    achievementType: "Certificate",
    name: achievement.name[lang],
    description: achievement.description[lang],
    criteria: { narrative: achievement.criteria[lang] },
    // Hours of instruction, as stated; Puente claims no accreditation.
    creditsAvailable: achievement.hours,
    inLanguage: LANGUAGE_TAGS[lang],
    version,
    creator: issuerProfile(issuer),
    related: [
      {
        id: `${base}${credentialPaths.achievement(achievement.id, LANGUAGE_TAGS[other])}`,
        type: ["Related"],
        inLanguage: LANGUAGE_TAGS[other],
        version,
      },
    ],
  };
}

/** Published achievement JSON (with its own @context) for the route at its `id`. */
export function publishedAchievement(
  achievement: Achievement,
  lang: Lang,
  base: string,
  version: string,
  issuer: IssuerProfile,
) {
  return {
    "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
    ...achievementEdition(achievement, lang, base, version, issuer),
  };
}

export type UnsignedInput = {
  id: string;
  base: string;
  issuer: IssuerProfile;
  achievement: Achievement;
  contentVersion: string;
  lang: Lang;
  holderName: string;
  issuedAt: Date;
  validFrom: Date;
  validUntil: Date;
  status: { listUrl: string; index: number; purpose: "revocation" };
};

/** Seconds precision, trailing Z (as VC and OB date-times want). */
export const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

export function unsignedCredential(input: UnsignedInput) {
  const { id, base, issuer, achievement, contentVersion, lang } = input;
  return {
    "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: `${base}${credentialPaths.json(id)}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: achievement.name[lang],
    issuer: issuerProfile(issuer),
    validFrom: isoSeconds(input.validFrom),
    validUntil: isoSeconds(input.validUntil),
    awardedDate: isoSeconds(input.issuedAt),
    credentialSubject: {
      type: ["AchievementSubject"],
      // The holder's full name as registered (both surnames kept), in plain text: the
      // credential is meant to be shown to a counterpart who checks it against an ID.
      identifier: [{ type: "IdentityObject", identityHash: input.holderName, identityType: "name", hashed: false }],
      achievement: achievementEdition(achievement, lang, base, contentVersion, issuer),
    },
    // Open Badges 3.0 allows one status entry: revocation. Suspension is kept in the paired
    // suspension list at the same index (see status-lists.server.ts).
    credentialStatus: {
      id: `${input.status.listUrl}#${input.status.index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: input.status.purpose,
      statusListIndex: String(input.status.index),
      statusListCredential: input.status.listUrl,
    },
  };
}
