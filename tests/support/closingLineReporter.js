// Ends a jest run with the plain closing line "jest: N passed, N failed[, N skipped]", the one
// line that tools reading CI logs understand in any language (jest's own summary is not one).
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    console.log(`jest: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}

module.exports = ClosingLineReporter;
