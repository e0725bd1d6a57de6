// Prints jest's JSON results as one line per run (failed tests by name, skipped ones by suite) and a
// closing line 'tests: N passed, N failed, N skipped'.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const suiteFailures = r.numRuntimeErrorTestSuites ?? 0;
  console.log(
    `${basename(file, '.json')}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped` +
      ` (${r.numTotalTestSuites} suites${suiteFailures ? `, ${suiteFailures} could not run` : ''})`,
  );
  const skippedBySuite = new Map();
  for (const suite of r.testResults) {
    for (const t of suite.assertionResults) {
      if (t.status === 'failed') console.log(`  failed: ${[...t.ancestorTitles, t.title].join(' › ')}`);
      if (t.status === 'pending') {
        const title = t.ancestorTitles[0] ?? t.title;
        skippedBySuite.set(title, (skippedBySuite.get(title) ?? 0) + 1);
      }
    }
    if (suite.status === 'failed' && suite.message && suite.assertionResults.length === 0) console.log(`  could not run: ${suite.name}`);
  }
  for (const [title, n] of skippedBySuite) console.log(`  skipped: ${title}: ${n} test${n === 1 ? '' : 's'}`);
  passed += r.numPassedTests;
  failed += r.numFailedTests + suiteFailures;
  skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
