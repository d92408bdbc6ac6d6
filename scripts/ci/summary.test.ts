import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { playwrightCounts, vitestCounts } from "./summary.mjs";

const vitestReport = {
  numPassedTests: 2,
  numFailedTests: 1,
  success: false,
  testResults: [
    {
      name: path.join(process.cwd(), "tests/integration/a.test.ts"),
      status: "failed",
      assertionResults: [
        { fullName: "a works", status: "passed", failureMessages: [] },
        {
          fullName: "a counts rows",
          status: "failed",
          failureMessages: ["\u001b[31mAssertionError: expected 3 to be 2\u001b[39m\n    at x"],
        },
      ],
    },
    {
      name: path.join(process.cwd(), "tests/integration/b.test.ts"),
      status: "failed",
      message: "SyntaxError: bad import",
      assertionResults: [],
    },
  ],
};

const playwrightReport = {
  stats: { expected: 3, unexpected: 1, flaky: 1, interrupted: 0 },
  errors: [],
  suites: [
    {
      title: "tests/e2e/x.e2e.test.ts",
      specs: [
        { title: "passes", tests: [{ status: "expected", results: [] }] },
        {
          title: "fails",
          tests: [{ status: "unexpected", results: [{ error: { message: "Timeout 5000ms exceeded" } }] }],
        },
      ],
      suites: [
        {
          title: "group",
          specs: [{ title: "flaps", tests: [{ status: "flaky", results: [{ error: { message: "boom" } }, {}] }] }],
        },
      ],
    },
  ],
};

describe("CI summary", () => {
  it("names each failed vitest test and each file that failed to load, without colour codes", () => {
    const counts = vitestCounts(vitestReport);
    expect(counts).toMatchObject({ passed: 2, failed: 2 });
    expect(counts.failures).toEqual([
      "tests/integration/a.test.ts › a counts rows: AssertionError: expected 3 to be 2",
      "tests/integration/b.test.ts: SyntaxError: bad import",
    ]);
  });

  it("names failed and flaky browser tests with their suite path", () => {
    const counts = playwrightCounts(playwrightReport);
    expect(counts).toMatchObject({ passed: 3, failed: 2 });
    expect(counts.failures).toEqual([
      "tests/e2e/x.e2e.test.ts › fails (unexpected): Timeout 5000ms exceeded",
      "tests/e2e/x.e2e.test.ts › group › flaps (flaky): boom",
    ]);
  });

  it("prints the failures above the last line, which stays `N passed, N failed`", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "summary-"));
    const [unit, e2e] = ["unit.json", "e2e.json"].map((f) => path.join(dir, f)) as [string, string];
    fs.writeFileSync(unit, JSON.stringify(vitestReport));
    fs.writeFileSync(e2e, JSON.stringify(playwrightReport));
    let out = "";
    try {
      execFileSync(process.execPath, ["scripts/ci/summary.mjs", unit, e2e, path.join(dir, "missing.json")], {
        stdio: "pipe",
      });
    } catch (error) {
      out = String((error as { stdout: Buffer }).stdout);
    }
    const lines = out.trim().split("\n");
    expect(lines.at(-1)).toBe("5 passed, 5 failed");
    expect(lines[0]).toBe("failures:");
    expect(lines.filter((l) => l.includes("a counts rows"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes("(flaky)"))).toHaveLength(1);
  });
});
