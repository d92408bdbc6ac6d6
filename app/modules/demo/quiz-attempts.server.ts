// Simulated learners and their submitted quiz attempts, so the instructor's item statistics show
// real figures in both languages. Built with the real functions (enrol, startAttempt,
// submitAttempt), spaced in time past every cool-down. Abilities come from a seeded generator;
// the draw of items is the quiz's own (random), so figures vary a little from one seeding to
// the next but keep their shape: difficulties vary, discrimination is mostly positive, and the
// two traps below make an item much harder in one language so its language flag shows.
// Learner n of each language is a "twin" (same ability), and luck on each item is spread evenly
// (see evenLuck), so the languages differ by the traps rather than by sampling noise: the demo's
// language flags point at the traps.
import { searchTextOf } from "~/modules/auth/index.server.ts";
import { contentVersion, getQuiz } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { enrol } from "~/modules/learning/index.server.ts";
import { grantRole } from "~/modules/orgs/index.server.ts";
import { ownAttempt, snapshotItems, startAttempt, submitAttempt } from "~/modules/quiz/index.server.ts";
import {
  chanceCorrect,
  hash,
  itemModel,
  normal,
  seededRandom,
  simulatedFields,
  uniformOf,
  evenLuck,
  type Random,
  type Trap,
} from "./simulated-answers.ts";

const COURSE_ID = "aml-core";
const QUIZ_IDS = ["m1-foundations-quiz", "m2-us-framework-quiz"];
const LEARNERS_PER_LANGUAGE = 34;
const ABILITY_MEAN = 0.4;
const DAY = 24 * 60 * 60_000;

// In Spanish, m1-q12's wrong answers gather on "la CNBV"; in English, m2-q16's on "article 400 Bis".
const TRAPS: Trap[] = [
  { itemId: "m1-q12", lang: "es", extraDifficulty: 2.4, lure: "b" },
  { itemId: "m2-q16", lang: "en", extraDifficulty: 2.4, lure: "b" },
];

const COHORTS = [
  {
    lang: "en" as const,
    org: "sw-financial-task-force",
    timeZone: "America/Chicago",
    first: ["Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn"],
    last: ["Walker", "Reyes", "Bennett", "Hughes", "Foster", "Price", "Sullivan", "Ward", "Graham", "Brooks"],
  },
  {
    lang: "es" as const,
    org: "unidad-conjunta-analisis",
    timeZone: "America/Mexico_City",
    first: ["Ana", "Luis", "Sofía", "Diego", "Mariana", "Jorge", "Daniela", "Ricardo", "Paola"],
    last: ["Hernández", "García", "Martínez", "López", "Ramírez", "Torres", "Flores", "Cruz", "Morales", "Ortiz"],
  },
];

export const demoLearnerEmail = (lang: "en" | "es", n: number) =>
  `demo.learner.${lang}.${String(n).padStart(2, "0")}@demo.puente.test`;

async function createLearner(input: {
  email: string;
  name: string;
  lang: "en" | "es";
  timeZone: string;
  orgId: string;
  passwordHash: string;
}) {
  const user = await db.user.create({
    data: {
      email: input.email,
      name: input.name,
      language: input.lang,
      timeZone: input.timeZone,
      passwordHash: input.passwordHash,
      emailVerifiedAt: new Date(),
      searchText: searchTextOf(input.name, input.email),
    },
    select: { id: true },
  });
  await grantRole(null, user.id, input.orgId, "learner");
  await enrol(user.id, COURSE_ID);
  return user.id;
}

/** Up to the quiz's maximum attempts, stopping at a pass; a retake comes days later and a little better prepared. */
export async function takeQuiz(
  learner: { userId: string; twin: number; lang: "en" | "es"; ability: number },
  luck: ReturnType<typeof evenLuck>,
  quizId: string,
  firstStart: number,
  random: Random,
  courseId: string = COURSE_ID,
): Promise<number> {
  const { userId, twin, lang, ability } = learner;
  const quiz = getQuiz(quizId);
  if (!quiz) return 0;
  const version = contentVersion();
  let start = firstStart;
  let taken = 0;
  for (let n = 1; n <= quiz.settings.maxAttempts; n++) {
    const started = await startAttempt({
      userId,
      quiz,
      courseId,
      lang,
      contentVersion: version,
      now: new Date(start),
    });
    if (!started.ok) break;
    const attempt = await ownAttempt(started.attemptId, userId);
    if (!attempt) break;
    const theta = ability + 0.35 * (n - 1);
    const fields = snapshotItems(attempt.snapshot).flatMap((item) => {
      if (uniformOf(`skip:${twin}:${item.itemId}:${n}`) < 0.02) return [];
      const model = itemModel(item.itemId, lang, TRAPS);
      return simulatedFields(item, luck(item.itemId, lang) < chanceCorrect(theta, model), model, lang, random);
    });
    const submittedAt = start + (8 + Math.floor(random() * 18)) * 60_000;
    const result = await submitAttempt({ attemptId: started.attemptId, userId, fields, now: new Date(submittedAt) });
    if (!result.ok) throw new Error(`demo seed: simulated attempt refused (${result.reason})`);
    taken++;
    if (result.passed) break;
    start = submittedAt + (1 + Math.floor(random() * 4)) * DAY;
  }
  return taken;
}

/**
 * Adds simulated learners to the demo US and MX agencies with attempts at two quizzes, and lets
 * the demo instructor see them (instructor in both agencies: statistics cover the learners of
 * the organizations where one holds `read:item-stats:org`). Returns the number of attempts.
 */
export async function seedDemoQuizAttempts(input: {
  orgIds: ReadonlyMap<string, string>;
  passwordHash: string;
  now?: Date;
}): Promise<number> {
  const random = seededRandom(20260415);
  const luck = evenLuck();
  const now = (input.now ?? new Date()).getTime();
  const instructor = await db.user.findUnique({
    where: { email: "instructor@demo.puente.test" },
    select: { id: true },
  });
  let attempts = 0;
  for (const cohort of COHORTS) {
    const orgId = input.orgIds.get(cohort.org);
    if (!orgId) continue;
    if (instructor) await grantRole(null, instructor.id, orgId, "instructor");
    for (let i = 1; i <= LEARNERS_PER_LANGUAGE; i++) {
      const name = `${cohort.first[i % cohort.first.length]} ${cohort.last[(i * 7) % cohort.last.length]}`;
      const userId = await createLearner({
        email: demoLearnerEmail(cohort.lang, i),
        name,
        lang: cohort.lang,
        timeZone: cohort.timeZone,
        orgId,
        passwordHash: input.passwordHash,
      });
      const ability = ABILITY_MEAN + normal(seededRandom(hash(`ability:${i}`)));
      // First attempts spread over ten weeks ending a month ago, so every retake is in the past.
      let start = now - (30 + Math.floor(random() * 70)) * DAY;
      for (const quizId of QUIZ_IDS) {
        attempts += await takeQuiz({ userId, twin: i, lang: cohort.lang, ability }, luck, quizId, start, random);
        start += 14 * DAY;
      }
    }
  }
  return attempts;
}
