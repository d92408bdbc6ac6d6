// The holder's page (/{lang}/credentials) and the people tables' "current credentials": what
// a person holds, built from the records and the achievement in content/ (the route stays thin).
import { courseCompletionRequirements, getAchievement, getQuiz } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { formatDate, formatNumber, type Lang } from "~/modules/i18n/index.ts";
import { requiredQuizzes } from "./award.server.ts";
import { credentialsOf, recordState } from "./queries.server.ts";
import { qrCode, type QrCode } from "./qr.server.ts";
import { certificatePdfPath, linkedInAddUrl } from "./share.ts";
import type { CredentialState } from "./types.ts";

type QuizRef = { id: string; title: string; courseId: string };

export type HolderCard = {
  id: string;
  /** The page's language first, then the other edition. */
  name: string;
  otherName: string;
  state: CredentialState;
  /** Renewed by a successor that continues from this one's expiry. */
  renewed: boolean;
  /** This credential renews an earlier one. */
  renews: boolean;
  issued: string;
  validFrom: string;
  expires: string;
  revokedOn: string | null;
  suspendedOn: string | null;
  hours: string | null;
  nameConfirmation: boolean;
  /** Recertification: the window and what renewing requires (null when it no longer applies). */
  recertify: {
    windowDays: number;
    opensOn: string;
    open: boolean;
    requires: QuizRef[];
    /** Inside the open window: the quizzes still to pass again (empty once all are passed). */
    left: QuizRef[] | null;
  } | null;
  urls: { verify: string; json: string; pdfA4: string | null; pdfLetter: string | null; linkedIn: string };
  qr: QrCode;
};

/** Credentials whose PDF the holder may download: not revoked, not suspended. */
export const hasCertificate = (state: CredentialState) => state !== "revoked" && state !== "suspended";

function quizRefs(quizIds: string[], courses: string[], lang: Lang): QuizRef[] {
  return quizIds.map((id) => {
    const quiz = getQuiz(id);
    const courseId =
      courses.find((c) => courseCompletionRequirements(c)?.quizzes.some((q) => q.id === id)) ?? courses[0] ?? "";
    return { id, title: quiz?.title[lang] ?? id, courseId };
  });
}

/** The signed-in holder's credentials, newest first, as their page shows them. */
export async function holderCards(userId: string, lang: Lang, now = new Date()): Promise<HolderCard[]> {
  const held = await credentialsOf(userId, now);
  const date = (d: Date) => formatDate(d, lang, "UTC");
  const other: Lang = lang === "en" ? "es" : "en";
  return held.map((c) => {
    const achievement = getAchievement(c.achievementId);
    const current = c.state === "valid" || c.state === "expiring";
    const recertify =
      achievement?.recertifyWindowDays && c.recertifyFrom && current && !c.renewedById
        ? {
            windowDays: achievement.recertifyWindowDays,
            opensOn: date(c.recertifyFrom),
            open: now >= c.recertifyFrom,
            requires: quizRefs(requiredQuizzes(achievement), achievement.courses, lang),
            left: c.recertifyQuizzesLeft ? quizRefs(c.recertifyQuizzesLeft, achievement.courses, lang) : null,
          }
        : null;
    const pdf = hasCertificate(c.state);
    return {
      id: c.id,
      name: c.name[lang],
      otherName: c.name[other],
      state: c.state,
      renewed: c.renewedById !== null,
      renews: c.predecessorId !== null,
      issued: date(c.issuedAt),
      validFrom: date(c.validFrom),
      expires: date(c.validUntil),
      revokedOn: c.revokedAt ? date(c.revokedAt) : null,
      suspendedOn: c.suspendedAt ? date(c.suspendedAt) : null,
      hours: c.hours === null ? null : formatNumber(c.hours, lang),
      nameConfirmation: c.nameConfirmation,
      recertify,
      urls: {
        verify: c.urls.verify,
        json: c.urls.json,
        pdfA4: pdf ? certificatePdfPath(lang, c.id, "a4") : null,
        pdfLetter: pdf ? certificatePdfPath(lang, c.id, "letter") : null,
        linkedIn: linkedInAddUrl({
          name: c.name[c.lang],
          organizationName: c.issuerName,
          issuedAt: c.issuedAt,
          validUntil: c.validUntil,
          verifyUrl: c.urls.verify,
          id: c.id,
        }),
      },
      qr: qrCode(c.urls.verify),
    };
  });
}

export type CurrentCredential = {
  userId: string;
  achievementId: string;
  name: { en: string; es: string };
  state: "valid" | "expiring";
  validUntil: Date;
};

/**
 * Each person's current credentials (valid or expiring; not revoked, suspended, expired or not
 * yet started), for the readiness and people tables: one query for all the people given.
 */
export async function currentCredentialsOf(
  userIds: readonly string[],
  now = new Date(),
): Promise<Map<string, CurrentCredential[]>> {
  const result = new Map<string, CurrentCredential[]>();
  if (userIds.length === 0) return result;
  const rows = await db.credential.findMany({
    where: {
      userId: { in: [...new Set(userIds)] },
      revokedAt: null,
      suspendedAt: null,
      validFrom: { lte: now },
      validUntil: { gt: now },
    },
    select: { userId: true, achievementId: true, validFrom: true, validUntil: true },
    orderBy: [{ userId: "asc" }, { achievementId: "asc" }, { validUntil: "desc" }],
  });
  for (const row of rows) {
    const state = recordState({ ...row, revokedAt: null, suspendedAt: null }, now);
    if (state !== "valid" && state !== "expiring") continue;
    const list = result.get(row.userId) ?? [];
    // One entry per achievement: a renewal that has started replaces nothing before its time.
    if (list.some((c) => c.achievementId === row.achievementId)) continue;
    const achievement = getAchievement(row.achievementId);
    list.push({
      userId: row.userId,
      achievementId: row.achievementId,
      name: achievement
        ? { en: achievement.name.en, es: achievement.name.es }
        : { en: row.achievementId, es: row.achievementId },
      state,
      validUntil: row.validUntil,
    });
    result.set(row.userId, list);
  }
  return result;
}

export type CurrentCredentialLabel = { achievementId: string; name: string; expiring: boolean; expires: string };

/** A person's current credentials as the people tables show them, in the viewer's language. */
export function currentCredentialLabels(list: CurrentCredential[] | undefined, lang: Lang): CurrentCredentialLabel[] {
  return (list ?? []).map((c) => ({
    achievementId: c.achievementId,
    name: c.name[lang],
    expiring: c.state === "expiring",
    expires: formatDate(c.validUntil, lang, "UTC"),
  }));
}
