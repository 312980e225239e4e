import { ANALYTICS_BASES, ORDER_REPORT_GROUPS, type OrderReport, type OrderReportGroup } from '../../shared/rpc/contract';
import type { CommandContext, CommandGroup, Text } from '../command';
import { choiceOption, dateRangeOptions } from '../option-values';
import { declineCommand } from './report-decline';

const GROUP_TEXT: Record<OrderReportGroup, Text> = {
  day: { zh: '日期', en: 'Day' },
  week: { zh: '周（周一）', en: 'Week (Monday)' },
  month: { zh: '月份', en: 'Month' },
  product: { zh: '商品ID', en: 'Product ID' },
  province: { zh: '省份', en: 'Province' },
  status: { zh: '订单状态', en: 'Order status' },
  source: { zh: '流量来源', en: 'Source' },
  influencer: { zh: '达人ID', en: 'Influencer ID' },
};

const TIME_GROUPS: readonly OrderReportGroup[] = ['day', 'week', 'month'];
const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : ''}${v.toFixed(1)}%`);

const yuan = (fen: number): string => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100).toLocaleString('en-US')}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

function reportText(ctx: CommandContext, report: OrderReport, by: OrderReportGroup): string {
  const t = (zh: string, en: string) => ctx.t({ zh, en });
  const time = TIME_GROUPS.includes(by);
  const header = [ctx.t(GROUP_TEXT[by]), ...(by === 'influencer' ? [t('达人昵称', 'Name')] : []), t('订单数', 'Orders'), t('行数', 'Lines'), t('应付金额（元）', 'Payable (yuan)'), ...(time ? [t('订单环比', 'Orders vs previous')] : [])];
  const rows = report.groups.map((g) => [
    g.key === '' ? t('（空）', '(none)') : g.key,
    ...(by === 'influencer' ? [g.name ?? '—'] : []),
    String(g.orders),
    String(g.lines),
    yuan(g.amountFen),
    ...(time ? [pct(g.changePct?.orders)] : []),
  ]);
  rows.push([t('合计', 'Total'), ...(by === 'influencer' ? [''] : []), String(report.total.orders), String(report.total.lines), yuan(report.total.amountFen), ...(time ? [''] : [])]);
  const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c + ' '.repeat(widths[i]! - width(c)) : ' '.repeat(widths[i]! - width(c)) + c)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export const reportCommands: CommandGroup = {
  name: 'report',
  summary: { zh: '报表', en: 'Reports' },
  commands: [
    {
      name: 'orders',
      readsOnly: true,
      summary: {
        zh: '订单汇总：订单数（不同主订单编号）、行数、应付金额，可按日、周、月（含环比）、商品、省份、状态、来源、达人分组（北京时间；不含未支付即关闭的订单）',
        en: 'Orders summary: orders (distinct parent orders), lines and payable amount, grouped by day, week, month (with change on the previous period), product, province, status, source or influencer (China time; orders closed unpaid left out)',
      },
      flags: [
        { name: 'from', type: 'string', valueName: 'YYYY-MM-DD', help: { zh: '起始日期（含）', en: 'First day (inclusive)' } },
        { name: 'to', type: 'string', valueName: 'YYYY-MM-DD', help: { zh: '结束日期（含）', en: 'Last day (inclusive)' } },
        {
          name: 'by',
          type: 'string',
          valueName: 'day|week|month|product|province|status|source|influencer',
          help: { zh: '分组方式，默认按日', en: 'How to group (default: day)' },
        },
        {
          name: 'basis',
          type: 'string',
          valueName: 'paid|refund',
          help: { zh: '时间口径：paid 按支付完成时间（默认），refund 按退款或关闭时间', en: 'Time basis: paid = by paid time (default), refund = by refund or close time' },
        },
      ],
      async run(ctx, input) {
        const by = choiceOption(input, 'by', ORDER_REPORT_GROUPS) ?? 'day';
        const basis = choiceOption(input, 'basis', ANALYTICS_BASES) ?? 'paid';
        const params = { by, basis, ...dateRangeOptions(input) };
        const core = await ctx.core();
        const report = await core.call('reports.orders', params);
        return { data: { total: report.total, groups: report.groups }, text: reportText(ctx, report, params.by) };
      },
    },
    declineCommand,
  ],
};
