// The one path that issues credentials: the quiz pass, the lesson that completes a course,
// an email verification and the demo seed all end here. It looks at what the learner has
// done and issues what is earned and not yet held:
//   - first award: every lesson of the achievement's courses done and every quiz passed;
//   - after a credential expired: the same, with the quizzes passed again since the expiry;
//   - renewal: inside the last `recertifyWindowDays` of a current credential, every quiz
//     passed again since the window opened → a successor valid from the old expiry.
// Nothing is issued without a verified email address. Content is read as it is now, and the
// credential records that content version; later edits never change it.
import { credentialHolder } from "~/modules/auth/index.server.ts";
import { recordAudit } from "~/modules/audit/index.server.ts";
import { addMonths, refreshVetting } from "~/modules/vetting/index.server.ts";
import {
  contentVersion,
  courseCompletionRequirements,
  getAchievement,
  listAchievements,
  type Achievement,
} from "~/modules/content/index.server.ts";
import { crashPoint, db } from "~/modules/db/index.server.ts";
import { isLang, type Lang } from "~/modules/i18n/index.ts";
import { courseProgress } from "~/modules/learning/index.server.ts";
import { quizzesPassedSince } from "~/modules/quiz/index.server.ts";
import { env } from "~/env.server.ts";
import { unsignedCredential } from "./build.server.ts";
import { newCredentialId } from "./ids.server.ts";
import { issuer } from "./issuer.server.ts";
import { sign } from "./sign.server.ts";
import { allocateStatus, forgetStatusLists, statusListUrl } from "./status-lists.server.ts";

const DAY_MS = 86_400_000;

export { addMonths };

export const windowStartOf = (validUntil: Date, achievement: Pick<Achievement, "recertifyWindowDays">) =>
  new Date(validUntil.getTime() - achievement.recertifyWindowDays * DAY_MS);

type Latest = {
  id: string;
  validFrom: Date;
  validUntil: Date;
  revokedAt: Date | null;
  suspendedAt: Date | null;
  renewedById: string | null;
};

export type Plan =
  | { kind: "first" | "after-expiry"; validFrom: Date; issueKey: string; predecessorId: null }
  | { kind: "renewal"; validFrom: Date; issueKey: string; predecessorId: string };

/** Every quiz the achievement's courses require. */
export function requiredQuizzes(achievement: Achievement): string[] {
  return [
    ...new Set(achievement.courses.flatMap((c) => courseCompletionRequirements(c)?.quizzes.map((q) => q.id) ?? [])),
  ];
}

async function lessonsDone(userId: string, achievement: Achievement): Promise<boolean> {
  for (const courseId of achievement.courses) {
    const progress = await courseProgress(userId, courseId);
    if (!progress?.enrolled || progress.missing.lessons.length > 0) return false;
  }
  return true;
}

async function quizzesPassed(userId: string, achievement: Achievement, since: Date | null): Promise<boolean> {
  const quizzes = requiredQuizzes(achievement);
  const passed = await quizzesPassedSince(userId, quizzes, since);
  return quizzes.every((id) => passed.has(id));
}

/** What, if anything, the learner has earned of `achievement` at `now`. */
export async function planFor(userId: string, achievement: Achievement, now: Date): Promise<Plan | null> {
  const latest: Latest | null = await db.credential.findFirst({
    where: { userId, achievementId: achievement.id },
    orderBy: { validUntil: "desc" },
    select: { id: true, validFrom: true, validUntil: true, revokedAt: true, suspendedAt: true, renewedById: true },
  });
  const key = (suffix: string) => `${userId}:${achievement.id}:${suffix}`;
  if (latest && latest.validUntil > now) {
    // Held (or pending): only a renewal can be earned, and not for a withdrawn credential.
    if (latest.revokedAt || latest.suspendedAt || latest.renewedById || latest.validFrom > now) return null;
    const windowStart = windowStartOf(latest.validUntil, achievement);
    if (now < windowStart) return null;
    if (!(await lessonsDone(userId, achievement)) || !(await quizzesPassed(userId, achievement, windowStart)))
      return null;
    return {
      kind: "renewal",
      validFrom: latest.validUntil,
      issueKey: key(`renews:${latest.id}`),
      predecessorId: latest.id,
    };
  }
  const since = latest?.validUntil ?? null;
  if (!(await lessonsDone(userId, achievement)) || !(await quizzesPassed(userId, achievement, since))) return null;
  return latest
    ? { kind: "after-expiry", validFrom: now, issueKey: key(`after:${latest.id}`), predecessorId: null }
    : { kind: "first", validFrom: now, issueKey: key("first"), predecessorId: null };
}

export type Issued = {
  id: string;
  achievementId: string;
  kind: Plan["kind"];
  validFrom: Date;
  validUntil: Date;
  predecessorId: string | null;
};

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

