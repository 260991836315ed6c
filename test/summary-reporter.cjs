/**
 * Ends the run with one plain line, `jest: N passed, N failed, N skipped`, that CI and people can
 * read without parsing jest's own summary. Under CI=true a skipped test fails the run: nothing may
 * quietly not run there.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    if (process.env.CI === 'true' && skipped > 0) {
      console.error(`jest: ${skipped} test(s) skipped under CI=true; every test must run in CI.`);
      process.exitCode = 1;
    }
    // After jest's own summary, so it is the run's last line.
    process.once('exit', () => {
      process.stdout.write(
        `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
      );
    });
  }
}

module.exports = SummaryReporter;
