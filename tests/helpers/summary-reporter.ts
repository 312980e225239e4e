import type { Reporter, TestModule } from 'vitest/node';

export type ModuleCounts = { passed: number; failed: number; skipped: number };

/**
 * One file's share of the closing line. A file that failed without a failing test (its beforeAll
 * threw, or it failed to load) counts as one failure: its tests show as skipped, and a line of
 * "0 failed" under a red run would tell CI the opposite of what happened.
 */
export function countModule(moduleState: string, testStates: readonly string[]): ModuleCounts {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const state of testStates) {
    if (state === 'passed') counts.passed += 1;
    else if (state === 'failed') counts.failed += 1;
    else counts.skipped += 1;
  }
  if (moduleState === 'failed' && counts.failed === 0) counts.failed = 1;
  return counts;
}

/**
 * Prints the plain closing line CI reads in any language ("N passed, N failed, N skipped"),
 * after vitest's own report.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const total = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const module of testModules) {
      const states = [...module.children.allTests()].map((test) => test.result().state);
      const counts = countModule(module.state(), states);
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
    }
    process.stdout.write(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
  }
}
