// The processes of a benchmark run: a build that matches app/, a fresh migrated and seeded
// SQLite database, and three servers on 127.0.0.1, each in its own process — the app
// (`node server.mjs`), the React baseline and the bare "ok" server. Every child is recorded so
// that an exit, an error or Ctrl-C kills it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const children = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** Last resort on exit: nothing we started outlives the run. */
export function killChildrenNow(): void {
  for (const child of children) child.kill("SIGKILL");
}

/** Asks every child still running to stop, and kills those still there after 5 s. */
export async function stopChildren(): Promise<void> {
  const running = [...children];
  const gone = running.map((child) => new Promise((resolve) => child.once("exit", resolve)));
  for (const child of running) child.kill("SIGTERM");
  const timer = setTimeout(killChildrenNow, 5000);
  await Promise.all(gone);
  clearTimeout(timer);
}

/**
 * Runs `node <args>` to completion and returns its stdout; its output is shown only if it
 * fails. Never synchronously: a blocked event loop would keep Ctrl-C from cleaning up.
 */
function runNode(args: string[], env: Record<string, string>, timeoutMs = 300_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] }),
    );
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else
        reject(new Error(`${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${stdout.slice(-4000)}${stderr}`));
    });
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds when build/ is missing or older than app/; BENCH_SKIP_BUILD=1 uses whatever is there. */
export async function ensureBuild(): Promise<string> {
  const serverBuild = path.join(root, "build/index.js");
  const built = fs.existsSync(serverBuild) ? fs.statSync(serverBuild).mtimeMs : 0;
  if (process.env.BENCH_SKIP_BUILD && built) return "existing build (BENCH_SKIP_BUILD)";
  if (built && built >= newestMtime(path.join(root, "app"))) return "build is up to date";
  await runNode(["node_modules/@remix-run/dev/dist/cli.js", "build"], { NODE_ENV: "production" });
  return "built";
}

/** A Node tool on the database DATABASE_URL names; returns its stdout. */
export function runWithDatabase(args: string[], databaseUrl: string, extraEnv: Record<string, string> = {}) {
  return runNode(args, { NODE_ENV: "development", ...extraEnv, DATABASE_URL: databaseUrl });
}

export function migrate(databaseUrl: string): Promise<string> {
  return runWithDatabase(["scripts/db/migrate.mjs"], databaseUrl);
}

export function seed(databaseUrl: string): Promise<string> {
  // Demo data goes only on the default database unless asked for explicitly.
  return runWithDatabase(["--import", "tsx", "prisma/seed.ts"], databaseUrl, { PUENTE_DEMO: "1" });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type Server = { name: string; port: number; origin: string; pid: number; stop: () => Promise<void> };

/** Starts `node <args>` with PORT set and waits until GET `readyPath` answers 200 (at most 60 s). */
async function startNode(
  name: string,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
): Promise<Server> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = track(
    spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), APP_URL: origin, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    }),
  );
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let exited = false;
  child.once("exit", () => (exited = true));
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await gone;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} exited before it was ready:\n${stderr}`);
    const ok = await fetch(`${origin}${readyPath}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { name, port, origin, pid: child.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`${name} not ready within 60 s:\n${stderr}`);
}

/** The production app: `node server.mjs`, cool-downs off so learners can take a quiz again. */
export function startApp(databaseUrl: string, workDir: string): Promise<Server> {
  return startNode(
    "app",
    ["server.mjs"],
    {
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      MAIL_DIR: path.join(workDir, "mail"),
      QUIZ_COOLDOWN_SECONDS: "0",
      // One process: the ratios compare one app process with one baseline process.
      PUENTE_WORKERS: "1",
      // One client address sends every request: lift the per-IP limit of /verify.
      VERIFY_MAX_PER_IP: "100000000",
    },
    "/healthz",
  );
}

/** Bare node:http answering "ok": the machine's ceiling for one process. */
export function startOkServer(): Promise<Server> {
  return startNode("bare ok", ["bench/baseline/ok-server.mjs"], {}, "/");
}

/** node:http + React renderToString of the lesson page after a session lookup (bench/baseline/). */
export function startReactBaseline(databaseUrl: string): Promise<Server> {
  return startNode(
    "React baseline",
    ["--import", "tsx", "bench/baseline/react-server.tsx"],
    { NODE_ENV: "production", DATABASE_URL: databaseUrl },
    "/ready",
  );
}
