// Starts tests/helpers/sqlite-lock-holder.mjs and resolves once it holds the lock.
import { spawn } from "node:child_process";
import path from "node:path";

// import.meta.dirname, not __dirname: the browser tests load this file as an ES module.
const holderScript = path.join(import.meta.dirname, "sqlite-lock-holder.mjs");

export type LockHolder = { released: Promise<void>; release(): Promise<void> };

export async function holdSqliteLock(file: string, ms: number, mode: "write" | "read" = "write"): Promise<LockHolder> {
  const child = spawn(process.execPath, [holderScript, file, String(ms), mode], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const released = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`lock holder exited with ${code} before locking`)));
  });
  return {
    released,
    release: async () => {
      child.kill();
      await released;
    },
  };
}

export function sqliteFileOf(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, ""));
}
