import { blockTitle } from '../../shared/domain/routine-defaults';
import type { BlockStatus, LineCount, TodayView } from '../../shared/rpc/contract';
import { localeOf } from '../cli-text';
import type { CommandContext, CommandGroup, Text } from '../command';
import { AT_FLAG, atFlag } from './at-flag';

const STATUS_TEXT: Record<BlockStatus, Text> = {
  todo: { zh: '未开始', en: 'to do' },
  running: { zh: '进行中', en: 'running' },
  paused: { zh: '已暂停', en: 'paused' },
  done: { zh: '已完成', en: 'done' },
};

/** The `shopdesk today --json` shape (kept stable for scripts; see issue 4). */
export function todayJson(view: TodayView, lang: CommandContext['lang']) {
  const pick = ({ orders, lines }: LineCount) => ({ orders, lines });
  return {
    date: view.date,
    blocks: view.blocks
      .filter((b) => b.isScheduled || b.status !== 'todo')
      .map((b) => ({ key: b.key, title: blockTitle(b, localeOf(lang)), targetMinutes: b.targetMinutes, spentMinutes: Math.floor(b.spentSeconds / 60), status: b.status })),
    queues: {
      shipWithin24h: pick(view.queues.shipWithin24h),
      shipOverdue: pick(view.queues.shipOverdue),
      toPurchase: pick(view.queues.toPurchase),
      refundBeforeShip: pick(view.queues.refundBeforeShip),
      afterSalesOpen: view.queues.afterSalesOpen,
    },
    streak: { current: view.streak.current, best: view.streak.best },
  };
}

function todayText(ctx: CommandContext, data: ReturnType<typeof todayJson>): string {
  const t = (zh: string, en: string) => ctx.t({ zh, en });
  const { queues } = data;
  const lines = [ctx.field({ zh: '今天（北京时间）', en: 'Today (China time)' }, data.date), ''];
  for (const b of data.blocks) {
    const spent = t(`${b.spentMinutes} / ${b.targetMinutes} 分钟`, `${b.spentMinutes} / ${b.targetMinutes} min`);
    lines.push(`  ${b.title}  ${spent}  ${ctx.t(STATUS_TEXT[b.status])}`);
  }
  lines.push(
    '',
    ctx.field({ zh: '已超过发货时间', en: 'Past ship-by time' }, t(`${queues.shipOverdue.orders} 单（${queues.shipOverdue.lines} 行）`, `${queues.shipOverdue.orders} orders (${queues.shipOverdue.lines} lines)`)),
    ctx.field({ zh: '24 小时内需发货', en: 'Ship within 24 h' }, t(`${queues.shipWithin24h.orders} 单（${queues.shipWithin24h.lines} 行）`, `${queues.shipWithin24h.orders} orders (${queues.shipWithin24h.lines} lines)`)),
    ctx.field({ zh: '待采购', en: 'To purchase' }, t(`${queues.toPurchase.orders} 单（${queues.toPurchase.lines} 行）`, `${queues.toPurchase.orders} orders (${queues.toPurchase.lines} lines)`)),
    ctx.field(
      { zh: '买家已申请退款：先别采购', en: 'Refund requested: do not purchase' },
      t(`${queues.refundBeforeShip.orders} 单（${queues.refundBeforeShip.lines} 行）`, `${queues.refundBeforeShip.orders} orders (${queues.refundBeforeShip.lines} lines)`),
    ),
    ctx.field({ zh: '售后处理中', en: 'After-sales open' }, queues.afterSalesOpen),
    ctx.field({ zh: '连续完成', en: 'Streak' }, t(`${data.streak.current} 天（最长 ${data.streak.best} 天）`, `${data.streak.current} days (best ${data.streak.best})`)),
  );
  return lines.join('\n');
}

export const todayCommands: CommandGroup = {
  name: 'today',
  summary: { zh: '今日安排', en: 'Today' },
  commands: [],
  defaultCommand: {
    name: '',
    readsOnly: true,
    summary: { zh: '今天的安排：各项用时、待处理订单和售后、连续完成天数', en: "Today's routine: time per block, orders and after-sales waiting, the streak" },
    flags: [AT_FLAG],
    async run(ctx, input) {
      const core = await ctx.core({ at: atFlag(input) });
      const data = todayJson(await core.call('routine.today', {}), ctx.lang);
      return { data, text: todayText(ctx, data) };
    },
  },
};
