// The production server for the benchmarks: a build that matches app/, a fresh migrated and
// seeded SQLite database under tests/.tmp/bench-*, `node server.mjs` on 127.0.0.1 and a free
// port, and a signed-in session made through the real sign-in form.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

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

/** Runs a tool with DATABASE_URL set; its output is shown only if it fails. */
export function runWithDatabase(args: string[], databaseUrl: string, extraEnv: Record<string, string> = {}): string {
  try {
    return execFileSync(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NODE_ENV: "development", ...extraEnv, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
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
  // A file under tests/.tmp is not the default database: demo data must be asked for.
  runWithDatabase(["--import", "tsx", "prisma/seed.ts"], databaseUrl, { PUENTE_DEMO: "1" });
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

export type Server = { port: number; origin: string; pid: number; stop: () => Promise<void> };

export async function startServer(databaseUrl: string, workDir: string): Promise<Server> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      APP_URL: origin,
      MAIL_DIR: path.join(workDir, "mail"),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
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
    if (exited) throw new Error(`server exited before it was ready:\n${stderr}`);
    const ok = await fetch(`${origin}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { port, origin, pid: child.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`server not ready within 60 s:\n${stderr}`);
}

/**
 * A bare node:http "ok" server in its own process: the machine's ceiling in this run, so a
 * figure can be read as a share of what this (often shared, noisy) machine could do at all.
 */
export async function startBareServer(): Promise<Server> {
  const port = await freePort();
  const code = `require("node:http").createServer((q, s) => s.end("ok")).listen(${port}, "127.0.0.1")`;
  const child = spawn(process.execPath, ["-e", code], { stdio: "ignore" });
  let exited = false;
  child.once("exit", () => (exited = true));
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await gone;
  };
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !exited; i++) {
    if (
      await fetch(origin).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { port, origin, pid: child.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error("bare node:http server did not start");
}

/** Signs in through POST /en/login, as a same-origin form post; returns the Cookie header. */
export async function signIn(server: Server, email: string, password: string): Promise<string> {
  const response = await fetch(`${server.origin}/en/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.origin },
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]!);
  if (response.status < 300 || response.status >= 400 || cookies.length === 0) {
    throw new Error(`sign-in failed: HTTP ${response.status}, ${cookies.length} cookies`);
  }
  return cookies.join("; ");
}
