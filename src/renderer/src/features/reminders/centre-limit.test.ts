import { describe, expect, it } from 'vitest';
import { CENTRE_LIMIT_MAX } from '../../../../shared/rpc/domains/reminders';
import { FIRST_LIMIT, moreLine, nextLimit } from './centre-limit';

describe('nextLimit', () => {
  it.each([
    [FIRST_LIMIT, 200],
    [200, 300],
    [950, CENTRE_LIMIT_MAX],
    [CENTRE_LIMIT_MAX, CENTRE_LIMIT_MAX],
  ])('after %i asks for %i', (limit, next) => {
    expect(nextLimit(limit)).toBe(next);
  });
});

describe('moreLine', () => {
  it.each([
    { total: 0, shown: 0, limit: 100, line: null },
    { total: 100, shown: 100, limit: 100, line: null },
    { total: 101, shown: 100, limit: 100, line: { hidden: 1, canShowMore: true } },
    { total: 125_000, shown: 900, limit: 900, line: { hidden: 124_100, canShowMore: true } },
    { total: 125_000, shown: 1000, limit: CENTRE_LIMIT_MAX, line: { hidden: 124_000, canShowMore: false } },
  ])('$total in all, $shown shown at limit $limit', ({ total, shown, limit, line }) => {
    expect(moreLine(total, shown, limit)).toEqual(line);
  });
});
