// Reading credentials: the holder's list, the public record behind /verify and the JSON.
import { env } from "~/env.server.ts";
import {
  contentVersion as contentVersionNow,
  getAchievement,
  type Achievement,
} from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { isLang, type Lang } from "~/modules/i18n/index.ts";
import { publishedAchievement } from "./build.server.ts";
import { quizzesPassedSince } from "~/modules/quiz/index.server.ts";
import { requiredQuizzes, windowStartOf } from "./award.server.ts";
import { issuer } from "./issuer.server.ts";
import { credentialPaths, EXPIRING_DAYS, isCredentialId, LANGUAGE_TAGS, type CredentialState } from "./types.ts";

const DAY_MS = 86_400_000;

/** The state the data says (the verification page also checks the signature and lists). */
export function recordState(
  row: { validFrom: Date; validUntil: Date; revokedAt: Date | null; suspendedAt: Date | null },
  now = new Date(),
): CredentialState {
  if (row.revokedAt) return "revoked";
  if (row.suspendedAt) return "suspended";
  if (now >= row.validUntil) return "expired";
  if (now < row.validFrom) return "pending";
  return row.validUntil.getTime() - now.getTime() <= EXPIRING_DAYS * DAY_MS ? "expiring" : "valid";
}

export type HolderCredential = {
  id: string;
  achievementId: string;
  /** Names as issued (from the signed JSON) and in the other language (current content). */
  name: { en: string; es: string };
  lang: Lang;
  hours: number | null;
  /** The issuer's name as signed into the credential. */
  issuerName: string;
  state: CredentialState;
  issuedAt: Date;
  validFrom: Date;
  validUntil: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
  suspendedAt: Date | null;
  predecessorId: string | null;
  renewedById: string | null;
  nameConfirmation: boolean;
  /** When the recertification window opens (null when the achievement has none). */
  recertifyFrom: Date | null;
  /**
   * Inside an open window of a current, not yet renewed credential: the quiz ids still to pass
   * again to renew it (empty once all are passed). Null outside the window.
   */
  recertifyQuizzesLeft: string[] | null;
  urls: { verify: string; json: string };
};

const HOLDER_SELECT = {
  id: true,
  achievementId: true,
  lang: true,
  issuedAt: true,
  validFrom: true,
  validUntil: true,
  revokedAt: true,
  revokeReason: true,
  suspendedAt: true,
  predecessorId: true,
  renewedById: true,
  nameConfirmation: true,
  signedJson: true,
} as const;

type SignedView = {
  name?: string;
  issuer?: { id?: string; name?: string };
  credentialSubject?: {
    achievement?: { name?: string; creditsAvailable?: number };
    identifier?: { identityHash?: string; identityType?: string }[];
  };
};

/** The columns every reading of a credential starts from (HOLDER_SELECT and RECORD_SELECT hold them). */
type BaseRow = {
  id: string;
  achievementId: string;
  lang: string;
  issuedAt: Date;
  validFrom: Date;
  validUntil: Date;
  revokedAt: Date | null;
  suspendedAt: Date | null;
  predecessorId: string | null;
  renewedById: string | null;
  nameConfirmation: boolean;
  signedJson: string;
};

/**
 * The fields the holder's list and the public record share, read from the row and its signed
 * JSON (names as issued, hours), and the signed JSON itself for what each adds.
 */
function baseRecord(row: BaseRow) {
  const lang: Lang = isLang(row.lang) ? row.lang : "en";
  const signed = JSON.parse(row.signedJson) as SignedView;
  return {
    signed,
    fields: {
      id: row.id,
      achievementId: row.achievementId,
      name: namesOf(signed, lang, getAchievement(row.achievementId)),
      lang,
      hours: signed.credentialSubject?.achievement?.creditsAvailable ?? null,
      issuedAt: row.issuedAt,
      validFrom: row.validFrom,
      validUntil: row.validUntil,
      revokedAt: row.revokedAt,
      suspendedAt: row.suspendedAt,
      predecessorId: row.predecessorId,
      renewedById: row.renewedById,
      nameConfirmation: row.nameConfirmation,
    },
  };
}

function namesOf(signed: SignedView, lang: Lang, achievement: Achievement | undefined) {
  const issuedName = signed.credentialSubject?.achievement?.name ?? signed.name ?? "";
  const other: Lang = lang === "en" ? "es" : "en";
  const otherName = achievement?.name[other] ?? issuedName;
  return lang === "en" ? { en: issuedName, es: otherName } : { en: otherName, es: issuedName };
}

