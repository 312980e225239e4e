import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, moveColumn, readPrefs, toggleColumn, visibleColumns } from './column-prefs';
import { inChunks } from './bulk';
import { filterFromHash, filterFromHashText, orderFromHash } from './hash-filter';

describe('column prefs', () => {
  it.each([
    ['nothing stored', null, DEFAULT_PREFS],
    ['not JSON', '{', DEFAULT_PREFS],
    ['wrong shape', '{"order":1}', DEFAULT_PREFS],
  ])('%s gives the default', (_n, text, expected) => expect(readPrefs(text)).toEqual(expected));

  it('keeps the stored order, drops unknown names, appends new columns, never hides the order number', () => {
    const prefs = readPrefs(JSON.stringify({ order: ['amount', 'nope', 'shipBy', 'amount'], hidden: ['mainOrderId', 'status', 'x'] }));
    expect(prefs.order.slice(0, 2)).toEqual(['amount', 'shipBy']);
    expect(prefs.order).toHaveLength(DEFAULT_PREFS.order.length);
    expect(prefs.hidden).toEqual(['status']);
  });

  it('moves and toggles', () => {
    const moved = moveColumn(DEFAULT_PREFS, 'shipBy', -1);
    expect(moved.order.slice(0, 2)).toEqual(['shipBy', 'mainOrderId']);
    expect(moveColumn(moved, 'shipBy', -1)).toBe(moved);
    const shown = toggleColumn(DEFAULT_PREFS, 'source', true);
    expect(visibleColumns(shown)).toContain('source');
    expect(toggleColumn(DEFAULT_PREFS, 'mainOrderId', false)).toBe(DEFAULT_PREFS);
  });
});

describe('hash parameters', () => {
  it.each([
    ['overdue', { queue: 'overdue' }],
    ['due24h', { queue: 'due24h' }],
    ['toPurchase', { queue: 'toPurchase' }],
    ['drop table', {}],
    [null, {}],
  ])('queue=%s', (q, expected) => expect(filterFromHash(q)).toEqual(expected));

  it("takes 看数据's drill-down: a product, province or influencer and a paid range; refuses malformed values", () => {
    expect(filterFromHashText('#/orders?product=3714290568812637504&paidFrom=2026-08-01&paidTo=2026-08-31')).toEqual({ product: '3714290568812637504', paidFrom: '2026-08-01', paidTo: '2026-08-31' });
    expect(filterFromHashText('#/orders?province=' + encodeURIComponent('广西壮族自治区'))).toEqual({ province: '广西壮族自治区' });
    // A range ending before it starts is refused whole: a link is applied entirely or not at all.
    expect(filterFromHashText('#/orders?influencer=7001&paidFrom=2026-09-01&paidTo=2026-08-01')).toEqual({});
    // product is the desk's product search (商品ID or a part of its name), so any short text is a search; a
    // non-numeric 达人ID and a date that is not a day are dropped.
    expect(filterFromHashText('#/orders?product=%3D1%2B1&influencer=abc&paidFrom=yesterday')).toEqual({ product: '=1+1' });
  });

  it('takes only an order number as order=', () => {
    expect(orderFromHash('6938412705519823461')).toBe('6938412705519823461');
    expect(orderFromHash('x<script>')).toBeNull();
  });
});

describe('inChunks (bulk actions on more orders than one call takes)', () => {
  it.each([
    [0, []],
    [500, [500]],
    [501, [500, 1]],
    [1234, [500, 500, 234]],
  ])('%i orders go in parts of %j, in order', async (count, sizes) => {
    const items = Array.from({ length: count }, (_, i) => i);
    const parts = await inChunks(items, async (part) => part);
    expect(parts.map((p) => p.length)).toEqual(sizes);
    expect(parts.flat()).toEqual(items);
  });
});

describe('links from the decline alert and the analytics open the orders filtered', () => {
  it.each([
    ['#/orders?product=3714290568812637504&paidFrom=2026-09-01&paidTo=2026-09-11', { product: '3714290568812637504', paidFrom: '2026-09-01', paidTo: '2026-09-11' }],
    [`#/orders?province=${encodeURIComponent('广西')}&source=affiliate`, { province: '广西', source: 'affiliate' }],
    ['#/orders?influencer=7392255573464597541&queue=overdue', { influencer: '7392255573464597541', queue: 'overdue' }],
    // Values the filter refuses are left out, never half-applied.
    ['#/orders?influencer=abc&source=ads&paidFrom=2026-13-01', {}],
    ['#/orders?paidFrom=2026-09-11&paidTo=2026-09-01', {}],
    ['#/orders', {}],
  ])('%s', (hash, filter) => expect(filterFromHashText(hash)).toEqual(filter));
});
