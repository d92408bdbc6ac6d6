// Runs quiz submissions in several OS processes at once, each with its own Prisma client on
// the test file's database, released together by a barrier: a real race between app
// instances, not just between promises of one event loop.
import { fork } from "node:child_process";
import path from "node:path";

export type SubmitJob = {
  learner: number;
  userId: string;
  attemptId: string;
  fields: [string, string][];
  tag: "primary" | "duplicate";
  /** A retry after a (pretend) network error comes a little later than the first try. */
  delayMs: number;
};

export type JobOutcome = {
  learner: number;
  tag: SubmitJob["tag"];
  ms: number;
  result?: { ok: boolean; percent?: number; alreadySubmitted?: boolean; reason?: string };
  error?: string;
};

export type ToWorker = { type: "jobs"; jobs: SubmitJob[] } | { type: "go" };
export type FromWorker =
  | { type: "ready" }
  | { type: "done"; outcomes: JobOutcome[]; elapsedMs: number; startedAt: number; finishedAt: number }
  | { type: "fatal"; message: string };

const WORKER = path.resolve(__dirname, "submit-worker.ts");

export type WorkerRun = {
  outcomes: JobOutcome[];
  elapsedMs: number[];
  raceMs: number;
  /** Wall-clock start and end of each process's submissions (Date.now(), comparable across processes). */
  windows: { startedAt: number; finishedAt: number }[];
  stderr: string;
};

/** Forks one worker per job list, waits until every one is ready, then says "go" to all. */
export async function submitInProcesses(
  jobLists: SubmitJob[][],
  env: NodeJS.ProcessEnv,
  timeoutMs = 90_000,
): Promise<WorkerRun> {
  let stderr = "";
  const children = jobLists.map(() =>
    fork(WORKER, [], {
      cwd: path.resolve(__dirname, "../../.."),
      // tsx resolves the `~/` alias from tsconfig paths, as vitest does.
      execArgv: ["--import", "tsx"],
      env: { ...env, NODE_ENV: "test" },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    }),
  );
  for (const child of children) child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));

  const reply = (child: (typeof children)[number], want: FromWorker["type"]) =>
    new Promise<FromWorker>((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type === want) {
          child.off("message", onMessage);
          resolve(message);
        } else if (message.type === "fatal") reject(new Error(`worker failed: ${message.message}\n${stderr}`));
      };
      child.on("message", onMessage);
      child.once("exit", (code) => reject(new Error(`worker exited (${code}) before "${want}"\n${stderr}`)));
    });

  const timer = setTimeout(() => children.forEach((c) => c.kill()), timeoutMs);
  try {
    const ready = children.map((child) => reply(child, "ready"));
    children.forEach((child, i) => child.send({ type: "jobs", jobs: jobLists[i]! } satisfies ToWorker));
    await Promise.all(ready);
    const done = children.map((child) => reply(child, "done"));
    const released = performance.now();
    for (const child of children) child.send({ type: "go" } satisfies ToWorker);
    const replies = (await Promise.all(done)) as Extract<FromWorker, { type: "done" }>[];
    const raceMs = performance.now() - released;
    return {
      outcomes: replies.flatMap((r) => r.outcomes),
      elapsedMs: replies.map((r) => Math.round(r.elapsedMs)),
      windows: replies.map(({ startedAt, finishedAt }) => ({ startedAt, finishedAt })),
      raceMs,
      stderr,
    };
  } finally {
    clearTimeout(timer);
    await Promise.all(
      children.map((child) =>
        child.exitCode !== null || child.signalCode !== null
          ? null
          : new Promise((resolve) => child.once("exit", resolve)),
      ),
    );
  }
}
