// Browser tests run against the production build, served the way operators serve it
// (`node server.mjs`), on a fresh migrated and seeded SQLite database of their own.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../support/server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    e2e: { baseUrl: string; databaseUrl: string; mailDir: string; issuerKeys: string };
  }
}

const root = path.resolve(__dirname, "../../..");
const tmpDir = path.join(root, "tests/.tmp");

function runStep(label: string, args: string[], env: NodeJS.ProcessEnv): void {
  const started = Date.now();
  try {
    execFileSync(process.execPath, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  } catch {
    throw new Error(`e2e: ${label} failed (its output is above)`);
  }
  console.log(`e2e: ${label} (${Date.now() - started} ms)`);
}

async function waitForHealth(baseUrl: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer /healthz within 30 s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  fs.mkdirSync(tmpDir, { recursive: true });
  const runId = `e2e-${process.pid}-${crypto.randomBytes(3).toString("hex")}`;
  const dbFile = path.join(tmpDir, `${runId}.db`);
  const mailDir = path.join(tmpDir, `${runId}-mail`);
  const logFile = path.join(tmpDir, `${runId}-server.log`);
  const databaseUrl = `file:${dbFile}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  // SMTP settings from the developer's shell would send real mail; the tests read .eml files.
  const issuerKeys = path.join(tmpDir, `${runId}-issuer.json`);
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    MAIL_DIR: mailDir,
    APP_URL: baseUrl,
    ISSUER_KEYS_FILE: issuerKeys,
  };
  for (const key of Object.keys(baseEnv)) if (key.startsWith("SMTP_")) delete baseEnv[key];

  // Always rebuild: about 2 s, and a stale build would test yesterday's code.
  runStep("remix build", ["node_modules/@remix-run/dev/dist/cli.js", "build"], { ...baseEnv, NODE_ENV: "production" });
  runStep("issuer", ["scripts/credentials/issuer-keys.mjs", "--quiet"], baseEnv);
  runStep("migrate", ["scripts/db/migrate.mjs"], baseEnv);
  runStep("seed", ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts"], {
    ...baseEnv,
    NODE_ENV: "development",
    PUENTE_DEMO: "1",
  });

  const logFd = fs.openSync(logFile, "w");
  // Its own process group, so teardown can stop the server and anything it started.
  const server = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", logFd, logFd],
    // A short quiz cool-down so the quiz journey can wait it out.
    env: { ...baseEnv, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), QUIZ_COOLDOWN_SECONDS: "3" },
  });
  fs.closeSync(logFd);
  const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "");

  const killGroup = (signal: NodeJS.Signals) => {
    if (server.pid === undefined || server.exitCode !== null || server.signalCode !== null) return;
    try {
      process.kill(-server.pid, signal);
    } catch {
      // Already gone.
    }
  };
  // If vitest is interrupted and teardown never runs, still leave no server behind.
  const onExit = () => killGroup("SIGKILL");
  process.once("exit", onExit);

  const cleanFiles = () => {
    for (const entry of fs.readdirSync(tmpDir)) {
      if (entry.startsWith(runId)) fs.rmSync(path.join(tmpDir, entry), { recursive: true, force: true });
    }
  };

  try {
    await waitForHealth(baseUrl, server, readLog);
  } catch (error) {
    killGroup("SIGKILL");
    cleanFiles();
    throw error;
  }
  console.log(`e2e: serving ${baseUrl}`);
  project.provide("e2e", { baseUrl, databaseUrl, mailDir, issuerKeys });

  return async () => {
    const exited = new Promise<void>((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) resolve();
      else server.once("exit", () => resolve());
    });
    killGroup("SIGTERM");
    const timer = setTimeout(() => killGroup("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    process.removeListener("exit", onExit);
    // Anything beyond the start-up line is an error the server logged: show it in CI output.
    const extra = readLog().split("\n").slice(1).join("\n").trim();
    if (extra) console.log(`e2e: server log:\n${extra}`);
    if (process.env.E2E_KEEP_TMP) console.log(`e2e: kept ${path.join(tmpDir, runId)}*`);
    else cleanFiles();
  };
}
