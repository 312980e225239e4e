import { describe, expect, it } from 'vitest';
import { buildForecastOption, buildReconcileOption } from './forecast-option';

describe('buildForecastOption', () => {
  it('draws one bar per day in yuan with MM-DD labels', () => {
    const option = buildForecastOption(
      [
        { date: '2026-09-28', expectedFen: 11_400, lines: 1 },
        { date: '2026-09-29', expectedFen: 0, lines: 0 },
      ],
      { expected: '预计到账', lines: '单数' },
    ) as { xAxis: { data: string[] }; series: { type: string; name: string; data: { value: number; lines: number }[] }[] };
    expect(option.xAxis.data).toEqual(['09-28', '09-29']);
    expect(option.series).toHaveLength(1);
    expect(option.series[0]).toMatchObject({ type: 'bar', name: '预计到账', data: [{ value: 114, lines: 1 }, { value: 0, lines: 0 }] });
  });
});

describe('buildReconcileOption', () => {
  it('draws expected and actual per day in yuan, actual may be negative (refunds)', () => {
    const option = buildReconcileOption(
      [
        { date: '2026-09-14', expectedFen: 34_200, actualFen: 17_500 },
        { date: '2026-09-15', expectedFen: 0, actualFen: -4_750 },
      ],
      { expected: '预计', actual: '实际' },
    ) as { xAxis: { data: string[] }; legend: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['09-14', '09-15']);
    expect(option.legend.data).toEqual(['预计', '实际']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['预计', [342, 0]],
      ['实际', [175, -47.5]],
    ]);
  });
});
