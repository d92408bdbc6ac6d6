// 200 learners submit the same quiz at the same moment from 4 OS processes (4 app instances
// on one database), half of them twice at once (two tabs, or a retry): every attempt is
// graded exactly once and nothing is lost or duplicated. Runs on SQLite and, with
// TEST_PG_URL, on PostgreSQL.
import { beforeEach, describe, expect, it } from "vitest";
import { db, providerOf, databaseUrl } from "~/modules/db/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { sampleQuiz } from "../helpers/sample-quiz.ts";
import { ownAttempt, saveAnswers, snapshotItems, startAttempt } from "~/modules/quiz/index.server.ts";
import { createUser, resetDatabase } from "../helpers/factories.ts";
import { answerFields } from "../helpers/quiz.ts";
import { submitInProcesses, type JobOutcome, type SubmitJob } from "./workers/protocol.ts";

beforeEach(resetDatabase);

const LEARNERS = 200;
const PROCESSES = 4;
const PER_PROCESS = LEARNERS / PROCESSES;
// sampleQuiz draws 9 gradable items (7 plus a case of 2), one response row each once graded.
const sampleItemCount = 9;

/** Independent bits of the index: language, saving first, double submission, where and when the duplicate runs. */
function planOf(i: number) {
  return {
    lang: (i % 2 === 0 ? "en" : "es") as Lang,
    savesFirst: ((i >> 1) & 1) === 1,
    double: ((i >> 2) & 1) === 1,
    duplicateElsewhere: ((i >> 3) & 1) === 1,
    duplicateLater: ((i >> 4) & 1) === 1,
    correct: i % 10,
    process: Math.floor(i / PER_PROCESS),
  };
}

type Learner = {
  i: number;
  userId: string;
  attemptId: string;
  expectedPercent: number;
  duplicatePercent: number | null;
};

async function inChunks<T, R>(values: T[], size: number, fn: (value: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let k = 0; k < values.length; k += size) out.push(...(await Promise.all(values.slice(k, k + size).map(fn))));
  return out;
}

async function prepare(): Promise<{ learners: Learner[]; jobLists: SubmitJob[][] }> {
  const indices = Array.from({ length: LEARNERS }, (_, i) => i);
  const users = await inChunks(indices, 20, (i) => createUser({ language: planOf(i).lang }));
  const jobLists: SubmitJob[][] = Array.from({ length: PROCESSES }, () => []);
  const learners = await inChunks(indices, 20, async (i): Promise<Learner> => {
    const plan = planOf(i);
    const userId = users[i]!.id;
    const started = await startAttempt({
      userId,
      quiz: sampleQuiz,
      courseId: "course-x",
      lang: plan.lang,
      contentVersion: "v-bench",
    });
    if (!started.ok) throw new Error(`learner ${i} could not start: ${started.reason}`);
    const attemptId = started.attemptId;
    const items = snapshotItems((await ownAttempt(attemptId, userId))!.snapshot);
    // Saved answers: three right, the last item wrong (a correct final answer must replace it).
    const saved = plan.savesFirst ? 3 : 0;
    if (plan.savesFirst) {
      const result = await saveAnswers({
        attemptId,
        userId,
        fields: [...answerFields(items.slice(0, 3), true), ...answerFields(items.slice(-1), false)],
      });
      if (!result.ok) throw new Error(`learner ${i} could not save: ${result.reason}`);
    }
    const upTo = Math.max(plan.correct, saved);
    jobLists[plan.process]!.push({
      learner: i,
      userId,
      attemptId,
      tag: "primary",
      delayMs: 0,
      fields: answerFields(items.slice(saved, upTo), true),
    });
    if (plan.double) {
      const target = plan.duplicateElsewhere ? (plan.process + 1) % PROCESSES : plan.process;
      const delayMs = plan.duplicateLater ? 20 + ((i * 37) % 480) : 0;
      jobLists[target]!.push({
        learner: i,
        userId,
        attemptId,
        tag: "duplicate",
        delayMs,
        fields: answerFields(items, true),
      });
    }
    const percent = (n: number) => (n / items.length) * 100;
    return {
      i,
      userId,
      attemptId,
      expectedPercent: percent(upTo),
      duplicatePercent: plan.double ? percent(items.length) : null,
    };
  });
  return { learners, jobLists };
}

