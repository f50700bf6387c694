// Totals the JSON reports of every suite into one line: "N passed, N failed".
// A suite whose report is missing counts as one failure, so a run that executed nothing is visible.
import { existsSync, readFileSync } from "node:fs";

const suites = [
  { name: "vitest", file: "reports/vitest.json", read: (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numTotalTestSuites && !r.success && r.numFailedTests === 0 ? 1 : 0), skipped: r.numPendingTests + r.numTodoTests }) },
  { name: "playwright", file: "reports/e2e.json", read: (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + (r.errors?.length ?? 0), skipped: r.stats.skipped, flaky: r.stats.flaky }) },
];

let passed = 0;
let failed = 0;
for (const s of suites) {
  if (!existsSync(s.file)) {
    console.log(`${s.name}: no report (${s.file}) — counted as 1 failed`);
    failed += 1;
    continue;
  }
  const r = s.read(JSON.parse(readFileSync(s.file, "utf8")));
  console.log(`${s.name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.flaky ? ` (${r.flaky} passed only on retry: flaky)` : ""}`);
  passed += r.passed;
  failed += r.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
