// `npm run bench`: the app against baselines measured in the same run, on a fresh database
// with signed-in learners. Writes bench/results/<timestamp>.json and .md and prints the table;
// bench/README.md says how to read them. Exit code 0 unless the benchmark itself breaks.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { listCourses, quizzesOfCourse } from "~/modules/content/index.server.ts";
import { snapshotItems } from "~/modules/quiz/index.server.ts";
import type { AttemptSnapshot } from "~/modules/quiz/index.ts";
import { Client, fixedRate, oneRequest, percentile, saturate, summarize, type Sample, type Work } from "./load.ts";
import { pageWeight, type Metafile } from "./page-weight.ts";
import {
  ensureBuild,
  killChildrenNow,
  stopChildren,
  migrate,
  root,
  runWithDatabase,
  seed,
  startApp,
  startOkServer,
  startReactBaseline,
  type Server,
} from "./processes.ts";
import {
  disturbances,
  markdown,
  meanRps,
  ratio,
  type BaselineResult,
  type ExamResult,
  type LoadAverage,
  type Phases,
  type Report,
  type ScenarioResult,
} from "./report.ts";
import {
  allLessons,
  lessonRequests,
  pageScenarios,
  cohortProgressScenario,
  vettingDashboardScenario,
  type CohortBench,
  type VettingBench,
  quizFlow,
  quizScenario,
  credentialScenarios,
  quizSlots,
  type BaselineKey,
  type Learner,
} from "./scenarios.ts";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SECONDS = num("BENCH_SECONDS", 5);
const CONNECTIONS = num("BENCH_CONNECTIONS", 16);
const RATE = num("BENCH_RATE", 50);
const USERS = num("BENCH_USERS", 120);
const EXAM_LEARNERS = num("BENCH_EXAM_LEARNERS", 500);
const EXAM_SECONDS = num("BENCH_EXAM_SECONDS", 10);
// The open loop's cap: beyond it a request is counted as failed and not sent, so an overloaded
// server is not left with a backlog that would spill into the next scenario.
const MAX_IN_FLIGHT = 64;
// A learner waits longer for a quiz than a load test for a page; bounded all the same.
const EXAM_TIMEOUT_MS = 20_000;

const runId = `${Date.now().toString(36)}_${process.pid}`;
const workDir = path.join(root, "tests/.tmp", `bench-${runId}`);
let readDb: Database.Database | undefined;

const log = (message: string) => console.log(`[bench] ${message}`);
const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100) as LoadAverage;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function cleanup(): Promise<void> {
  readDb?.close();
  readDb = undefined;
  await stopChildren();
  fs.rmSync(workDir, { recursive: true, force: true });
}

process.on("exit", killChildrenNow);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // npm and tsx pass Ctrl-C on as well: the first one cleans up, the others wait for it.
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** Warm-up, then throughput at saturation, then latency at the fixed rate. */
async function measure(server: Server, work: Work, requestsPerUnit: number): Promise<Phases> {
  const closed = new Client(server.port, CONNECTIONS);
  await saturate(closed, work, 4, 1); // JIT, caches, connections
  const saturation = await saturate(closed, work, CONNECTIONS, SECONDS);
  closed.close();
  await pause(500);
  const open = new Client(server.port, MAX_IN_FLIGHT);
  const fixed = await fixedRate(open, work, RATE / requestsPerUnit, SECONDS, MAX_IN_FLIGHT);
  open.close();
  return { saturation, fixedRate: fixed };
}

/**
 * Waits (at most 60 s) until the app answers /healthz within a second: requests a phase gave up
 * on may still be in the server's hands, and must not be counted against the next scenario.
 */
async function settle(app: Server): Promise<void> {
  const client = new Client(app.port, 1, 30_000);
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    const { status } = await client.request({ path: "/healthz" });
    if (status === 200 && performance.now() - t0 < 1000) break;
    await pause(250);
  }
  client.close();
}

