// `npx tsx bench/perf.ts [scenario …]`: a developer's tool for cutting the app's cost per request
// on a busy machine, where requests per second say little. For each scenario it loads the app
// (and the React baseline) for a few seconds and reports the server process's own CPU time per
// request (from /proc, user + system), which other processes on the machine barely move.
//
//   PERF_SECONDS=5          length of each measurement
//   PERF_CONNECTIONS=4      requests in flight
//   PERF_PROFILE=1          also write a V8 CPU profile of the app (bench/results/profiles/)
//   PERF_FRESH=1            rebuild the database (kept in tests/.tmp/perf/ between runs)
//   PERF_WORKERS=n          run the app with PUENTE_WORKERS=n (the figures then cover every process)
//   PERF_DATABASE_URL=postgresql://…  a PostgreSQL database (emptied and filled on first use; no
//                           React baseline then, and no quiz scenario)
//
// Scenarios: healthz, home, catalog, lesson, both, glossary, search, quiz (default: all pages).
// Needs a current build (`npm run build`).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { listCourses, quizzesOfCourse } from "~/modules/content/index.server.ts";
import { Client, oneRequest, saturate, type Work } from "./load.ts";
import { freePort, migrate, root, runWithDatabase, seed, stopChildren, startReactBaseline } from "./processes.ts";
import { lessonRequests, pageScenarios, quizScenario, type Learner } from "./scenarios.ts";

const SECONDS = Number(process.env.PERF_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.PERF_CONNECTIONS ?? 4);
const pgUrl = process.env.PERF_DATABASE_URL; // a PostgreSQL database to use (and fill) instead
const workDir = path.join(root, pgUrl ? "tests/.tmp/perf-pg" : "tests/.tmp/perf");
const dbFile = path.join(workDir, "puente.db");
const databaseUrl = pgUrl ?? `file:${dbFile}`;
const learnersFile = path.join(workDir, "learners.json");
process.env.ISSUER_KEYS_FILE ??= path.join(workDir, "issuer-keys.json");

const SHORT: Record<string, string> = {
  healthz: "GET /healthz",
  home: "home (signed in)",
  catalog: "catalog (signed in)",
  lesson: "lesson (signed in, one language)",
  both: "lesson (signed in, side by side)",
  glossary: "glossary (signed in)",
  search: "search (signed in)",
  quiz: "quiz start + page + save + submit",
};

async function database(): Promise<{ learners: Learner[]; examLearners: Learner[] }> {
  if (!process.env.PERF_FRESH && fs.existsSync(learnersFile)) return JSON.parse(fs.readFileSync(learnersFile, "utf8"));
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  // The seed issues the demo learner's credentials, so it needs an issuer identity (as run.ts).
  execFileSync(process.execPath, ["scripts/credentials/issuer-keys.mjs", "--quiet"], { stdio: "inherit" });
  await migrate(databaseUrl);
  await seed(databaseUrl);
  const examCourse = listCourses().find((c) => quizzesOfCourse(c.id).length > 0)!;
  const out = await runWithDatabase(["--import", "tsx", "bench/setup-worker.ts"], databaseUrl, {
    BENCH_USERS: "120",
    BENCH_EXAM_LEARNERS: "500",
    BENCH_EXAM_COURSE: examCourse.id,
  });
  fs.writeFileSync(learnersFile, out.trim().split("\n").at(-1)!);
  return JSON.parse(fs.readFileSync(learnersFile, "utf8"));
}

type App = { port: number; pids: () => number[]; stop: () => Promise<void> };

async function startApp(): Promise<App> {
  const port = await freePort();
  const profileDir = path.join(root, "bench/results/profiles");
  const args = process.env.PERF_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--import", "./bench/exit-on-term.mjs", "server.mjs"]
    : ["server.mjs"];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      MAIL_DIR: path.join(workDir, "mail"),
      QUIZ_COOLDOWN_SECONDS: "0",
      PUENTE_WORKERS: process.env.PERF_WORKERS ?? "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  // The primary and its workers (a cluster), or the one process.
  const pids = () => {
    const kids = fs
      .readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return [child.pid!, ...kids];
  };
  return {
    port,
    pids,
    stop: async () => {
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await gone;
    },
  };
}

const TICK_MS = 10; // USER_HZ = 100 on Linux
function cpuMs(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
      // a process that is gone
    }
  }
  return total;
}

async function measure(port: number, pids: () => number[], work: Work) {
  const client = new Client(port, CONNECTIONS);
  await saturate(client, work, CONNECTIONS, 1);
  const ids = pids();
  const c0 = cpuMs(ids);
  const result = await saturate(client, work, CONNECTIONS, SECONDS);
  const c1 = cpuMs(ids);
  client.close();
  const ok = result.requests - result.errors;
  return { rps: result.rps, errors: result.errors, cpuPerRequest: ok ? (c1 - c0) / ok : NaN, p50: result.p50 };
}

async function main() {
  const wanted = process.argv.slice(2);
  const { learners } = await database();
  const react = pgUrl ? null : await startReactBaseline(databaseUrl);
  const app = await startApp();
  const readDb = pgUrl ? null : new Database(dbFile, { readonly: true });
  const base = react
    ? await measure(react.port, () => [react.pid], oneRequest(lessonRequests(learners, false)))
    : { rps: NaN, cpuPerRequest: NaN };
  console.log(`React baseline, lesson: ${base.rps} req/s, ${base.cpuPerRequest.toFixed(2)} CPU ms/request`);
  const scenarios = [...pageScenarios(learners), ...(readDb ? [quizScenario(learners, readDb)] : [])];
  const names = wanted.length ? wanted.map((w) => SHORT[w] ?? w) : Object.values(SHORT).slice(0, 7);
  for (const name of names) {
    const s = scenarios.find((x) => x.name === name);
    if (!s) throw new Error(`no scenario ${name}`);
    const r = await measure(app.port, app.pids, s.work);
    const perReq = r.cpuPerRequest;
    console.log(
      `${name}: ${r.rps} req/s, ${perReq.toFixed(2)} CPU ms/request (React baseline ${((base.cpuPerRequest / perReq) * 100).toFixed(1)} % of it), p50 ${r.p50} ms, errors ${r.errors}`,
    );
  }
  readDb?.close();
  await app.stop();
  await stopChildren();
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopChildren();
  process.exitCode = 1;
});
