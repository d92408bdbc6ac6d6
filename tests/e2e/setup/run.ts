// One browser-test run: its server's address, database, mail folder and server log under
// tests/.tmp/. Chosen once by the runner process when it loads playwright.config.ts and handed
// on through the environment: the web server and the test workers inherit it (workers load
// the config again and find it already set), so every process agrees on the same run.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export type E2ERun = {
  id: string;
  port: number;
  baseUrl: string;
  databaseUrl: string;
  mailDir: string;
  /** The issuer identity (DID and keys) the server signs credentials with. */
  issuerKeys: string;
  /** The key that encrypts TOTP secrets (the server's and the tests' modules must agree). */
  totpKey: string;
  /** Everything this run leaves under tests/.tmp/ starts with this path (web-server.mjs removes it). */
  tmpPrefix: string;
};

const RUN_VARIABLE = "PUENTE_E2E_RUN";
export const root = path.resolve(import.meta.dirname, "../../..");
const tmpDir = path.join(root, "tests/.tmp");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The run of this process tree: created on first call in the runner, read back everywhere else. */
export async function e2eRun(): Promise<E2ERun> {
  const known = process.env[RUN_VARIABLE];
  if (known) return JSON.parse(known) as E2ERun;

  fs.mkdirSync(tmpDir, { recursive: true });
  const id = `e2e-${process.pid}-${crypto.randomBytes(3).toString("hex")}`;
  const tmpPrefix = path.join(tmpDir, id);
  const port = await freePort();
  const run: E2ERun = {
    id,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl: `file:${tmpPrefix}.db`,
    mailDir: `${tmpPrefix}-mail`,
    issuerKeys: `${tmpPrefix}-issuer.json`,
    totpKey: `${tmpPrefix}-totp-key`,
    tmpPrefix,
  };
  process.env[RUN_VARIABLE] = JSON.stringify(run);
  // The server and the modules the tests import (sessions, factories) use the same database
  // and mail folder.
  process.env.DATABASE_URL = run.databaseUrl;
  process.env.MAIL_DIR = run.mailDir;
  process.env.APP_URL = run.baseUrl;
  process.env.ISSUER_KEYS_FILE = run.issuerKeys;
  process.env.TOTP_KEY_FILE = run.totpKey;
  delete process.env.TOTP_KEY;
  // SMTP settings from the developer's shell would send real mail; the tests read .eml files.
  for (const key of Object.keys(process.env)) if (key.startsWith("SMTP_")) delete process.env[key];
  return run;
}

/** The run this process belongs to (a test worker: the config has been loaded already). */
export function currentRun(): E2ERun {
  const known = process.env[RUN_VARIABLE];
  if (!known) throw new Error(`${RUN_VARIABLE} is not set: run the browser tests with \`npm run test:e2e\``);
  return JSON.parse(known) as E2ERun;
}
