// Prints `tests: N passed, N failed` alone as the very last line of a run.
// A test file that fails outside any test (e.g. does not import) counts as one
// failure, so a broken file can never pass as "0 failed".
import { writeSync } from 'node:fs';

function countSuite(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

export function summaryReporter() {
  let counts;
  // The default reporter still writes after every reporter hook, so the line
  // goes out when the process exits.
  process.once('exit', () => {
    if (!counts) return;
    // Skipped tests are in the default reporter's summary; this line stays exactly this shape.
    writeSync(1, `\ntests: ${counts.passed} passed, ${counts.failed} failed\n`);
  });
  return {
    onTestRunFinished({ sessions }) {
      counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = counts.failed;
        if (session.testResults) countSuite(session.testResults, counts);
        const brokenOutsideTests = !session.passed && counts.failed === before;
        if (brokenOutsideTests) counts.failed += 1;
      }
    },
  };
}
