import type { DeclineWatch, FellGroup, FellKind } from '../../shared/rpc/contract';
import type { CommandContext, CommandSpec, Text } from '../command';
import { AT_FLAG, atFlag } from './at-flag';

/** The `shopdesk report decline --json` shape (exact: scripts rely on it; issue 12). */
export function declineJson(watch: DeclineWatch) {
  return { declining: watch.declining, days: watch.days, rule: watch.rule, series: watch.series.map(({ date, orders, amountFen }) => ({ date, orders, amountFen })), fell: watch.fell };
}

const KIND_TEXT: Record<FellKind, Text> = {
  products: { zh: '商品', en: 'Products' },
  provinces: { zh: '省份', en: 'Provinces' },
  sources: { zh: '流量来源', en: 'Sources' },
  influencers: { zh: '达人', en: 'Influencers' },
};

function declineText(ctx: CommandContext, watch: DeclineWatch): string {
  const t = (zh: string, en: string) => ctx.t({ zh, en });
  if (watch.through === null || watch.series.length === 0) return t('还没有可比较的完整日订单数据：请先导入订单导出。', 'No complete days of orders to compare yet: import an order export first.');
  const a = watch.alert;
  const head =
    a === null
      ? t(`截至 ${watch.through}（北京时间）没有下滑警报；当前连续环比下降 ${watch.days} 天。`, `No decline alert through ${watch.through} (China time); ${watch.days} day-over-day drops in a row now.`)
      : a.rule === 'dayOverDay'
        ? t(`订单量连续 ${a.days} 天环比下滑（${a.from} 至 ${a.to}：${a.firstOrders} → ${a.lastOrders} 单）。`, `Orders fell ${a.days} days in a row (${a.from} to ${a.to}: ${a.firstOrders} → ${a.lastOrders}).`)
        : t(
            `订单量连续 ${a.days} 天低于往周同日（${a.from} 至 ${a.to}；${a.to} 为 ${a.lastOrders} 单，往周同日平均 ${a.usualOrders ?? '-'} 单）。`,
            `Orders below the usual weekday ${a.days} days in a row (${a.from} to ${a.to}; ${a.to}: ${a.lastOrders} against a usual ${a.usualOrders ?? '-'}).`,
          );
  const lines = [head];
  if (watch.windows) {
    const w = watch.windows;
    lines.push(t(`对比 ${w.now.from}–${w.now.to} 与上周同期 ${w.before.from}–${w.before.to}：`, `${w.now.from}–${w.now.to} against the same days a week earlier (${w.before.from}–${w.before.to}):`));
  }
  const row = (g: FellGroup) => `    ${g.name ? `${g.name} (${g.key})` : g.key}  ${g.before.orders} → ${g.now.orders}  ${g.change}${g.changePct === null ? '' : ` (${g.changePct}%)`}`;
  for (const kind of Object.keys(KIND_TEXT) as FellKind[]) {
    const groups = watch.fell[kind];
    lines.push(`  ${ctx.t(KIND_TEXT[kind])}: ${groups.length === 0 ? t('无下降', 'none fell') : ''}`.trimEnd(), ...groups.map(row));
  }
  return lines.join('\n');
}

/** `shopdesk report decline [--at ISO-8601]`: the decline watch over whole China days. */
export const declineCommand: CommandSpec = {
  name: 'decline',
  readsOnly: true,
  summary: {
    zh: '下滑预警：只比较完整的北京时间日（不含今天）；连续 3 天环比下降或连续 3 天低于往周同日即预警，并列出下降最多的商品、省份、来源和达人',
    en: 'Decline watch over whole China days (never today): 3 day-over-day drops in a row, or 3 days below the usual weekday, raise an alert naming the products, provinces, sources and influencers that fell most',
  },
  flags: [AT_FLAG],
  async run(ctx, input) {
    const core = await ctx.core({ at: atFlag(input) });
    const watch = await core.call('reports.decline', {});
    return { data: declineJson(watch), text: declineText(ctx, watch) };
  },
};
