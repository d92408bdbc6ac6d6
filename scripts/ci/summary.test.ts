import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const script = path.resolve(__dirname, "summary.mjs");
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ci-summary-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function report(name: string, content: object): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

function summarize(...files: string[]): { lastLine: string; status: number } {
  try {
    const out = execFileSync(process.execPath, [script, ...files], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return { lastLine: out.trimEnd().split("\n").at(-1)!, status: 0 };
  } catch (error) {
    const { stdout, status } = error as { stdout: string; status: number };
    return { lastLine: stdout.trimEnd().split("\n").at(-1)!, status };
  }
}

describe("CI summary line", () => {
  it("sums passed and failed tests over every report and prints one line", () => {
    const a = report("a.json", { numPassedTests: 170, numFailedTests: 0, success: true, testResults: [] });
    const b = report("b.json", { numPassedTests: 9, numFailedTests: 1, success: false, testResults: [] });
    expect(summarize(a, b)).toEqual({ lastLine: "179 passed, 1 failed", status: 1 });
    expect(summarize(a)).toEqual({ lastLine: "170 passed, 0 failed", status: 0 });
  });

  it("counts a missing report, an unloadable test file and an unsuccessful run as failures", () => {
    const ok = report("ok.json", { numPassedTests: 3, numFailedTests: 0, success: true, testResults: [] });
    const broken = report("broken.json", {
      numPassedTests: 2,
      numFailedTests: 0,
      success: false,
      testResults: [{ status: "failed", assertionResults: [] }],
    });
    const unhandled = report("unhandled.json", {
      numPassedTests: 4,
      numFailedTests: 0,
      success: false,
      testResults: [],
    });
    expect(summarize(ok, path.join(dir, "missing.json"))).toEqual({ lastLine: "3 passed, 1 failed", status: 1 });
    expect(summarize(broken, unhandled)).toEqual({ lastLine: "6 passed, 2 failed", status: 1 });
  });

  it("reads Playwright reports (the browser tests) beside vitest reports", () => {
    const unit = report("unit.json", { numPassedTests: 170, numFailedTests: 0, success: true, testResults: [] });
    const browser = (stats: object, errors: object[] = []) =>
      report("e2e.json", {
        config: {},
        suites: [],
        errors,
        stats: { startTime: "2026-12-05T00:00:00.000Z", duration: 1, skipped: 0, ...stats },
      });
    expect(summarize(unit, browser({ expected: 58, unexpected: 0, flaky: 0 }))).toEqual({
      lastLine: "228 passed, 0 failed",
      status: 0,
    });
    expect(summarize(unit, browser({ expected: 56, unexpected: 2, flaky: 0 }))).toEqual({
      lastLine: "226 passed, 2 failed",
      status: 1,
    });
    // A web server that never started: no test ran, one error outside the tests.
    expect(summarize(browser({ expected: 0, unexpected: 0, flaky: 0 }, [{ message: "webServer" }]))).toEqual({
      lastLine: "0 passed, 1 failed",
      status: 1,
    });
  });
});