/** One unit of work must succeed before a scenario is measured; otherwise why not. */
async function probe(server: Server, work: Work): Promise<string | null> {
  const client = new Client(server.port, 1, 30_000);
  const samples = await work(client);
  client.close();
  if (!samples) return "no work to do";
  const failed = samples.find((s) => s.ok === false || s.status < 200 || s.status >= 400);
  if (!failed) return null;
  return failed.status === 404
    ? "404: route not there yet"
    : `HTTP ${failed.status} (step ${samples.indexOf(failed) + 1})`;
}

type Baselines = Record<BaselineKey, { name: string; server: Server; work: Work; before?: Phases; after?: Phases }>;

async function measureBaselines(baselines: Baselines, when: "before" | "after"): Promise<void> {
  for (const b of Object.values(baselines)) {
    b[when] = await measure(b.server, b.work, 1);
    log(`${b.name} (${when}): ${b[when]!.saturation.rps} req/s`);
  }
}

/** "Everyone starts the exam at once": learners arrive evenly over the window, each takes one quiz. */
async function exam(app: Server, learners: Learner[], quizId: string, db: Database.Database): Promise<ExamResult> {
  const queue = quizSlots(learners, 1, quizId);
  const flow = quizFlow(queue, db, { save: false });
  const samples: Sample[] = [];
  const perLearner: number[] = [];
  let lastDone = 0;
  const timed: Work = async (client, scheduledAt) => {
    const done = await flow(client, scheduledAt);
    const end = performance.now();
    lastDone = Math.max(lastDone, end);
    if (done) {
      samples.push(...done);
      if (scheduledAt !== undefined) perLearner.push((end - scheduledAt) / 1000);
    }
    return done;
  };
  const client = new Client(app.port, learners.length, EXAM_TIMEOUT_MS);
  const t0 = performance.now();
  await fixedRate(client, timed, learners.length / EXAM_SECONDS, EXAM_SECONDS, learners.length);
  client.close();
  perLearner.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    learners: learners.length,
    windowSeconds: EXAM_SECONDS,
    finishedSeconds: round((lastDone - t0) / 1000),
    requests: summarize(samples),
    learnerSeconds: {
      p50: round(percentile(perLearner, 0.5)),
      p99: round(percentile(perLearner, 0.99)),
      max: round(perLearner.at(-1) ?? NaN),
    },
    check: checkGraded(db, learners, quizId),
  };
}

/** Each learner has one attempt, submitted and graded exactly once: a scored response per item adding up to the score. */
function checkGraded(db: Database.Database, learners: Learner[], quizId: string): ExamResult["check"] {
  const rows = db
    .prepare<
      [string],
      {
        id: string;
        userId: string;
        status: string;
        scorePoints: number | null;
        percent: number | null;
        snapshot: string;
        responses: number;
        scored: number;
        scoreSum: number;
      }
    >(
      `SELECT a.id, a.userId, a.status, a.scorePoints, a.percent, a.snapshot,
              (SELECT COUNT(*) FROM QuizResponse r WHERE r.attemptId = a.id) AS responses,
              (SELECT COUNT(*) FROM QuizResponse r WHERE r.attemptId = a.id AND r.score IS NOT NULL) AS scored,
              (SELECT TOTAL(r.score) FROM QuizResponse r WHERE r.attemptId = a.id) AS scoreSum
         FROM QuizAttempt a WHERE a.quizId = ?`,
    )
    .all(quizId);
  const ids = new Set(learners.map((l) => l.id));
  const mine = rows.filter((r) => ids.has(r.userId));
  const perLearner = new Map<string, number>();
  for (const r of mine) perLearner.set(r.userId, (perLearner.get(r.userId) ?? 0) + 1);
  const problems: string[] = [];
  const missing = learners.filter((l) => !perLearner.has(l.id)).length;
  if (missing) problems.push(`${missing} learners have no attempt`);
  const twice = [...perLearner.values()].filter((n) => n > 1).length;
  if (twice) problems.push(`${twice} learners have more than one attempt`);
  let gradedOnce = 0;
  const faults = new Map<string, number>();
  for (const r of mine) {
    const items = snapshotItems(JSON.parse(r.snapshot) as AttemptSnapshot).length;
    const fault =
      r.status !== "submitted"
        ? `attempt ${r.status}`
        : r.percent === null || r.scorePoints === null
          ? "submitted without a score"
          : r.responses !== items || r.scored !== items
            ? "scored responses do not match the items"
            : Math.abs(r.scoreSum - r.scorePoints) > 1e-9
              ? "responses do not add up to the score"
              : null;
    if (fault) faults.set(fault, (faults.get(fault) ?? 0) + 1);
    else if (perLearner.get(r.userId) === 1) gradedOnce++;
  }
  for (const [fault, count] of faults) problems.push(`${count} × ${fault}`);
  return { attempts: mine.length, gradedOnce, problems };
}

