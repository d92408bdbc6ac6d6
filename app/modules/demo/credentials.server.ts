// The demo learner's credentials, earned through the same path as real ones: lessons read,
// quizzes passed (real attempts through the quiz engine, dated in the past) and course
// completion recorded, which issues the credential at that date. The result:
//   - Certificate in Cross-Border AML Legal Practice: valid (issued three months ago);
//   - Certificate in US–Mexico Joint Operations: a first one revoked, then earned again after
//     it lapsed, now expiring within 60 days;
// aml-core stays untouched so the demo learner still has an open course to enrol in.
import { awardEarnedCredentials, ensureIssuerIdentity, revokeCredential } from "~/modules/credentials/index.server.ts";
import { contentVersion, getQuiz, lessonsOfCourse, quizzesOfCourse } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { enrol, markLessonComplete, refreshCourseCompletion } from "~/modules/learning/index.server.ts";
import { ownAttempt, snapshotItems, startAttempt, submitAttempt } from "~/modules/quiz/index.server.ts";
import type { SnapshotItem } from "~/modules/quiz/index.ts";

const DAY = 86_400_000;

/** Form fields answering every item correctly. */
function correctFields(items: SnapshotItem[], lang: Lang): [string, string][] {
  return items.flatMap((item): [string, string][] => {
    switch (item.type) {
      case "single":
      case "multiple":
        return item.options
          .filter((o) => o.correct)
          .slice(0, item.type === "single" ? 1 : 8)
          .map((o) => [item.key, o.id]);
      case "true-false":
        return [[item.key, String(item.answer)]];
      case "matching":
        return item.lefts.map((l) => [`${item.key}.${l.id}`, item.pairs[l.id]!]);
      case "ordering":
        return item.correctOrder.map((id, i) => [`${item.key}.${id}`, String(i + 1)]);
      case "numeric":
        return [[item.key, String(item.answer)]];
      case "short-text":
        return [[item.key, item.accepted[lang][0]!]];
    }
  });
}

async function pass(userId: string, courseId: string, quizId: string, lang: Lang, at: Date) {
  const quiz = getQuiz(quizId);
  if (!quiz) return;
  const started = await startAttempt({ userId, quiz, courseId, lang, contentVersion: contentVersion(), now: at });
  if (!started.ok) throw new Error(`demo seed: could not start ${quizId} (${started.reason})`);
  const attempt = await ownAttempt(started.attemptId, userId);
  const fields = correctFields(snapshotItems(attempt!.snapshot), lang);
  const result = await submitAttempt({
    attemptId: started.attemptId,
    userId,
    fields,
    now: new Date(at.getTime() + 20 * 60_000),
  });
  if (!result.ok || !result.passed) throw new Error(`demo seed: ${quizId} was not passed`);
}

async function passCourse(userId: string, courseId: string, lang: Lang, at: Date, skip = new Set<string>()) {
  let t = at.getTime();
  for (const quiz of quizzesOfCourse(courseId)) {
    if (skip.has(quiz.id)) continue;
    await pass(userId, courseId, quiz.id, lang, new Date(t));
    t += 2 * 60 * 60_000;
  }
  return new Date(t);
}

/** Seeds the demo learner's credentials. Returns how many the learner holds. */
export async function seedDemoCredentials(input: { email: string; adminEmail: string; now?: Date }): Promise<number> {
  await ensureIssuerIdentity();
  const now = input.now ?? new Date();
  const [learner, admin] = await Promise.all([
    db.user.findUnique({ where: { email: input.email }, select: { id: true, language: true } }),
    db.user.findUnique({ where: { email: input.adminEmail }, select: { id: true } }),
  ]);
  if (!learner || !admin) return 0;
  const lang: Lang = learner.language === "en" ? "en" : "es";
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const courses = ["joint-operations", "legal-practice"];
  for (const courseId of courses) {
    await enrol(learner.id, courseId);
    for (const lesson of lessonsOfCourse(courseId)) await markLessonComplete(learner.id, courseId, lesson.id);
  }
  // Joint operations (12 months): earned ~23 months ago, revoked ~18 months ago...
  const firstDone = await passCourse(learner.id, "joint-operations", lang, ago(700));
  await refreshCourseCompletion(learner.id, "joint-operations", firstDone);
  const first = await db.credential.findFirst({
    where: { userId: learner.id, achievementId: "joint-operations-certificate" },
    select: { id: true, validUntil: true },
  });
  if (first) {
    await revokeCredential(
      { id: admin.id, isPlatformAdmin: true },
      first.id,
      { reason: "issued-in-error", note: "Demo: a revoked credential." },
      ago(550),
    );
    // ...and earned again after that one's expiry: expires about a month from now.
    const again = await passCourse(learner.id, "joint-operations", lang, new Date(first.validUntil.getTime() + DAY));
    await refreshCourseCompletion(learner.id, "joint-operations", again, { quizPassed: true });
  }
  // Legal practice (36 months): the quizzes it shares with joint operations were passed again
  // ~11 months ago; the rest three months ago, which completes it.
  const shared = new Set(quizzesOfCourse("joint-operations").map((q) => q.id));
  const legalDone = await passCourse(learner.id, "legal-practice", lang, ago(90), shared);
  await refreshCourseCompletion(learner.id, "legal-practice", legalDone);
  // Catch-all through the same path (issues nothing if all is held).
  await awardEarnedCredentials(learner.id, { now });
  return db.credential.count({ where: { userId: learner.id } });
}
