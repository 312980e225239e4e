import { describe, expect, it } from 'vitest';
import { ARBITRATION_LABELS } from '../../../../shared/domain/aftersale-state';
import { TEMPLATE_LABELS } from '../../../../shared/domain/aftersale-templates';
import { TYPE_LABELS } from '../../../../shared/domain/aftersale-type';
import { aftersalesEn, aftersalesZh } from './messages';
import { countdownWords, fenOfYuanText } from './model';

describe('after-sales screen model', () => {
  it.each([
    ['', null],
    ['59.9', 5990],
    ['59.90', 5990],
    ['abc', Number.NaN],
    ['1.005', 100.49999999999999],
  ])('yuan %j → fen %s', (text, fen) => {
    expect(fenOfYuanText(text)).toBe(fen);
  });

  it.each([
    [{ state: 'none', msLeft: null, hours: 0, minutes: 0 } as const, 'none', { days: 0, hours: 0, minutes: 0 }],
    [{ state: 'overdue', msLeft: -1, hours: 0, minutes: 0 } as const, 'overdue', { days: 0, hours: 0, minutes: 0 }],
    [{ state: 'soon', msLeft: 1, hours: 5, minutes: 12 } as const, 'hours', { days: 0, hours: 5, minutes: 12 }],
    [{ state: 'ok', msLeft: 1, hours: 50, minutes: 3 } as const, 'days', { days: 2, hours: 2, minutes: 3 }],
  ])('%j → %s', (c, key, values) => {
    expect(countdownWords(c)).toEqual({ key, values });
  });

  it('uses the same names as the CLI (shared/domain)', () => {
    for (const [k, v] of Object.entries(TYPE_LABELS)) {
      expect(aftersalesZh.types[k as keyof typeof aftersalesZh.types]).toBe(v.zh);
      expect(aftersalesEn.types[k as keyof typeof aftersalesEn.types]).toBe(v.en);
    }
    for (const [k, v] of Object.entries(ARBITRATION_LABELS)) expect([aftersalesZh.arbitration[k as keyof typeof aftersalesZh.arbitration], aftersalesEn.arbitration[k as keyof typeof aftersalesEn.arbitration]]).toEqual([v.zh, v.en]);
    for (const [k, v] of Object.entries(TEMPLATE_LABELS)) expect([aftersalesZh.templates[k as keyof typeof aftersalesZh.templates], aftersalesEn.templates[k as keyof typeof aftersalesEn.templates]]).toEqual([v.zh, v.en]);
  });
});
