import type { DayState, HistoryDay } from '../../../../shared/rpc/domains/routine';
import type { ChartOption } from '../../shared/charts/chart';

/** A number per state for the piecewise visual map; its colours say how the day went. */
export const STATE_VALUE: Record<DayState, number> = { off: 0, missed: 1, partial: 2, done: 3, open: 4 };
const STATE_ORDER: readonly DayState[] = ['done', 'partial', 'missed', 'off', 'open'];
const COLOURS: Record<DayState, string> = { done: '#389e0d', partial: '#95de64', missed: '#ffa39e', off: '#d9d9d9', open: '#69b1ff' };

export type HeatmapLabels = {
  states: Record<DayState, string>;
  /** `{date}`, `{state}` and `{minutes}` are filled in. */
  tooltip: string;
  /** `zh` starts the week on Monday and uses Chinese month and day names. */
  language: 'zh' | 'en';
};

/**
 * The routine's calendar heatmap over the history's days: one cell per day, coloured by how it
 * went, the booked minutes in the tooltip. Pure (tested in Node); the Chart wrapper draws it.
 */
export function buildHeatmapOption(days: readonly HistoryDay[], range: { from: string; to: string }, labels: HeatmapLabels, isDark = false): ChartOption {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return {
    tooltip: {
      formatter: (param: { data?: [string, number, number] }) => {
        const [date, value, minutes] = param.data ?? ['', 0, 0];
        const state = STATE_ORDER.find((s) => STATE_VALUE[s] === value) ?? 'off';
        return labels.tooltip.replace('{date}', date).replace('{state}', labels.states[state]).replace('{minutes}', String(minutes));
      },
    },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      dimension: 1,
      pieces: STATE_ORDER.map((s) => ({ value: STATE_VALUE[s], label: labels.states[s], color: COLOURS[s] })),
      textStyle: { color: isDark ? '#d9d9d9' : '#595959' },
    },
    calendar: {
      top: 28,
      left: 36,
      right: 12,
      bottom: 48,
      range: [range.from, range.to],
      cellSize: ['auto', 16],
      firstDay: 1,
      // Every other weekday named (Mon, Wed, Fri), as seven labels crowd 15-pixel rows.
      dayLabel: { nameMap: labels.language === 'zh' ? ['', '一', '', '三', '', '五', ''] : ['', 'Mon', '', 'Wed', '', 'Fri', ''], firstDay: 1, fontSize: 11, color: isDark ? '#bfbfbf' : '#8c8c8c' },
      monthLabel: { nameMap: labels.language === 'zh' ? 'ZH' : 'EN', color: isDark ? '#bfbfbf' : '#8c8c8c' },
      yearLabel: { show: false },
      itemStyle: { borderColor: isDark ? '#141414' : '#ffffff', borderWidth: 2, color: isDark ? '#1f1f1f' : '#fafafa' },
      splitLine: { show: false },
    },
    series: [
      {
        type: 'heatmap',
        coordinateSystem: 'calendar',
        data: [...byDate.values()].filter((d) => !(d.state === 'off' && d.spentMinutes === 0 && d.targetMinutes === 0)).map((d) => [d.date, STATE_VALUE[d.state], d.spentMinutes]),
      },
    ],
  };
}
