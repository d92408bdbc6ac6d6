// The web server of the browser tests (playwright.config.ts `webServer`): the production build,
// served the way operators serve it (`node server.mjs`), on a fresh migrated SQLite database
// seeded with the demo accounts. The run's address, database and mail folder come from
// PUENTE_E2E_RUN (tests/e2e/setup/run.ts). On SIGTERM (Playwright's shutdown) it stops the
// server and removes the run's files under tests/.tmp/ unless E2E_KEEP_TMP is set.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");
const run = JSON.parse(process.env.PUENTE_E2E_RUN ?? "null");
if (!run) {
  console.error("e2e: PUENTE_E2E_RUN is not set; start the browser tests with `npm run test:e2e`");
  process.exit(2);
}

const env = {
  ...process.env,
  DATABASE_URL: run.databaseUrl,
  MAIL_DIR: run.mailDir,
  APP_URL: run.baseUrl,
  ISSUER_KEYS_FILE: run.issuerKeys,
  TOTP_KEY_FILE: run.totpKey,
};
delete env.TOTP_KEY;
for (const key of Object.keys(env)) if (key.startsWith("SMTP_")) delete env[key];

let current = null;
let stopping = false;

function cleanFiles() {
  if (process.env.E2E_KEEP_TMP) {
    console.log(`e2e: kept ${run.tmpPrefix}*`);
    return;
  }
  const dir = path.dirname(run.tmpPrefix);
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith(run.id)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
}

/**
 * Runs `node args…` to the end, quietly: its output is shown only when it fails (a passing
 * `remix build` can leave esbuild's shutdown noise on stderr).
 */
function runStep(label, args, stepEnv) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let output = "";
    current = spawn(process.execPath, args, { cwd: root, env: stepEnv, stdio: ["ignore", "pipe", "pipe"] });
    current.stdout.on("data", (chunk) => (output += chunk));
    current.stderr.on("data", (chunk) => (output += chunk));
    current.once("exit", (code, signal) => {
      current = null;
      if (code === 0) {
        console.log(`e2e: ${label} (${Date.now() - started} ms)`);
        resolve();
      } else {
        console.error(output);
        reject(new Error(`e2e: ${label} failed (${signal ?? `exit code ${code}`}; its output is above)`));
      }
    });
  });
}

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  if (current && current.exitCode === null && current.signalCode === null) {
    const exited = new Promise((resolve) => current.once("exit", resolve));
    current.kill(signal);
    const timer = setTimeout(() => current?.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
  cleanFiles();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGTERM"));

try {
  // Always rebuild: a stale build would test yesterday's code.
  await runStep("remix build", ["node_modules/@remix-run/dev/dist/cli.js", "build"], {
    ...env,
    NODE_ENV: "production",
  });
  if (!stopping) await runStep("issuer", ["scripts/credentials/issuer-keys.mjs", "--quiet"], env);
  if (!stopping) await runStep("migrate", ["scripts/db/migrate.mjs"], env);
  if (!stopping) {
    await runStep("seed", ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts"], {
      ...env,
      NODE_ENV: "development",
      PUENTE_DEMO: "1",
    });
  }
} catch (error) {
  if (!stopping) {
    console.error(error instanceof Error ? error.message : error);
    cleanFiles();
    process.exit(1);
  }
}

if (!stopping) {
  current = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    // A short quiz cool-down so the quiz journey can wait it out.
    // Request logs (one line per request) only when asked for: the run's output stays readable.
    env: {
      ...env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(run.port),
      QUIZ_COOLDOWN_SECONDS: "3",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  });
  current.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`e2e: the server stopped by itself (${signal ?? `exit code ${code}`})`);
    current = null;
    cleanFiles();
    process.exit(1);
  });
}
