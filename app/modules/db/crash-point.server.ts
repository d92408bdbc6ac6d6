// Test-only points inside transactions, for the crash-safety test (tests/e2e/crash-safety.e2e.test.ts,
// docs/decisions/018-crash-points.md): with PUENTE_CRASH_TRACE naming a file, a point appends one
// line there when its transaction has written and not yet committed, and the point named by
// PUENTE_CRASH_PAUSE then waits PUENTE_CRASH_PAUSE_MS, so the test can SIGKILL the process while
// the transaction is open. Unset (always, outside that test), a point is one comparison.
import fs from "node:fs";

export type CrashPointName = "quiz-submit" | "import-batch" | "credential-issue" | "audit-append";

const traceFile = process.env.PUENTE_CRASH_TRACE || null;
const pauseAt = process.env.PUENTE_CRASH_PAUSE ?? "";
const pauseMs = Number(process.env.PUENTE_CRASH_PAUSE_MS ?? 5_000);
// The first PUENTE_CRASH_SKIP hits of the paused point commit as usual: a test that resumes
// work after each kill lets a part of it through before the next kill.
let skip = Number(process.env.PUENTE_CRASH_SKIP ?? 0);

if (traceFile !== null) {
  // Under that test only: a server whose test worker is gone (a run that times out is killed,
  // not unwound) leaves too, rather than hold its database inside a paused transaction. The
  // worker names itself: it may be gone before this line runs.
  const parent = Number(process.env.PUENTE_CRASH_PARENT ?? process.ppid);
  setInterval(() => {
    if (process.ppid !== parent) process.exit(1);
  }, 1_000).unref();
}

async function traced(name: CrashPointName): Promise<void> {
  const pause = name === pauseAt && skip-- <= 0;
  // Written synchronously, so the line is in the file before the pause begins.
  fs.appendFileSync(traceFile!, `${name} ${process.pid} ${pause ? "paused" : "passed"}\n`);
  if (pause) await new Promise((resolve) => setTimeout(resolve, pauseMs));
}

/** Inside a transaction, after its writes and before it commits: see the file's comment. */
export function crashPoint(name: CrashPointName): Promise<void> | undefined {
  return traceFile === null ? undefined : traced(name);
}
