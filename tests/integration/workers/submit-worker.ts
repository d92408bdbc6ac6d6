// One "app instance" for tests/integration/quiz-concurrency.test.ts: its own Prisma client on
// DATABASE_URL; gets its jobs, warms up, says ready, and on "go" submits them all at once.
import { db } from "~/modules/db/index.server.ts";
import { submitAttempt } from "~/modules/quiz/index.server.ts";
import type { FromWorker, JobOutcome, SubmitJob, ToWorker } from "./protocol.ts";

const send = (message: FromWorker) =>
  new Promise<void>((resolve) => process.send!(message, undefined, {}, () => resolve()));

let jobs: SubmitJob[] = [];
// An orphaned worker must not linger if the test runner goes away.
process.on("disconnect", () => process.exit(1));

/** Prisma's code and message, plus the driver's own code (e.g. SQLITE_BUSY_SNAPSHOT behind a P1008). */
function describeError(error: unknown): string {
  const { code, meta } = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string; originalMessage?: string } } };
  };
  const cause = meta?.driverAdapterError?.cause;
  const message = String((error as Error).message)
    .split("\n")
    .filter(Boolean)
    .at(-1);
  const driver = cause?.originalCode ? ` [${cause.originalCode}: ${cause.originalMessage}]` : "";
  return `${code ? `${code}: ` : ""}${message}${driver}`;
}

async function race(): Promise<void> {
  const started = performance.now();
  const startedAt = Date.now();
  const outcomes = await Promise.all(
    jobs.map(async (job): Promise<JobOutcome> => {
      if (job.delayMs) await new Promise((resolve) => setTimeout(resolve, job.delayMs));
      const t0 = performance.now();
      const base = { learner: job.learner, tag: job.tag };
      try {
        const result = await submitAttempt({ attemptId: job.attemptId, userId: job.userId, fields: job.fields });
        return { ...base, ms: performance.now() - t0, result: result as JobOutcome["result"] };
      } catch (error) {
        return { ...base, ms: performance.now() - t0, error: describeError(error) };
      }
    }),
  );
  await send({ type: "done", outcomes, elapsedMs: performance.now() - started, startedAt, finishedAt: Date.now() });
  await db.$disconnect();
  process.exit(0);
}

process.on("message", async (message: ToWorker) => {
  try {
    if (message.type === "jobs") {
      jobs = message.jobs;
      // Open the connections now, so the race measures submissions, not connecting.
      await Promise.all(Array.from({ length: 8 }, () => db.quizAttempt.count({ where: { id: "warm-up" } })));
      await send({ type: "ready" });
    } else if (message.type === "go") {
      await race();
    }
  } catch (error) {
    await send({ type: "fatal", message: String((error as Error).stack ?? error) });
    process.exit(1);
  }
});
