import { describe, expect, it } from 'vitest';
import type { HealthEntry, SpotShare } from '../rpc/domains/health';
import { DEFAULT_HEALTH_SETTINGS, healthWarnings, spotSharePct } from './shop-health';

const entry = (patch: Partial<HealthEntry>): HealthEntry => ({
  date: '2026-09-10',
  note: '',
  updatedAt: '2026-09-10T01:00:00.000Z',
  experienceScore: null,
  productScore: null,
  logisticsScore: null,
  serviceScore: null,
  dsr: null,
  goodReviewPct: null,
  visitors: null,
  clickers: null,
  ctrPct: null,
  conversionPct: null,
  reply3mPct: null,
  ...patch,
});
const spot = (sharePct: number | null): SpotShare => ({ from: '2026-07-12', to: '2026-09-09', orders: 100, spotOrders: sharePct ?? 0, sharePct });
const kinds = (e: HealthEntry | null, s: SpotShare, settings = DEFAULT_HEALTH_SETTINGS) => healthWarnings(e, s, settings).map((w) => `${w.kind}:${w.level}`);

describe('health thresholds', () => {
  // Seed 004: "系统每天校验商家的dsr和店铺好评率,若dsr<4.5 或者 店铺好评率<80%,则给商家发送预警通知"
  it.each([
    [4.49, ['dsr:danger']],
    [4.5, []],
    [4.9, []],
  ])('DSR %s', (dsr, expected) => expect(kinds(entry({ dsr }), spot(null))).toEqual(expected));

  it.each([
    [79.9, ['goodReview:danger']],
    [80, []],
  ])('good-review rate %s %%', (goodReviewPct, expected) => expect(kinds(entry({ goodReviewPct }), spot(null))).toEqual(expected));

  // Seed 004: "如近60天现货订单交易比例降低至50%-55%之间,系统会通过站内信、抖店后台等渠道推送消息提醒商家"
  it.each([
    [70, []],
    [55.1, []],
    [55, ['spotShare:warning']],
    [52, ['spotShare:warning']],
    [50, ['spotShare:danger']],
    [31.5, ['spotShare:danger']],
    [null, []],
  ])('spot share %s %%', (share, expected) => expect(kinds(null, spot(share))).toEqual(expected));

  it('uses the edited lines, not the seed defaults', () => {
    const settings = { dsrMin: 4.7, goodReviewMinPct: 90, spotWarnPct: 80, spotFloorPct: 60 };
    expect(healthWarnings(entry({ dsr: 4.6, goodReviewPct: 85 }), spot(70), settings)).toEqual([
      { kind: 'dsr', level: 'danger', value: 4.6, threshold: 4.7, date: '2026-09-10' },
      { kind: 'goodReview', level: 'danger', value: 85, threshold: 90, date: '2026-09-10' },
      { kind: 'spotShare', level: 'warning', value: 70, threshold: 80, date: '2026-09-09' },
    ]);
  });

  it('an entry without the figure warns about nothing', () => expect(kinds(entry({ visitors: 10 }), spot(null))).toEqual([]));

  it.each([
    [55, 100, 55],
    [2, 3, 66.7],
    [0, 0, null],
  ])('spotSharePct(%d, %d) = %s', (s, n, pct) => expect(spotSharePct(s, n)).toBe(pct));
});
