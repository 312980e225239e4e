import type { HealthEntry, HealthLog, HealthMetric, HealthWarning } from '../../shared/rpc/contract';
import type { CommandContext, CommandGroup, CommandInput, FlagSpec, Text } from '../command';
import { dateOption, dateRangeOptions } from '../option-values';
import { AT_FLAG, atFlag } from './at-flag';

/** Each metric's flag, label and unit suffix in the text output. */
const METRIC_FLAGS: { metric: HealthMetric; flag: string; label: Text; unit: string }[] = [
  { metric: 'experienceScore', flag: 'experience', label: { zh: '商家体验分', en: 'Experience score' }, unit: '' },
  { metric: 'productScore', flag: 'product-score', label: { zh: '商品体验分', en: 'Product score' }, unit: '' },
  { metric: 'logisticsScore', flag: 'logistics-score', label: { zh: '物流体验分', en: 'Logistics score' }, unit: '' },
  { metric: 'serviceScore', flag: 'service-score', label: { zh: '服务体验分', en: 'Service score' }, unit: '' },
  { metric: 'dsr', flag: 'dsr', label: { zh: '店铺评分 DSR', en: 'DSR' }, unit: '' },
  { metric: 'goodReviewPct', flag: 'good-review', label: { zh: '好评率', en: 'Good-review rate' }, unit: '%' },
  { metric: 'visitors', flag: 'visitors', label: { zh: '商品访客数', en: 'Product visitors' }, unit: '' },
  { metric: 'clickers', flag: 'clickers', label: { zh: '商品点击人数', en: 'Product clickers' }, unit: '' },
  { metric: 'ctrPct', flag: 'ctr', label: { zh: '商品点击率', en: 'Click-through rate' }, unit: '%' },
  { metric: 'conversionPct', flag: 'conversion', label: { zh: '成交转化率', en: 'Conversion rate' }, unit: '%' },
  { metric: 'reply3mPct', flag: 'reply-3m', label: { zh: '3分钟回复率', en: '3-minute reply rate' }, unit: '%' },
];

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A metric flag's value: a number when it reads as one, else the text as typed, so the core's check
 * refuses it naming the field ("店铺评分（DSR）应为数字") instead of the CLI guessing.
 */
const metricValue = (input: CommandInput, flag: string): number | string | undefined => {
  const v = input.flags[flag];
  if (v === undefined || v === true) return undefined;
  return NUMBER.test(v.trim()) ? Number(v.trim()) : v;
};

const shown = (value: number | null, unit: string) => (value === null ? '-' : `${value}${unit}`);

function entryText(ctx: CommandContext, e: HealthEntry): string {
  const figures = METRIC_FLAGS.filter((m) => e[m.metric] !== null).map((m) => `${ctx.t(m.label)} ${shown(e[m.metric], m.unit)}`);
  return `${e.date}  ${figures.join('  ')}${e.note ? `  ${e.note}` : ''}`;
}

