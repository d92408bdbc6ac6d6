// Sums vitest JSON reports into the one line CI reads last: `N passed, N failed`.
// A report that is missing or unreadable (its suite crashed before writing it) counts as one failure.
// Usage: node scripts/ci/summary.mjs test-results/unit.json test-results/unit-pg.json …
import fs from "node:fs";

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    const filesFailed = (report.testResults ?? []).filter((r) => r.status === "failed" && !r.assertionResults?.length);
    // A test file that fails to load has no tests to count; it counts as one failure, and so
    // does a run vitest called unsuccessful (e.g. an unhandled error) with no failed test.
    const fileFailures = (report.numFailedTests ?? 0) + filesFailed.length;
    passed += report.numPassedTests ?? 0;
    failed += fileFailures === 0 && report.success === false ? 1 : fileFailures;
    console.error(`${file}: ${report.numPassedTests ?? 0} passed, ${report.numFailedTests ?? 0} failed`);
  } catch (error) {
    failed += 1;
    console.error(`${file}: no readable report (${error instanceof Error ? error.message : error})`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
