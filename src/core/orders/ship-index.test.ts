import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildShipIndex, shipWindows } from './ship-index';
import { classifyShipping, countLines } from './shipping';

/** The grouping as first written (Map + localeCompare): the index must order orders the same. */
function referenceGroupByOrder(lines: readonly { orderId: string; shipBy: Date | null; productTitle: string | null }[]) {
  const orders = new Map<string, { orderId: string; shipBy: Date | null; lines: number; productTitle: string | null }>();
  for (const line of lines) {
    const entry = orders.get(line.orderId) ?? { orderId: line.orderId, shipBy: null, lines: 0, productTitle: line.productTitle };
    entry.lines += 1;
    if (line.shipBy && (entry.shipBy === null || line.shipBy < entry.shipBy)) entry.shipBy = line.shipBy;
    entry.productTitle ??= line.productTitle;
    orders.set(line.orderId, entry);
  }
  return [...orders.values()].sort((a, b) => (a.shipBy?.getTime() ?? Infinity) - (b.shipBy?.getTime() ?? Infinity) || a.orderId.localeCompare(b.orderId));
}

const BASE = Date.parse('2026-09-10T00:00:00Z');
// Few distinct times and order ids, so ties (same ship-by, several lines per order) are common.
const line = fc.record({
  orderId: fc.constantFrom('o1', 'o2', 'o10', 'O2', 'a-1', '6937', '69370', '订单7'),
  shipBy: fc.option(fc.integer({ min: -3, max: 6 }).map((h) => new Date(BASE + h * 3600_000 * 7)), { nil: null }),
  productTitle: fc.option(fc.constantFrom('保温杯', 'cup', 'Cup'), { nil: null }),
});
const moment = fc.integer({ min: -30, max: 50 }).map((h) => new Date(BASE + h * 3600_000));

describe('buildShipIndex + shipWindows answer as classifyShipping + countLines + groupByOrder', () => {
  it('for any lines, at any moment, for any window', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), moment, fc.constantFrom(1, 24, 48), (lines, now, hours) => {
        const index = buildShipIndex(lines);
        const { within, overdue } = classifyShipping(lines, now, hours);
        expect(shipWindows(index, now, hours)).toEqual({ within: countLines(within), overdue: countLines(overdue) });
        expect(index.all).toEqual(countLines(lines));
        expect(index.orders).toEqual(referenceGroupByOrder(lines));
      }),
      { numRuns: 2000 },
    );
  });
});
