// `DATABASE_URL=file:… node [--cpu-prof] bench/inproc.mjs <path> [n] [cookie]`: calls the built
// app's Remix handler directly (no HTTP, no Express) n times for one path and prints the mean
// wall time per request, so that one page's cost can be profiled on its own. With PERF_SQL=1 it
// prints the SQL one request prepares instead (SQLite; better-sqlite3's prepare and exec).
import fs from "node:fs";
import { createRequestHandler } from "@remix-run/node";
import Database from "better-sqlite3";

let sqlLog = null;
if (process.env.PERF_SQL) {
  for (const name of ["prepare", "exec"]) {
    const original = Database.prototype[name];
    Database.prototype[name] = function (sql) {
      sqlLog?.push(sql.replace(/\s+/g, " ").slice(0, 200));
      return original.call(this, sql);
    };
  }
}

const [pathname, n = "200", cookieArg] = process.argv.slice(2);
const learners = JSON.parse(fs.readFileSync("tests/.tmp/perf/learners.json", "utf8")).learners;
const build = await import(process.env.PERF_BUILD ?? "../build/index.js");
const handler = createRequestHandler(build, "production");
const paths = pathname.split(",");
async function once(i) {
  const learner = learners[i % learners.length];
  const p = paths[i % paths.length].replace("{lang}", learner.lang);
  const scope = build.entry.module.runInRequestScope ?? ((_method, run) => run());
  const res = await scope(
    "GET",
    () =>
      handler(new Request(`http://127.0.0.1:3000${p}`, { headers: { Cookie: cookieArg ?? learner.cookie } }), {
        clientIp: "127.0.0.1",
        requestId: "x",
      }),
    p.split("?")[0],
  );
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${p}: ${res.status} ${body.slice(0, 300)}`);
  return body.length;
}
for (let i = 0; i < 30; i++) await once(i);
if (process.env.PERF_SQL) {
  sqlLog = [];
  await once(31);
  console.log(`-- ${pathname}: ${sqlLog.length} statements`);
  for (const q of sqlLog) console.log(`   ${q}`);
  process.exit(0);
}
// Several blocks; the least CPU time per request of them stands (other processes on a busy
// machine only ever add to it).
const blocks = Number(process.env.PERF_BLOCKS ?? 5);
let best = Infinity;
let bytes = 0;
const t0 = performance.now();
for (let b = 0; b < blocks; b++) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < Number(n); i++) bytes = await once(i);
  const cpu = process.cpuUsage(c0);
  best = Math.min(best, (cpu.user + cpu.system) / 1000 / Number(n));
}
console.log(
  `${pathname}: ${((performance.now() - t0) / Number(n) / blocks).toFixed(2)} ms wall, ${best.toFixed(2)} ms CPU per request (least of ${blocks} blocks of ${n}), ${bytes} bytes`,
);
process.exit(0);