export const publicUrls = (id: string) => ({
  verify: `${env.APP_URL}${credentialPaths.verify(id)}`,
  json: `${env.APP_URL}${credentialPaths.json(id)}`,
});

/** The holder's credentials, newest first. */
export async function credentialsOf(userId: string, now = new Date()): Promise<HolderCredential[]> {
  const rows = await db.credential.findMany({
    where: { userId },
    select: HOLDER_SELECT,
    orderBy: { validUntil: "desc" },
  });
  const left = new Map<string, string[]>();
  for (const row of rows) {
    const achievement = getAchievement(row.achievementId);
    if (!achievement?.recertifyWindowDays || row.revokedAt || row.suspendedAt || row.renewedById) continue;
    const windowStart = windowStartOf(row.validUntil, achievement);
    if (now < windowStart || now >= row.validUntil || now < row.validFrom) continue;
    const quizzes = requiredQuizzes(achievement);
    const passed = await quizzesPassedSince(userId, quizzes, windowStart);
    left.set(
      row.id,
      quizzes.filter((id) => !passed.has(id)),
    );
  }
  return rows.map((row) => {
    const { signed, fields } = baseRecord(row);
    const achievement = getAchievement(row.achievementId);
    return {
      ...fields,
      issuerName: signed.issuer?.name ?? "",
      state: recordState(row, now),
      revokeReason: row.revokeReason,
      recertifyFrom: achievement?.recertifyWindowDays ? windowStartOf(row.validUntil, achievement) : null,
      recertifyQuizzesLeft: left.get(row.id) ?? null,
      urls: publicUrls(row.id),
    };
  });
}

export type PublicRecord = {
  id: string;
  userId: string;
  achievementId: string;
  holderName: string;
  name: { en: string; es: string };
  lang: Lang;
  hours: number | null;
  issuer: { id: string; name: string };
  issuedAt: Date;
  validFrom: Date;
  validUntil: Date;
  revokedAt: Date | null;
  suspendedAt: Date | null;
  predecessorId: string | null;
  renewedById: string | null;
  nameConfirmation: boolean;
  signedJson: string;
  revocationListId: string;
  suspensionListId: string;
};

const RECORD_SELECT = {
  ...HOLDER_SELECT,
  userId: true,
  revocationListId: true,
  suspensionListId: true,
} as const;

/** The record behind /verify/:id and /credentials/:id.json; null for unknown or malformed ids. */
export async function publicRecord(id: string): Promise<PublicRecord | null> {
  if (!isCredentialId(id)) return null;
  const row = await db.credential.findUnique({ where: { id }, select: RECORD_SELECT });
  return row ? toPublicRecord(row) : null;
}

/** One of the holder's own credentials (scoped to the holder in the query), or null. */
export async function ownCredentialRecord(userId: string, id: string): Promise<PublicRecord | null> {
  if (!isCredentialId(id)) return null;
  const row = await db.credential.findFirst({ where: { id, userId }, select: RECORD_SELECT });
  return row ? toPublicRecord(row) : null;
}

type RecordRow = BaseRow & { userId: string; revocationListId: string; suspensionListId: string };

function toPublicRecord(row: RecordRow): PublicRecord {
  const { signed, fields } = baseRecord(row);
  const holderName = signed.credentialSubject?.identifier?.find((i) => i.identityType === "name")?.identityHash ?? "";
  return {
    ...fields,
    userId: row.userId,
    holderName,
    issuer: { id: signed.issuer?.id ?? "", name: signed.issuer?.name ?? "" },
    signedJson: row.signedJson,
    revocationListId: row.revocationListId,
    suspensionListId: row.suspensionListId,
  };
}

/** An achievement edition's published JSON at its id (`es-MX` / `en-US`), or null. */
export function achievementDocument(achievementId: string, tag: string) {
  const lang = (Object.entries(LANGUAGE_TAGS).find(([, t]) => t === tag)?.[0] ?? null) as Lang | null;
  const achievement = getAchievement(achievementId);
  if (!lang || !achievement) return null;
  const { did, appUrl } = issuer();
  return publishedAchievement(achievement, lang, env.APP_URL, contentVersionNow(), { did, appUrl });
}

/** A credential as the platform admin's page shows it. */
export async function adminCredential(id: string) {
  const record = await publicRecord(id);
  if (!record) return null;
  return {
    id: record.id,
    userId: record.userId,
    holderName: record.holderName,
    name: record.name,
    state: recordState(record),
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    revokedAt: record.revokedAt,
    suspendedAt: record.suspendedAt,
  };
}
