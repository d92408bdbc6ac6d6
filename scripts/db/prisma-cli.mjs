// Runs the Prisma CLI. Prisma announces its config file on every run ("Loaded Prisma config
// from prisma.config.ts", "Prisma config detected, …"), which tells a person starting the app
// nothing; those lines are dropped. Anything else it says on stderr is shown, and on failure
// everything it printed is shown before exiting with its code.
import { spawnSync } from "node:child_process";
import { root } from "./providers.mjs";

const CONFIG_NOTICES = [
  /^Loaded Prisma config from /,
  /^Prisma config detected, skipping environment variable loading/,
];

export function runPrisma(args, { env = process.env, showOutput = false } = {}) {
  const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    console.error(`prisma ${args[0]} failed (exit code ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  if (showOutput) process.stdout.write(result.stdout);
  const remarks = result.stderr
    .split("\n")
    .filter((line) => line.trim() && !CONFIG_NOTICES.some((notice) => notice.test(line.trim())));
  if (remarks.length > 0) console.error(remarks.join("\n"));
  return result.stdout;
}