async function issue(
  holder: { id: string; name: string; language: string },
  achievement: Achievement,
  plan: Plan,
  now: Date,
): Promise<Issued | null> {
  const lang: Lang = isLang(holder.language) ? holder.language : "en";
  const validUntil = addMonths(plan.validFrom, achievement.validityMonths);
  const id = newCredentialId();
  const version = contentVersion();
  const { did, appUrl } = issuer();
  try {
    const created = await db.$transaction(async (tx) => {
      if (plan.predecessorId) {
        // Claim the predecessor first: a concurrent renewal finds it taken and stops.
        const claimed = await tx.credential.updateMany({
          where: { id: plan.predecessorId, renewedById: null, revokedAt: null },
          data: { renewedById: id },
        });
        if (claimed.count !== 1) return null;
      }
      const status = await allocateStatus(tx);
      const unsigned = unsignedCredential({
        id,
        base: env.APP_URL,
        issuer: { did, appUrl },
        achievement,
        contentVersion: version,
        lang,
        holderName: holder.name,
        issuedAt: now,
        validFrom: plan.validFrom,
        validUntil,
        status: {
          listUrl: statusListUrl(status.revocationListId),
          index: status.statusListIndex,
          purpose: "revocation",
        },
      });
      const { signed, keyId } = await sign(unsigned, now);
      await tx.credential.create({
        data: {
          id,
          issueKey: plan.issueKey,
          userId: holder.id,
          achievementId: achievement.id,
          contentVersion: version,
          lang,
          issuedAt: now,
          validFrom: plan.validFrom,
          validUntil,
          predecessorId: plan.predecessorId,
          ...status,
          keyId,
          signedJson: JSON.stringify(signed),
        },
        select: { id: true },
      });
      await refreshVetting(tx, holder.id, now);
      await recordAudit(tx, {
        actorId: null,
        action: plan.kind === "renewal" ? "credential.renewed" : "credential.issued",
        subject: `credential:${id}`,
        data: {
          userId: holder.id,
          achievementId: achievement.id,
          contentVersion: version,
          validFrom: plan.validFrom.toISOString(),
          validUntil: validUntil.toISOString(),
          predecessorId: plan.predecessorId,
          keyId,
        },
      });
      await crashPoint("credential-issue");
      return true;
    });
    if (!created) return null;
  } catch (error) {
    if (isUniqueViolation(error)) return null; // issued by a concurrent request
    throw error;
  }
  forgetStatusLists();
  return {
    id,
    achievementId: achievement.id,
    kind: plan.kind,
    validFrom: plan.validFrom,
    validUntil,
    predecessorId: plan.predecessorId,
  };
}

/**
 * Issues every credential the learner has earned and does not hold yet. Safe to call after
 * any event that may complete requirements (and repeatedly: it issues each at most once).
 */
export async function awardEarnedCredentials(userId: string, options: { now?: Date } = {}): Promise<Issued[]> {
  const now = options.now ?? new Date();
  const holder = await credentialHolder(userId);
  if (!holder || !holder.emailVerifiedAt || holder.deactivatedAt) return [];
  const issued: Issued[] = [];
  for (const achievement of listAchievements()) {
    const plan = await planFor(userId, achievement, now);
    if (!plan) continue;
    const done = await issue(holder, achievement, plan, now);
    if (done) issued.push(done);
  }
  return issued;
}

/**
 * Where the learner's current cycle of attempts at `quizId` starts, or null for the first
 * cycle. A quiz that counts toward a credential starts a new cycle when that credential's
 * recertification window opens (passing it again there renews the credential), and again
 * when a credential has expired (it is then earned fresh).
 */
export async function attemptCycleStart(userId: string, quizId: string, now = new Date()): Promise<Date | null> {
  const achievements = listAchievements().filter((a) => requiredQuizzes(a).includes(quizId));
  if (achievements.length === 0) return null;
  const rows = await db.credential.findMany({
    where: { userId, achievementId: { in: achievements.map((a) => a.id) } },
    orderBy: { validUntil: "desc" },
    select: { achievementId: true, validFrom: true, validUntil: true, revokedAt: true, renewedById: true },
  });
  let start: Date | null = null;
  for (const achievement of achievements) {
    const latest = rows.find((r) => r.achievementId === achievement.id);
    if (!latest) continue;
    let candidate: Date | null = null;
    if (latest.validUntil <= now) candidate = latest.validUntil;
    else if (!latest.revokedAt && !latest.renewedById && latest.validFrom <= now) {
      const windowStart = windowStartOf(latest.validUntil, achievement);
      if (windowStart <= now) candidate = windowStart;
    }
    if (candidate && (!start || candidate > start)) start = candidate;
  }
  return start;
}

/**
 * Issues a credential of `achievementId` valid from `validFrom`, through the one issuance
 * path (signed, status list, audit, readiness), without looking at course progress: for the
 * demo population, whose training history is not simulated lesson by lesson.
 */
export async function issueCredentialAt(
  userId: string,
  achievementId: string,
  validFrom: Date,
  now: Date,
): Promise<Issued | null> {
  const achievement = getAchievement(achievementId);
  const holder = await credentialHolder(userId);
  if (!achievement || !holder) return null;
  const issueKey = `${userId}:${achievementId}:at:${validFrom.toISOString()}`;
  return issue(holder, achievement, { kind: "first", validFrom, issueKey, predecessorId: null }, now);
}
