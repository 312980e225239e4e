import { describe, expect, it } from 'vitest';
import { countModule } from './summary-reporter';

describe('the closing line counts', () => {
  it.each([
    ['passed', ['passed', 'passed'], { passed: 2, failed: 0, skipped: 0 }],
    ['failed', ['passed', 'failed', 'skipped'], { passed: 1, failed: 1, skipped: 1 }],
    // beforeAll threw (e.g. no browser): every test is skipped, yet the file failed.
    ['failed', ['skipped', 'skipped'], { passed: 0, failed: 1, skipped: 2 }],
    // the file did not even load: no tests at all.
    ['failed', [], { passed: 0, failed: 1, skipped: 0 }],
    ['skipped', ['skipped'], { passed: 0, failed: 0, skipped: 1 }],
  ])('a %s file with tests %j', (moduleState, tests, expected) => {
    expect(countModule(moduleState, tests)).toEqual(expected);
  });
});
