// `npx tsx bench/exam-inproc.ts [n]`: the exam's three requests (start form, attempt page, submit
// form) through the built app's Remix handler, no HTTP, one learner after another, on a copy of
// the perf database (`bench/perf.ts` makes it). Prints the CPU milliseconds of each step per
// learner, so the exam's cost per request can be cut on a busy machine. `--cpu-prof` via
// NODE_OPTIONS profiles it.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { listCourses, quizzesOfCourse } from "~/modules/content/index.server.ts";
import { quizPath } from "~/modules/learning/index.ts";
import { snapshotItems } from "~/modules/quiz/index.server.ts";
import type { AttemptSnapshot } from "~/modules/quiz/index.ts";
import { answerFields } from "../tests/helpers/quiz.ts";
import type { Learner } from "./scenarios.ts";

const n = Number(process.argv[2] ?? 300);
const dir = "tests/.tmp/perf";
const copy = path.resolve(dir, "exam-copy.db");
fs.copyFileSync(path.join(dir, "puente.db"), copy);
for (const ext of ["-wal", "-shm"]) fs.rmSync(copy + ext, { force: true });
// Run as: DATABASE_URL=file:$PWD/tests/.tmp/perf/exam-copy.db NODE_ENV=production QUIZ_COOLDOWN_SECONDS=0 (env is read at import).
if (process.env.DATABASE_URL !== `file:${copy}`) throw new Error(`set DATABASE_URL=file:${copy}`);

const { examLearners } = JSON.parse(fs.readFileSync(path.join(dir, "learners.json"), "utf8")) as {
  examLearners: Learner[];
};
const course = listCourses().find((c) => quizzesOfCourse(c.id).length > 0)!;
const quizId = quizzesOfCourse(course.id)[0]!.id;
const { createRequestHandler } = await import("@remix-run/node");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const build: any = await import(path.resolve("build/index.js"));
const handler = createRequestHandler(build, "production");
const scope = build.entry.module.runInRequestScope ?? ((_m: string, run: () => unknown) => run());
const read = new Database(copy, { readonly: true });
const snapshotOf = read.prepare<[string], { snapshot: string }>("SELECT snapshot FROM QuizAttempt WHERE id = ?");

async function call(method: string, p: string, cookie: string, body?: string) {
  const headers: Record<string, string> = { Cookie: cookie };
  if (body !== undefined) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["Sec-Fetch-Site"] = "same-origin";
    headers.Host = "127.0.0.1:3000";
  }
  const res: Response = await scope(
    method,
    () =>
      handler(new Request(`http://127.0.0.1:3000${p}`, { method, headers, body }), {
        clientIp: "127.0.0.1",
        requestId: "x",
      }),
    p.split("?")[0],
  );
  await res.text();
  return res;
}

// With EXAM_SQL=1, the SQL each step sends (better-sqlite3's prepare and exec, counted once per call).
let sqlLog: string[] | null = null;
if (process.env.EXAM_SQL) {
  const proto = Database.prototype as unknown as Record<string, (this: unknown, sql: string) => unknown>;
  for (const name of ["prepare", "exec"]) {
    const original = proto[name]!;
    proto[name] = function (this: unknown, sql: string) {
      sqlLog?.push(sql.replace(/\s+/g, " ").slice(0, 160));
      return original.call(this, sql);
    };
  }
}
const cpu = { start: 0, page: 0, submit: 0 };
const timed = async <T>(key: keyof typeof cpu, run: () => Promise<T>) => {
  if (process.env.EXAM_SQL && count === 2) sqlLog = [];
  const c0 = process.cpuUsage();
  const out = await run();
  if (sqlLog) {
    console.log(`-- ${key}: ${sqlLog.length} statements`);
    for (const q of sqlLog) console.log(`   ${q}`);
    sqlLog = null;
  }
  const c = process.cpuUsage(c0);
  cpu[key] += (c.user + c.system) / 1000;
  return out;
};
const WARM = 20;
let count = 0;
for (let i = 0; i < Math.min(n + WARM, examLearners.length); i++) {
  if (i === WARM) for (const k of Object.keys(cpu) as (keyof typeof cpu)[]) cpu[k] = 0;
  const l = examLearners[i]!;
  const base = quizPath(l.lang, course.id, quizId);
  const started = await timed("start", () => call("POST", `${base}?index`, l.cookie, ""));
  const location = started.headers.get("location");
  if (started.status !== 302 || !location) throw new Error(`start: ${started.status} ${await started.text()}`);
  const page = await timed("page", () => call("GET", location, l.cookie));
  if (page.status !== 200) throw new Error(`page: ${page.status}`);
  const items = snapshotItems(JSON.parse(snapshotOf.get(location.split("/").at(-1)!)!.snapshot) as AttemptSnapshot);
  const fields = items.flatMap((item, j) => answerFields([item], j % 3 !== 2));
  const body = new URLSearchParams([["intent", "submit"], ...fields]).toString();
  const submitted = await timed("submit", () => call("POST", `${location}?index`, l.cookie, body));
  if (submitted.status !== 302) throw new Error(`submit: ${submitted.status} ${await submitted.text()}`);
  if (i >= WARM) count++;
}
const f = (x: number) => (x / count).toFixed(2);
console.log(
  `exam, ${count} learners in process: CPU ms per start ${f(cpu.start)}, attempt page ${f(cpu.page)}, submit ${f(cpu.submit)}, total ${f(cpu.start + cpu.page + cpu.submit)}`,
);
read.close();
process.exit(0);
