// A second `node server.mjs` for tests that need their own settings (TRUST_PROXY, limits)
// or its process id (memory): same build and database as the suite's server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { freePort, root } from "../setup/run.ts";

export type TestServer = { baseUrl: string; pid: number; log: () => string; stop: () => Promise<void> };

export async function startServer(env: Record<string, string>): Promise<TestServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const server = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), APP_URL: baseUrl, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}:\n${output}`);
    const up = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { baseUrl, pid: server.pid!, log: () => output, stop };
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`server did not answer /healthz within 60 s:\n${output}`);
}

/** Resident memory of a process in bytes (Linux). */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}
