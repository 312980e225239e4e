import { describe, expect, it } from 'vitest';
import { fellOrdersHash, pctText } from './model';

const windows = { now: { from: '2026-09-08', to: '2026-09-11' }, before: { from: '2026-09-01', to: '2026-09-04' } };

describe('each group that fell opens its orders', () => {
  it.each([
    ['products', '3714290568812637504', '#/orders?product=3714290568812637504&paidFrom=2026-09-01&paidTo=2026-09-11'],
    ['provinces', '广西壮族自治区', `#/orders?province=${encodeURIComponent('广西壮族自治区')}&paidFrom=2026-09-01&paidTo=2026-09-11`],
    ['influencers', '7392255573464597541', '#/orders?influencer=7392255573464597541&paidFrom=2026-09-01&paidTo=2026-09-11'],
    ['sources', '精选联盟', '#/orders?source=affiliate&paidFrom=2026-09-01&paidTo=2026-09-11'],
    ['sources', '商品卡', '#/orders?source=self&paidFrom=2026-09-01&paidTo=2026-09-11'],
    ['products', 'not-an-id', null],
    ['provinces', '', null],
  ] as const)('%s %s', (kind, key, hash) => expect(fellOrdersHash(kind, { key }, windows)).toBe(hash));

  it.each([
    [-52.5, '-52.5%'],
    [12, '+12%'],
    [null, ''],
  ])('pctText(%s)', (pct, text) => expect(pctText(pct)).toBe(text));
});
