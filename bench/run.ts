// `npm run bench`: HTTP throughput and latency of the production server, and quiz
// submissions per second through the module functions. Prints a table with PASS/FAIL against
// the targets in docs/benchmarks.md and writes test-results/bench.json. Exit code 0 unless
// the benchmark itself breaks. Knobs: BENCH_SECONDS (5), BENCH_CONNECTIONS (16),
// BENCH_RATE (50), BENCH_QUIZ_LEARNERS (200), BENCH_SKIP_BUILD, BENCH_SKIP_QUIZ, TEST_PG_URL.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client, fixedRate, saturate, type Target } from "./load.ts";
import { quizOnPostgres, quizOnSqlite, type QuizRun } from "./quiz.ts";
import { HTTP_TARGETS, httpTable, httpVerdict, QUIZ_TARGETS, quizTable, type HttpRow, type QuizRow } from "./report.ts";
import { ensureBuild, migrate, root, seed, signIn, startBareServer, startServer, type Server } from "./server.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const RATE = Number(process.env.BENCH_RATE ?? 50);
process.env.BENCH_QUIZ_LEARNERS ??= "200";

const runId = `${Date.now().toString(36)}_${process.pid}`;
const workDir = path.join(root, "tests/.tmp", `bench-${runId}`);
let server: Server | undefined;

const log = (message: string) => console.log(`[bench] ${message}`);

async function cleanup(): Promise<void> {
  await server?.stop();
  server = undefined;
  fs.rmSync(workDir, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

/** The signed-in learner's lesson page: first lesson of the first course, learner enrolled. */
async function lessonTarget(cookie: string, email: string): Promise<Target | string> {
  try {
    const { listCourses, lessonsOfCourse } = await import("~/modules/content/index.server.ts");
    const { enrol } = await import("~/modules/learning/index.server.ts");
    const { lessonPath } = await import("~/modules/learning/paths.ts");
    const { db } = await import("~/modules/db/index.server.ts");
    const course = listCourses().find((c) => lessonsOfCourse(c.id).length > 0);
    if (!course) return "no course with lessons in content/";
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    await enrol(user.id, course.id);
    await db.$disconnect();
    return { path: lessonPath("en", course.id, lessonsOfCourse(course.id)[0]!.id), headers: { Cookie: cookie } };
  } catch (error) {
    return `learning module unavailable: ${(error as Error).message.split("\n")[0]}`;
  }
}

async function measure(name: string, target: Target | string): Promise<HttpRow> {
  if (typeof target === "string") return { name, path: "-", skipped: target };
  const probe = new Client(server!.port, 1);
  const first = await probe.get(target);
  probe.close();
  if (first.status === 404) return { name, path: target.path, skipped: "404: route not there yet" };
  if (first.status !== 200) return { name, path: target.path, skipped: `HTTP ${first.status}` };
  if (target.headers?.Cookie && /name="password"/.test(first.body))
    return { name, path: target.path, skipped: "got the sign-in form, not the lesson" };

  const closed = new Client(server!.port, CONNECTIONS);
  await saturate(closed, target, 4, 1); // warm-up: JIT, caches, connections
  const sat = await saturate(closed, target, CONNECTIONS, SECONDS);
  closed.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const open = new Client(server!.port, 256);
  const fixed = await fixedRate(open, target, RATE, SECONDS);
  open.close();
  const row = { name, path: target.path, saturation: sat, fixedRate: fixed, target: HTTP_TARGETS[name]!, pass: false };
  row.pass = httpVerdict(row);
  log(`${name}: ${sat.rps} req/s at saturation, p95 ${fixed.p95} ms at ${RATE}/s`);
  return row;
}

function quizRow(run: QuizRun): QuizRow {
  if ("skipped" in run) return run;
  const target = QUIZ_TARGETS[run.provider]!;
  return { ...run, target, pass: run.submitsPerSecond >= target };
}

/** Requests per second of a bare node:http server on this machine now (about 15,000 on an idle 2-core one). */
async function calibrate(): Promise<number> {
  server = await startBareServer();
  const client = new Client(server.port, CONNECTIONS);
  await saturate(client, { path: "/" }, 4, 1);
  const { rps } = await saturate(client, { path: "/" }, CONNECTIONS, SECONDS);
  client.close();
  await server.stop();
  server = undefined;
  log(`bare node:http: ${rps} req/s (this machine's ceiling right now)`);
  return rps;
}

async function main(): Promise<void> {
  const load = [os.loadavg()[0]!];
  log(`build: ${ensureBuild()}`);
  fs.mkdirSync(workDir, { recursive: true });
  const databaseUrl = `file:${path.join(workDir, "puente.db")}`;
  process.env.DATABASE_URL = databaseUrl; // for the modules this process imports (lesson set-up)
  let t0 = performance.now();
  migrate(databaseUrl);
  seed(databaseUrl);
  log(`fresh seeded database in ${Math.round((performance.now() - t0) / 1000)} s`);

  const bareRps = await calibrate();
  server = await startServer(databaseUrl, workDir);
  log(`server ${server.origin} (pid ${server.pid})`);
  const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("~/modules/demo/demo-data.server.ts");
  const learner = DEMO_ACCOUNTS.find((a) => a.email.startsWith("learner@"))!.email;
  const cookie = await signIn(server, learner, DEMO_PASSWORD);

  const http: HttpRow[] = [];
  http.push(await measure("GET /healthz", { path: "/healthz" }));
  http.push(await measure("GET /en (home)", { path: "/en" }));
  http.push(await measure("GET /en/courses (catalog)", { path: "/en/courses" }));
  http.push(await measure("lesson page (signed in)", await lessonTarget(cookie, learner)));
  await server.stop();
  server = undefined;

  const quiz: QuizRow[] = [];
  if (!process.env.BENCH_SKIP_QUIZ) {
    t0 = performance.now();
    quiz.push(quizRow(quizOnSqlite(workDir)));
    quiz.push(quizRow(await quizOnPostgres(runId)));
    log(`quiz submissions measured in ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  load.push(os.loadavg()[0]!);

  console.log(
    `\n${httpTable(http, RATE, CONNECTIONS, bareRps)}\n\n${quiz.length ? quizTable(quiz) : "quiz: skipped (BENCH_SKIP_QUIZ)"}\n`,
  );
  console.log(
    `machine: ${os.cpus().length} cores, load average ${load.map((l) => l.toFixed(1)).join(" → ")} (shared machines are noisy: compare within one run)`,
  );

  const commit = (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    } catch {
      return null;
    }
  })();
  const out = path.join(root, "test-results/bench.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    commit,
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? null, node: process.version, loadAverage: load },
    bareNodeHttpRps: bareRps,
    settings: {
      seconds: SECONDS,
      connections: CONNECTIONS,
      rate: RATE,
      quizLearners: Number(process.env.BENCH_QUIZ_LEARNERS),
    },
    http,
    quiz,
    passed: [...http, ...quiz].every((r) => "skipped" in r || r.pass),
  };
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
  log(`results written to ${path.relative(root, out)}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
