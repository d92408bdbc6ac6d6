// 200 learners submit the same quiz at the same moment from 4 OS processes (4 app instances
// on one database), half of them twice at once (two tabs, or a retry): every attempt is
// graded exactly once and nothing is lost or duplicated. Runs on SQLite and, with
// TEST_PG_URL, on PostgreSQL.
import { beforeEach, describe, expect, it } from "vitest";
import { db, providerOf, databaseUrl } from "~/modules/db/index.server.ts";
import type { Lang } from "~/modules/i18n/config.ts";
import { sampleQuiz } from "~/modules/quiz/fixtures.test-helpers.ts";
import { ownAttempt, saveAnswers, startAttempt } from "~/modules/quiz/index.server.ts";
import { snapshotItems } from "~/modules/quiz/snapshot.ts";
import { createUser, resetDatabase } from "../helpers/factories.ts";
import { answerFields } from "../helpers/quiz-answers.ts";
import { submitInProcesses, type SubmitJob } from "./workers/protocol.ts";

beforeEach(resetDatabase);

const LEARNERS = Number(process.env.PROBE_LEARNERS ?? 200);
const PROCESSES = 4;
const PER_PROCESS = LEARNERS / PROCESSES;

/** Independent bits of the learner's index pick language, saving first, double submission and where the duplicate runs. */
function planOf(i: number) {
  return {
    lang: (i % 2 === 0 ? "en" : "es") as Lang,
    savesFirst: ((i >> 1) & 1) === 1,
    double: ((i >> 2) & 1) === 1,
    duplicateElsewhere: ((i >> 3) & 1) === 1,
    correct: i % 10,
    process: Math.floor(i / PER_PROCESS),
  };
}

type Learner = { i: number; userId: string; attemptId: string; expectedPercent: number; duplicatePercent: number | null };

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
    const started = await startAttempt({ userId, quiz: sampleQuiz, courseId: "course-x", lang: plan.lang, contentVersion: "v-bench" });
    if (!started.ok) throw new Error(`learner ${i} could not start: ${started.reason}`);
    const attemptId = started.attemptId;
    const items = snapshotItems((await ownAttempt(attemptId, userId))!.snapshot);
    // Saved answers: three right, the last item wrong (a correct final answer must replace it).
    const saved = plan.savesFirst ? 3 : 0;
    if (plan.savesFirst) {
      const result = await saveAnswers({ attemptId, userId, fields: [...answerFields(items.slice(0, 3), true), ...answerFields(items.slice(-1), false)] });
      if (!result.ok) throw new Error(`learner ${i} could not save: ${result.reason}`);
    }
    const upTo = Math.max(plan.correct, saved);
    jobLists[plan.process]!.push({ learner: i, userId, attemptId, tag: "primary", fields: answerFields(items.slice(saved, upTo), true) });
    if (plan.double) {
      const target = plan.duplicateElsewhere ? (plan.process + 1) % PROCESSES : plan.process;
      jobLists[target]!.push({ learner: i, userId, attemptId, tag: "duplicate", fields: answerFields(items, true) });
    }
    const percent = (n: number) => (n / items.length) * 100;
    return { i, userId, attemptId, expectedPercent: percent(upTo), duplicatePercent: plan.double ? percent(items.length) : null };
  });
  return { learners, jobLists };
}

describe("200 learners submitting at the same moment", () => {
  it("grades every attempt exactly once, from 4 processes, double submissions included", { timeout: 120_000 }, async () => {
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
    const errors = run.outcomes.filter((o) => o.error).map((o) => `learner ${o.learner} (${o.tag}): ${o.error}`);
    expect(errors, `submissions threw (worker stderr: ${run.stderr})`).toEqual([]);
    expect(run.outcomes).toHaveLength(LEARNERS + LEARNERS / 2);

    const attempts = await db.quizAttempt.findMany({
      select: { id: true, userId: true, status: true, openKey: true, submittedAt: true, maxPoints: true, scorePoints: true, percent: true, passed: true, responses: { select: { score: true } } },
    });
    expect(attempts).toHaveLength(LEARNERS);
    expect(attempts.filter((a) => a.status === "submitted")).toHaveLength(LEARNERS);
    expect(await db.quizAttempt.count({ where: { OR: [{ status: "open" }, { openKey: { not: null } }] } })).toBe(0);
    expect(await db.quizResponse.count()).toBe(LEARNERS * 9);

    const byId = new Map(attempts.map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const learner of learners) {
      const row = byId.get(learner.attemptId);
      const calls = run.outcomes.filter((o) => o.learner === learner.i);
      const say = (what: string) => problems.push(`learner ${learner.i}: ${what}`);
      if (!row) {
        say("attempt missing");
        continue;
      }
      if (row.scorePoints === null || row.percent === null || row.passed === null || !row.submittedAt) say("not graded");
      if (row.responses.length !== row.maxPoints) say(`${row.responses.length} response rows, expected ${row.maxPoints}`);
      if (row.responses.some((r) => r.score === null)) say("a response has no score");
      const sum = row.responses.reduce((a, r) => a + (r.score ?? 0), 0);
      if (Math.abs(sum - (row.scorePoints ?? -1)) > 1e-9) say(`scorePoints ${row.scorePoints} but responses add up to ${sum}`);
      const allowed = [learner.expectedPercent, learner.duplicatePercent].filter((p): p is number => p !== null);
      if (!allowed.some((p) => Math.abs(p - (row.percent ?? -1)) < 1e-9)) say(`percent ${row.percent}, expected one of ${allowed.join(", ")}`);
      if (calls.some((c) => !c.result?.ok)) say(`a call was refused: ${JSON.stringify(calls)}`);
      if (calls.filter((c) => c.result?.alreadySubmitted === false).length !== 1) say(`graded by ${calls.filter((c) => c.result?.alreadySubmitted === false).length} calls`);
      for (const call of calls) {
        if (call.result?.ok && Math.abs((call.result.percent ?? -1) - (row.percent ?? -2)) > 1e-9) say(`${call.tag} call returned ${call.result.percent}, stored ${row.percent}`);
      }
    }
    expect(problems).toEqual([]);

  });
});
