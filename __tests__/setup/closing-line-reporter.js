// Ends every run with one plain line, "jest: N passed, N failed, N skipped", that CI systems
// which do not parse Jest's own summary can still count.
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    // tools/test.cjs runs two jest processes and prints one closing line over both
    if (process.env.INFRA_VERIFY_CLOSING_LINE === 'off') return;
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `jest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`;
    // Jest prints its own summary after every custom reporter; at exit, this line comes last.
    process.once('exit', () => process.stderr.write(line));
  }
}

module.exports = ClosingLineReporter;
