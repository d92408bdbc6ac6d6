// Sums test reports into the one line CI reads last: `N passed, N failed`. Reads vitest JSON
// reports (unit and integration tests) and Playwright JSON reports (browser tests).
// A report that is missing or unreadable (its suite crashed before writing it) counts as one failure.
// Above that line it names every failure (file, test, first line of the message): CI keeps
// only the tail of a run's output, and a flaky failure is worth nothing if it cannot be named.
// Usage: node scripts/ci/summary.mjs test-results/unit.json test-results/unit-pg.json …
import fs from "node:fs";
import path from "node:path";

const firstLine = (text) =>
  String(text ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l.length > 0)
    ?.slice(0, 300) ?? "";

const relative = (file) => (file ? path.relative(process.cwd(), file) : "?");

/** Passed and failed tests of a vitest report, and a line for each failure. */
export function vitestCounts(report) {
  const failures = [];
  const filesFailed = [];
  for (const file of report.testResults ?? []) {
    if (file.status === "failed" && !file.assertionResults?.length) {
      filesFailed.push(file);
      failures.push(`${relative(file.name)}: ${firstLine(file.message) || "the file failed to load"}`);
    }
    for (const test of file.assertionResults ?? []) {
      if (test.status === "failed") {
        failures.push(
          `${relative(file.name)} › ${test.fullName ?? test.title}: ${firstLine(test.failureMessages?.[0])}`,
        );
      }
    }
  }
  // A test file that fails to load has no tests to count; it counts as one failure, and so
  // does a run vitest called unsuccessful (e.g. an unhandled error) with no failed test.
  const fileFailures = (report.numFailedTests ?? 0) + filesFailed.length;
  if (fileFailures === 0 && report.success === false)
    failures.push("the run failed outside any test (an unhandled error?)");
  return {
    passed: report.numPassedTests ?? 0,
    failed: fileFailures === 0 && report.success === false ? 1 : fileFailures,
    failures,
  };
}

/** Titles of the Playwright tests whose outcome is not "expected", with their first error line. */
function playwrightFailures(suites, trail = []) {
  const out = [];
  for (const suite of suites ?? []) {
    const here = suite.title ? [...trail, suite.title] : trail;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === "expected" || test.status === "skipped") continue;
        const error = test.results?.find((r) => r.error)?.error?.message;
        out.push(`${[...here, spec.title].join(" › ")} (${test.status}): ${firstLine(error)}`);
      }
    }
    out.push(...playwrightFailures(suite.suites, here));
  }
  return out;
}

/** Passed and failed tests of a Playwright report (`stats` counts tests by outcome). */
export function playwrightCounts(report) {
  const { expected = 0, unexpected = 0, flaky = 0, interrupted = 0 } = report.stats;
  // Errors outside any test (a file that fails to load, a web server that does not start)
  // count as one failure each; a flaky test passed only on a retry and counts as failed.
  const failures = [...playwrightFailures(report.suites), ...(report.errors ?? []).map((e) => firstLine(e.message))];
  return { passed: expected, failed: unexpected + flaky + interrupted + (report.errors?.length ?? 0), failures };
}

function main(files) {
  let passed = 0;
  let failed = 0;
  const named = [];
  for (const file of files) {
    try {
      const report = JSON.parse(fs.readFileSync(file, "utf8"));
      const counts = report.stats && Array.isArray(report.suites) ? playwrightCounts(report) : vitestCounts(report);
      passed += counts.passed;
      failed += counts.failed;
      named.push(...counts.failures.map((f) => `  ${file}: ${f}`));
      console.error(`${file}: ${counts.passed} passed, ${counts.failed} failed`);
    } catch (error) {
      failed += 1;
      console.error(`${file}: no readable report (${error instanceof Error ? error.message : error})`);
    }
  }
  if (named.length > 0) console.log(["failures:", ...named].join("\n"));
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
