// Quiz submissions per second through the module functions, on the database named by
// DATABASE_URL (a fresh, migrated one: run by tests/bench/run.ts in its own process, since the
// app's client is fixed at import). Prints one JSON line: { starts, submits, learners, ... }.
import { db, databaseUrl, providerOf } from "~/modules/db/index.server.ts";
import type { Lang } from "~/modules/i18n/config.ts";
import { sampleQuiz } from "~/modules/quiz/fixtures.test-helpers.ts";
import { ownAttempt, startAttempt, submitAttempt } from "~/modules/quiz/index.server.ts";
import { snapshotItems } from "~/modules/quiz/snapshot.ts";
import { createUser } from "../helpers/factories.ts";
import { answerFields } from "../helpers/quiz.ts";

const LEARNERS = Number(process.env.BENCH_QUIZ_LEARNERS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_QUIZ_CONCURRENCY ?? 16);

/** Runs `fn` for every value with at most `limit` in flight; returns the wall time in ms. */
async function timed<T>(values: T[], limit: number, fn: (value: T) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, values.length) }, async () => {
      while (next < values.length) await fn(values[next++]!);
    }),
  );
  return performance.now() - t0;
}

async function main() {
  const users = await Promise.all(
    Array.from({ length: LEARNERS }, (_, i) => createUser({ language: i % 2 ? "es" : "en" })),
  );
  const attempts: { userId: string; attemptId: string; fields: [string, string][] }[] = [];
  const startMs = await timed(users, CONCURRENCY, async (user) => {
    const lang = user.language as Lang;
    const started = await startAttempt({
      userId: user.id,
      quiz: sampleQuiz,
      courseId: "bench",
      lang,
      contentVersion: "v-bench",
    });
    if (!started.ok) throw new Error(`start refused: ${started.reason}`);
    const items = snapshotItems((await ownAttempt(started.attemptId, user.id))!.snapshot);
    // Two in three items right: a realistic mix of graded rows.
    const fields = items.flatMap((item, i) => answerFields([item], i % 3 !== 2));
    attempts.push({ userId: user.id, attemptId: started.attemptId, fields });
  });
  const submitMs = await timed(attempts, CONCURRENCY, async (a) => {
    const result = await submitAttempt({ attemptId: a.attemptId, userId: a.userId, fields: a.fields });
    if (!result.ok || result.alreadySubmitted) throw new Error(`submit failed: ${JSON.stringify(result)}`);
  });
  const graded = await db.quizAttempt.count({
    where: { userId: { in: users.map((u) => u.id) }, status: "submitted", percent: { not: null } },
  });
  if (graded !== LEARNERS) throw new Error(`${graded} of ${LEARNERS} attempts graded`);
  const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
  process.stdout.write(
    JSON.stringify({
      provider: providerOf(databaseUrl()),
      learners: LEARNERS,
      concurrency: CONCURRENCY,
      startsPerSecond: perSecond(LEARNERS, startMs),
      submitsPerSecond: perSecond(LEARNERS, submitMs),
      learnersPerSecond: perSecond(LEARNERS, startMs + submitMs),
    }) + "\n",
  );
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