function commit(): string | null {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "app", "server.mjs", "bench"], {
      cwd: root,
      encoding: "utf8",
    }).trim();
    return dirty ? `${sha}+changes` : sha;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  const started = performance.now();
  log(`load average ${loadBefore.join(" / ")} on ${os.cpus().length} cores`);
  log(`build: ${await ensureBuild()} (${Math.round((performance.now() - started) / 1000)} s)`);
  fs.mkdirSync(workDir, { recursive: true });
  const databaseUrl = `file:${path.join(workDir, "puente.db")}`;
  // The issuer identity of this run (the seed issues the demo learner's credentials).
  process.env.ISSUER_KEYS_FILE ??= path.join(workDir, "issuer-keys.json");
  execFileSync(process.execPath, ["scripts/credentials/issuer-keys.mjs", "--quiet"], { stdio: "inherit" });
  await migrate(databaseUrl);
  await seed(databaseUrl);
  const examCourse = listCourses().find((c) => quizzesOfCourse(c.id).length > 0)!;
  const examQuiz = quizzesOfCourse(examCourse.id)[0]!.id;
  const setup = await runWithDatabase(["--import", "tsx", "bench/setup-worker.ts"], databaseUrl, {
    BENCH_USERS: String(USERS),
    BENCH_EXAM_LEARNERS: String(EXAM_LEARNERS),
    BENCH_EXAM_COURSE: examCourse.id,
  });
  const { learners, examLearners, cohortBench, vettingBench } = JSON.parse(setup.trim().split("\n").at(-1)!) as {
    learners: Learner[];
    examLearners: Learner[];
    cohortBench: CohortBench;
    vettingBench: VettingBench;
  };
  log(
    `database with ${learners.length + examLearners.length} signed-in learners, ${Math.round((performance.now() - started) / 1000)} s after the start`,
  );

  const okServer = await startOkServer();
  const reactServer = await startReactBaseline(databaseUrl);
  const app = await startApp(databaseUrl, workDir);
  readDb = new Database(path.join(workDir, "puente.db"), { readonly: true });

  const baselines: Baselines = {
    ok: { name: 'bare node:http "ok"', server: okServer, work: oneRequest(() => ({ path: "/" })) },
    react: {
      name: "React baseline, lesson",
      server: reactServer,
      work: oneRequest(lessonRequests(learners, false)),
    },
    reactBoth: {
      name: "React baseline, lesson side by side",
      server: reactServer,
      work: oneRequest(lessonRequests(learners, true)),
    },
  };
  for (const b of Object.values(baselines)) {
    const why = await probe(b.server, b.work);
    if (why) throw new Error(`${b.name} does not answer as it should: ${why}`);
  }
  const loadAtStart = loadAverage();
  await measureBaselines(baselines, "before");

  // BENCH_SCENARIOS=lesson,quiz keeps the scenarios whose names contain one of the words;
  // BENCH_SCENARIOS=none leaves them all out (the baselines and the exam still run).
  const only = process.env.BENCH_SCENARIOS?.split(",").map((w) => w.trim().toLowerCase());
  const scenarios = [
    ...pageScenarios(learners),
    cohortProgressScenario(cohortBench),
    vettingDashboardScenario(vettingBench),
    quizScenario(learners, readDb),
    ...credentialScenarios(readDb),
  ].filter((s) => !only || only.some((w) => s.name.toLowerCase().includes(w)));
  const measured: { name: string; shows: string; baseline: BaselineKey; phases?: Phases; skipped?: string }[] = [];
  for (const s of scenarios) {
    await settle(app);
    const skipped = await probe(app, s.work);
    if (skipped) {
      log(`${s.name}: SKIPPED (${skipped})`);
      measured.push({ name: s.name, shows: s.shows, baseline: s.baseline, skipped });
      continue;
    }
    const phases = await measure(app, s.work, s.requestsPerUnit);
    log(`${s.name}: ${phases.saturation.rps} req/s, p99 ${phases.fixedRate.p99} ms at ${RATE}/s`);
    measured.push({ name: s.name, shows: s.shows, baseline: s.baseline, phases });
  }

  let examResult: ExamResult | { skipped: string } = { skipped: "BENCH_SKIP_EXAM" };
  if (!process.env.BENCH_SKIP_EXAM) {
    examResult = await exam(app, examLearners, examQuiz, readDb);
    log(
      `exam: ${examResult.learners} learners, last done after ${examResult.finishedSeconds} s, p99 ${examResult.requests.p99} ms`,
    );
  }

  await settle(app);
  await measureBaselines(baselines, "after");

  let weight: Report["pageWeight"];
  try {
    const client = new Client(app.port, 1);
    const metafile = JSON.parse(fs.readFileSync(path.join(root, "build/metafile.js.json"), "utf8")) as Metafile;
    weight = await pageWeight(client, lessonRequests(learners, false)(), metafile);
    client.close();
  } catch (error) {
    weight = { skipped: (error as Error).message };
  }
  const loadAfter = loadAverage();

  const baselineResults: BaselineResult[] = (Object.keys(baselines) as BaselineKey[]).map((key) => {
    const b = baselines[key];
    return { key, name: b.name, before: b.before!, after: b.after ?? null, rps: meanRps(b.before!, b.after ?? null) };
  });
  const byKey = new Map(baselineResults.map((b) => [b.key, b]));
  const scenarioResults: ScenarioResult[] = measured.map((m) => {
    const base = byKey.get(m.baseline)!;
    return {
      name: m.name,
      shows: m.shows,
      baseline: base.name,
      ratioToBaseline: m.phases ? ratio(m.phases.saturation.rps, base.rps) : null,
      ...(m.skipped ? { skipped: m.skipped } : {}),
      ...m.phases,
    };
  });
  const found = disturbances(os.cpus().length, loadBefore, baselineResults);
  const report: Report = {
    date: new Date().toISOString(),
    commit: commit(),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? null,
      node: process.version,
      loadAverage: { before: loadBefore, atMeasureStart: loadAtStart, after: loadAfter },
    },
    settings: {
      seconds: SECONDS,
      connections: CONNECTIONS,
      rate: RATE,
      learners: learners.length,
      lessons: allLessons().length,
    },
    disturbed: found.length > 0,
    disturbances: found,
    baselines: baselineResults,
    scenarios: scenarioResults,
    exam: examResult,
    pageWeight: weight,
  };
  const outDir = path.join(root, "bench/results");
  fs.mkdirSync(outDir, { recursive: true });
  const stamp = report.date.replace(/[:.]/g, "-");
  fs.writeFileSync(path.join(outDir, `${stamp}.json`), JSON.stringify(report, null, 2) + "\n");
  const table = markdown(report);
  fs.writeFileSync(path.join(outDir, `${stamp}.md`), table);
  console.log(`\n${table}`);
  log(`written bench/results/${stamp}.json and .md in ${Math.round((performance.now() - started) / 1000)} s`);
}

main()
  .catch((error: unknown) => {
    if (stopping) return; // interrupted: the children were stopped under it
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
