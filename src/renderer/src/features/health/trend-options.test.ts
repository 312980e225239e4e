import { describe, expect, it } from 'vitest';
import type { HealthEntry } from '../../../../shared/rpc/domains/health';
import { buildRatesOption, buildScoresOption, buildTrafficOption } from './trend-options';

const entry = (date: string, patch: Partial<HealthEntry>): HealthEntry => ({
  date,
  note: '',
  updatedAt: '',
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
const entries = [entry('2026-09-08', { dsr: 4.7, goodReviewPct: 92, visitors: 1200, clickers: 96 }), entry('2026-09-09', { experienceScore: 4.6, dsr: 4.4 })];
const settings = { dsrMin: 4.5, goodReviewMinPct: 80, spotWarnPct: 55, spotFloorPct: 50 };
const labels = { dsr: 'DSR', goodReviewPct: '好评率', visitors: '访客', clickers: '点击', dsrLine: 'DSR 预警线', goodReviewLine: '好评率预警线' };
type Series = { name: string; data: unknown[] };

describe('health trend options', () => {
  it('scores: a line per score, gaps where a day has none, and the DSR line from the settings', () => {
    const option = buildScoresOption(entries, settings, labels) as { xAxis: { data: string[] }; series: Series[]; yAxis: unknown };
    expect(option.xAxis.data).toEqual(['09-08', '09-09']);
    expect(option.series.find((s) => s.name === 'DSR')?.data).toEqual([4.7, 4.4]);
    expect(option.series.find((s) => s.name === 'experienceScore')?.data).toEqual([null, 4.6]);
    expect(option.series.at(-1)).toMatchObject({ name: 'DSR 预警线', data: [4.5, 4.5] });
    expect(option.yAxis).toEqual({ type: 'value', scale: true, max: 5 });
  });

  it('rates: percentages 0–100 with the good-review line', () => {
    const option = buildRatesOption(entries, { ...settings, goodReviewMinPct: 85 }, labels) as { series: Series[] };
    expect(option.series.map((s) => s.name)).toEqual(['好评率', 'ctrPct', 'conversionPct', 'reply3mPct', '好评率预警线']);
    expect(option.series[0]?.data).toEqual([92, null]);
    expect(option.series.at(-1)?.data).toEqual([85, 85]);
  });

  it('traffic: visitors and clickers as bars; no entries, no points', () => {
    expect((buildTrafficOption(entries, labels) as { series: Series[] }).series.map((s) => s.data)).toEqual([[1200, null], [96, null]]);
    expect((buildTrafficOption([], labels) as { series: Series[] }).series.map((s) => s.data)).toEqual([[], []]);
  });
});
