// Browser tests (`npm run test:e2e [-- file…]`) with @playwright/test, driving Debian's Chromium
// (never a downloaded browser) against the production build on a database of their own.
// One server, one browser, one test at a time: the tests share the server's database and the
// demo accounts, so they run in order in one worker. See docs/decisions/006-browser-test-runner.md.
import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { e2eRun } from "./tests/e2e/setup/run.ts";

const run = await e2eRun();

// Debian's package (`apt-get install -y chromium`). CHROMIUM_PATH points elsewhere if needed.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(executablePath)) {
  throw new Error(`${executablePath} not found: install Debian's chromium (apt-get install -y chromium)`);
}

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.e2e.test.ts",
  // Traces, screenshots and error context of failed tests. A directory of its own: Playwright
  // empties it at the start of a run, and CI keeps the other reports in test-results/.
  outputDir: "test-results/e2e",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Generous for a loaded 2-core machine; slower tests set their own (test.setTimeout).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: run.baseUrl,
    locale: "en-US",
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath,
      // Playwright gives every browser a fresh temporary --user-data-dir and removes it on close.
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: "node tests/e2e/setup/web-server.mjs",
    url: `${run.baseUrl}/healthz`,
    // Build, migrate, seed and start: under a minute on a quiet machine, several on a busy one.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the script stop the server and remove the run's database and mail folder.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
