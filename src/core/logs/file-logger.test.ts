import { describe, expect, it } from 'vitest';
import { formatLogLine } from './file-logger';

const at = new Date('2026-12-06T08:00:00.000Z');

describe('formatLogLine', () => {
  it('is one line: instant, level, process, message and masked data', () => {
    expect(formatLogLine(at, 'warn', 'core', 42, 'import failed\nat line 3', { line: 3, buyer: '王小明' }, '/home/u')).toBe(
      '2026-12-06T08:00:00.000Z warn  core#42 import failed\\nat line 3 {"line":3,"buyer":"[removed]"}',
    );
  });

  it('marks where a runaway line was cut and how much was left out', () => {
    const line = formatLogLine(at, 'error', 'main', 1, 'x'.repeat(16_010), undefined, '');
    expect(line.endsWith(`${'x'.repeat(10)}… [10 more characters]`)).toBe(true);
  });
});
