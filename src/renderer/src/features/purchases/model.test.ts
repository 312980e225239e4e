import { describe, expect, it } from 'vitest';
import { STATUS_LABELS, PURCHASE_STATUSES } from '../../../../shared/domain/purchase-status';
import { purchasesEn, purchasesZh } from './messages';
import { chinaTextToIso, isoToChinaText, shareText, yuanTextToFen } from './model';

describe('purchase form model', () => {
  it.each([
    ['23.50', 2350],
    ['¥1,299.00', 129900],
    ['0', 0],
    ['', null],
    ['23.505', undefined],
    ['-1', undefined],
    ['abc', undefined],
  ])('yuan %j → %j fen (never rounded or clamped)', (text, fen) => {
    expect(yuanTextToFen(text)).toBe(fen);
  });

  it.each([
    ['2026-09-01 14:30', '2026-09-01T06:30:00.000Z'],
    ['2026-09-01 00:10', '2026-08-31T16:10:00.000Z'],
    ['', null],
    ['2026-02-30 10:00', undefined],
    ['2026-09-01 24:00', undefined],
    ['2026/9/1 14:30', undefined],
  ])('China time %j → %j', (text, iso) => {
    expect(chinaTextToIso(text)).toBe(iso);
    if (typeof iso === 'string') expect(isoToChinaText(iso)).toBe(text);
  });

  it('the share of orders with a recorded cost rounds down', () => {
    expect(shareText(1, 3)).toBe('33.3%');
    expect(shareText(2, 3)).toBe('66.6%');
    expect(shareText(0, 0)).toBe('—');
  });

  it('status names match the shared table the CLI uses', () => {
    for (const s of PURCHASE_STATUSES) {
      expect(purchasesZh.statuses[s]).toBe(STATUS_LABELS[s].zh);
      expect(purchasesEn.statuses[s]).toBe(STATUS_LABELS[s].en);
    }
  });
});
