// Sums test reports into the one line CI reads last: `N passed, N failed`. Reads vitest JSON
// reports (unit and integration tests) and Playwright JSON reports (browser tests).
// A report that is missing or unreadable (its suite crashed before writing it) counts as one failure.
// Usage: node scripts/ci/summary.mjs test-results/unit.json test-results/unit-pg.json …
import fs from "node:fs";

/** Passed and failed tests of a vitest report. */
function vitestCounts(report) {
  const filesFailed = (report.testResults ?? []).filter((r) => r.status === "failed" && !r.assertionResults?.length);
  // A test file that fails to load has no tests to count; it counts as one failure, and so
  // does a run vitest called unsuccessful (e.g. an unhandled error) with no failed test.
  const fileFailures = (report.numFailedTests ?? 0) + filesFailed.length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: fileFailures === 0 && report.success === false ? 1 : fileFailures,
  };
}

/** Passed and failed tests of a Playwright report (`stats` counts tests by outcome). */
function playwrightCounts(report) {
  const { expected = 0, unexpected = 0, flaky = 0, interrupted = 0 } = report.stats;
  // Errors outside any test (a file that fails to load, a web server that does not start)
  // count as one failure each; a flaky test passed only on a retry and counts as failed.
  return { passed: expected, failed: unexpected + flaky + interrupted + (report.errors?.length ?? 0) };
}

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    const counts = report.stats && Array.isArray(report.suites) ? playwrightCounts(report) : vitestCounts(report);
    passed += counts.passed;
    failed += counts.failed;
    console.error(`${file}: ${counts.passed} passed, ${counts.failed} failed`);
  } catch (error) {
    failed += 1;
    console.error(`${file}: no readable report (${error instanceof Error ? error.message : error})`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