function logText(ctx: CommandContext, log: HealthLog): string {
  const t = (zh: string, en: string) => ctx.t({ zh, en });
  const s = log.settings;
  const lines = log.entries.length === 0 ? [t('还没有店铺健康记录：用 shopdesk health add 记一条。', 'No shop-health entries yet: add one with shopdesk health add.')] : log.entries.map((e) => entryText(ctx, e));
  lines.push(
    '',
    t(
      `预警线：DSR < ${s.dsrMin}、好评率 < ${s.goodReviewMinPct}%、现货占比 ≤ ${s.spotWarnPct}%（底线 ${s.spotFloorPct}%）`,
      `Warning lines: DSR < ${s.dsrMin}, good-review rate < ${s.goodReviewMinPct}%, spot share ≤ ${s.spotWarnPct}% (floor ${s.spotFloorPct}%)`,
    ),
    log.spot.sharePct === null
      ? t(`近 60 天现货占比：没有可计算的订单（${log.spot.from} 至 ${log.spot.to}）`, `Spot share, last 60 days: no orders to count (${log.spot.from} to ${log.spot.to})`)
      : t(`近 60 天现货占比：${log.spot.sharePct}%（${log.spot.spotOrders} / ${log.spot.orders} 单）`, `Spot share, last 60 days: ${log.spot.sharePct}% (${log.spot.spotOrders} / ${log.spot.orders} orders)`),
  );
  const warning: Record<HealthWarning['kind'], (v: number, line: number) => string> = {
    dsr: (v, line) => t(`预警：DSR ${v} 低于 ${line}（精选联盟要求）`, `Warning: DSR ${v} is below ${line} (the affiliate marketplace's bar)`),
    goodReview: (v, line) => t(`预警：好评率 ${v}% 低于 ${line}%（精选联盟要求）`, `Warning: good-review rate ${v}% is below ${line}% (the affiliate marketplace's bar)`),
    spotShare: (v, line) => t(`预警：现货占比 ${v}% 已到 ${line}% 线（阶梯发货）`, `Warning: spot share ${v}% reached the ${line}% line (stepped shipping)`),
  };
  for (const w of log.warnings) lines.push(`  ! ${warning[w.kind](w.value, w.threshold)}`);
  return lines.join('\n');
}

const METRIC_SPECS: FlagSpec[] = METRIC_FLAGS.map((m) => ({ name: m.flag, type: 'string', valueName: m.unit === '%' ? 'PERCENT' : 'NUMBER', help: m.label }));

export const healthCommands: CommandGroup = {
  name: 'health',
  summary: { zh: '店铺健康记录（体验分、DSR、好评率、流量）', en: 'Shop-health log (experience score, DSR, good-review rate, traffic)' },
  commands: [
    {
      name: 'add',
      summary: {
        zh: '记下某天（默认今天，北京时间）抖店后台的分数和流量；同一天再记一次会整条替换',
        en: "Record a day's scores and traffic from the back office (default today, China time); recording the same day again replaces it",
      },
      flags: [
        { name: 'date', type: 'string', valueName: 'YYYY-MM-DD', help: { zh: '日期（默认今天）', en: 'Date (default today)' } },
        ...METRIC_SPECS,
        { name: 'note', type: 'string', valueName: 'TEXT', help: { zh: '备注', en: 'Note' } },
        AT_FLAG,
      ],
      async run(ctx, input) {
        const date = dateOption(input, 'date');
        const core = await ctx.core({ at: atFlag(input) });
        const params: Record<string, unknown> = date === undefined ? {} : { date };
        for (const m of METRIC_FLAGS) {
          const value = metricValue(input, m.flag);
          if (value !== undefined) params[m.metric] = value;
        }
        const note = input.flags.note;
        if (typeof note === 'string') params.note = note;
        const result = await core.call('health.add', params as never);
        const head = result.replaced ? ctx.t({ zh: '已替换这天的记录：', en: 'Replaced the entry of that day:' }) : ctx.t({ zh: '已记录：', en: 'Recorded:' });
        return { data: result, text: `${head}\n${entryText(ctx, result.entry)}` };
      },
    },
    {
      name: 'list',
      readsOnly: true,
      summary: { zh: '店铺健康记录、预警线、近 60 天现货占比和当前预警', en: 'The shop-health log, warning lines, the 60-day spot share and current warnings' },
      flags: [
        { name: 'from', type: 'string', valueName: 'YYYY-MM-DD', help: { zh: '起始日期（含）', en: 'First day (inclusive)' } },
        { name: 'to', type: 'string', valueName: 'YYYY-MM-DD', help: { zh: '结束日期（含）', en: 'Last day (inclusive)' } },
        AT_FLAG,
      ],
      async run(ctx, input) {
        const range = dateRangeOptions(input);
        const core = await ctx.core({ at: atFlag(input) });
        const log = await core.call('health.list', range);
        return { data: log, text: logText(ctx, log) };
      },
    },
  ],
};
