// Links in emails use APP_URL; unset, it must be where the server actually listens.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { defaultAppUrl } from "~/env.server.ts";

const run = promisify(execFile);

/** env.APP_URL as a fresh process sees it, with exactly these variables set. */
async function appUrlWith(vars: Record<string, string>): Promise<string> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_ENV: "test", ...vars };
  const code = 'const { env } = await import("./app/env.server.ts"); console.log(env.APP_URL);';
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { env });
  return stdout.trim();
}

describe("APP_URL", () => {
  it("follows PORT and HOST when unset", async () => {
    expect(await appUrlWith({})).toBe("http://localhost:3000");
    expect(await appUrlWith({ PORT: "4123" })).toBe("http://localhost:4123");
    expect(await appUrlWith({ HOST: "0.0.0.0", PORT: "8080" })).toBe("http://localhost:8080");
    expect(await appUrlWith({ HOST: "10.1.2.3", PORT: "8080" })).toBe("http://10.1.2.3:8080");
  }, 30_000);

  it("is taken as given when set", async () => {
    expect(await appUrlWith({ APP_URL: "https://puente.example.org/", PORT: "4123" })).toBe(
      "https://puente.example.org",
    );
  }, 30_000);

  it("names IPv6 hosts in brackets", () => {
    expect(defaultAppUrl("fd00::5", 3000)).toBe("http://[fd00::5]:3000");
    expect(defaultAppUrl("::", 3000)).toBe("http://localhost:3000");
  });
});
