// The processes of a benchmark run: a build that matches app/, a fresh migrated and seeded
// SQLite database, and three servers on 127.0.0.1, each in its own process — the app
// (`node server.mjs`), the React baseline and the bare "ok" server. Every child is recorded so
// that an exit, an error or Ctrl-C kills it.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const children = new Set<ChildProcess>();

/** Last resort on exit: nothing we started outlives the run. */
export function killChildrenNow(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
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
export function ensureBuild(): string {
  const serverBuild = path.join(root, "build/index.js");
  const built = fs.existsSync(serverBuild) ? fs.statSync(serverBuild).mtimeMs : 0;
  if (process.env.BENCH_SKIP_BUILD && built) return "existing build (BENCH_SKIP_BUILD)";
  if (built && built >= newestMtime(path.join(root, "app"))) return "build is up to date";
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  return "built";
}

/** Runs a Node tool with DATABASE_URL set; returns its stdout; its output is shown only if it fails. */
export function runWithDatabase(args: string[], databaseUrl: string, extraEnv: Record<string, string> = {}): string {
  try {
    return execFileSync(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NODE_ENV: "development", ...extraEnv, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      timeout: 180_000,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

export function migrate(databaseUrl: string): void {
  runWithDatabase(["scripts/db/migrate.mjs"], databaseUrl);
}

export function seed(databaseUrl: string): void {
  runWithDatabase(["--import", "tsx", "prisma/seed.ts"], databaseUrl);
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
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), APP_URL: origin, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.add(child);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let exited = false;
  child.once("exit", () => {
    exited = true;
    children.delete(child);
  });
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