async function totalsProblems(): Promise<string[]> {
  const problems: string[] = [];
  const total = await db.quizAttempt.count();
  const submitted = await db.quizAttempt.count({ where: { status: "submitted" } });
  const open = await db.quizAttempt.count({ where: { OR: [{ status: "open" }, { openKey: { not: null } }] } });
  const responses = await db.quizResponse.count();
  if (total !== LEARNERS) problems.push(`${total} attempts, expected ${LEARNERS}`);
  if (submitted !== LEARNERS) problems.push(`${submitted} submitted attempts, expected ${LEARNERS}`);
  if (open !== 0) problems.push(`${open} attempts still open`);
  if (responses !== LEARNERS * sampleItemCount)
    problems.push(`${responses} response rows, expected ${LEARNERS * sampleItemCount}`);
  return problems;
}

async function learnerProblems(learners: Learner[], outcomes: JobOutcome[]): Promise<string[]> {
  const attempts = await db.quizAttempt.findMany({
    select: {
      id: true,
      submittedAt: true,
      maxPoints: true,
      scorePoints: true,
      percent: true,
      passed: true,
      responses: { select: { score: true } },
    },
  });
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const problems: string[] = [];
  const same = (a: number | null | undefined, b: number | null | undefined) =>
    a != null && b != null && Math.abs(a - b) < 1e-9;
  for (const learner of learners) {
    const say = (what: string) => problems.push(`learner ${learner.i}: ${what}`);
    const calls = outcomes.filter((o) => o.learner === learner.i);
    for (const call of calls) if (call.error) say(`${call.tag} call threw ${call.error}`);
    const row = byId.get(learner.attemptId);
    if (!row) {
      say("attempt missing");
      continue;
    }
    if (row.scorePoints === null || row.percent === null || row.passed === null || !row.submittedAt) say("not graded");
    if (row.responses.length !== row.maxPoints) say(`${row.responses.length} response rows, expected ${row.maxPoints}`);
    if (row.responses.some((r) => r.score === null)) say("a response row has no score");
    const sum = row.responses.reduce((a, r) => a + (r.score ?? 0), 0);
    if (!same(sum, row.scorePoints)) say(`scorePoints ${row.scorePoints}, but the responses add up to ${sum}`);
    const allowed = [learner.expectedPercent, learner.duplicatePercent].filter((p): p is number => p !== null);
    if (!allowed.some((p) => same(p, row.percent))) say(`percent ${row.percent}, expected ${allowed.join(" or ")}`);
    const graders = calls.filter((c) => c.result?.ok && c.result.alreadySubmitted === false).length;
    if (graders !== 1 && calls.every((c) => !c.error)) say(`graded by ${graders} calls`);
    for (const call of calls) {
      if (call.result && !call.result.ok) say(`${call.tag} call refused: ${call.result.reason}`);
      if (call.result?.ok && !same(call.result.percent, row.percent))
        say(`${call.tag} call returned ${call.result.percent}, stored ${row.percent}`);
    }
  }
  return problems;
}

describe("200 learners submitting at the same moment", () => {
  it(
    "grades every attempt exactly once, from 4 processes, double submissions included",
    { timeout: 120_000 },
    async () => {
      const t0 = performance.now();
      const { learners, jobLists } = await prepare();
      const setupMs = performance.now() - t0;
      expect(jobLists.map((jobs) => jobs.length).reduce((a, b) => a + b)).toBe(LEARNERS + LEARNERS / 2);

      const run = await submitInProcesses(jobLists, process.env);
      const times = run.outcomes.map((o) => o.ms).sort((a, b) => a - b);
      console.log(
        `[quiz-concurrency] ${providerOf(databaseUrl())}: setup ${Math.round(setupMs)} ms; ${run.outcomes.length} submissions ` +
          `(${LEARNERS} learners, ${LEARNERS / 2} twice) from ${PROCESSES} processes in ${Math.round(run.raceMs)} ms ` +
          `(per process ${run.elapsedMs.join("/")} ms; per call median ${Math.round(times[times.length >> 1]!)} ms, max ${Math.round(times.at(-1)!)} ms); ` +
          `${run.outcomes.filter((o) => o.error).length} threw`,
      );
      expect(run.outcomes).toHaveLength(LEARNERS + LEARNERS / 2);
      // Really in parallel: every process had started submitting before any of them finished.
      const lastStart = Math.max(...run.windows.map((w) => w.startedAt));
      expect(run.windows.every((w) => w.finishedAt > lastStart)).toBe(true);
      // Every problem at once: a race that goes wrong rarely goes wrong in one way only.
      const problems = [...(await totalsProblems()), ...(await learnerProblems(learners, run.outcomes))];
      expect(problems, `worker stderr: ${run.stderr || "(none)"}`).toEqual([]);
    },
  );
});
