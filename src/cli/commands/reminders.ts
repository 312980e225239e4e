import type { CommandGroup, CommandInput, FlagSpec } from '../command';
import { CENTRE_LIMIT_MAX } from '../../shared/rpc/domains/reminders';
import { chinaDateTime } from '../format';
import { localeOf } from '../cli-text';
import { countOption } from '../option-values';
import { AT_FLAG, atFlag } from './at-flag';

/** `--limit N`: only the first N due reminders (a big shop has 100k+ overdue orders); all without it. */
const LIMIT_FLAG: FlagSpec = {
  name: 'limit',
  type: 'string',
  valueName: 'N',
  help: { zh: '只列出最早到期的 N 条，并显示一共多少条（不加则全部列出）', en: 'List only the N due first, and say how many there are in all (without it, all of them)' },
};

/** Overdue orders printed under the grouped reminder in text output. */
const OVERDUE_SHOWN = 10;

/** The `--limit` count, if given. Errors: OptionError (exit 2) for anything but a whole number from 1 to 1,000,000. */
export const limitFlag = (input: CommandInput): number | undefined => countOption(input, 'limit', 1, 1_000_000);

/** The most the core answers per call (reminders.due's `limit`). */
const DUE_PAGE = CENTRE_LIMIT_MAX;

export const reminderCommands: CommandGroup = {
  name: 'reminders',
  summary: { zh: '提醒', en: 'Reminders' },
  commands: [],
  defaultCommand: {
    name: '',
    readsOnly: true,
    summary: { zh: '列出现在到期的提醒（按到期时间，不会标记为已提醒）', en: 'List the reminders due now, by due time (they are not marked as shown)' },
    flags: [AT_FLAG, LIMIT_FLAG],
    async run(ctx, input) {
      const limit = limitFlag(input);
      const core = await ctx.core({ at: atFlag(input) });
      // The core answers pages of at most 1000: read them until the list (or --limit) is complete.
      const first = await core.call('reminders.due', { locale: localeOf(ctx.lang), limit: Math.min(limit ?? DUE_PAGE, DUE_PAGE) });
      const total = first.total;
      const shown = [...first.reminders];
      while (shown.length < Math.min(total, limit ?? total)) {
        const next = await core.call('reminders.due', { locale: localeOf(ctx.lang), offset: shown.length, limit: Math.min(DUE_PAGE, (limit ?? total) - shown.length) });
        if (next.reminders.length === 0) break;
        shown.push(...next.reminders);
      }
      const data = shown.map(({ key, kind, dueAt, title, subject }) => ({ key, kind, dueAt, title, subject }));
      const lines = shown.map((r) => `${chinaDateTime(r.dueAt).slice(0, 16)}  ${r.title}\n    ${r.body}`);
      // The grouped overdue reminder stands for a list: its first orders follow it in the text.
      const group = shown.findIndex((r) => r.kind === 'orders.shipOverdue');
      if (group >= 0) {
        const { overdueOrders } = await core.call('reminders.list', { locale: localeOf(ctx.lang), limit: OVERDUE_SHOWN });
        const listed = overdueOrders.orders.map((o) =>
          ctx.t({
            zh: `      ${o.orderId}  ${o.productTitle ?? ''}  最晚 ${chinaDateTime(o.shipBy).slice(5, 16)} 发货（${o.lines} 行）`,
            en: `      ${o.orderId}  ${o.productTitle ?? ''}  ship by ${chinaDateTime(o.shipBy).slice(5, 16)} (${o.lines} lines)`,
          }),
        );
        if (overdueOrders.total > overdueOrders.orders.length) {
          const more = overdueOrders.total - overdueOrders.orders.length;
          listed.push(ctx.t({ zh: `      …还有 ${more} 单（在应用的「提醒」页查看全部）`, en: `      …${more} more (see them all on the app's Reminders screen)` }));
        }
        lines[group] = [lines[group], ...listed].join('\n');
      }
      if (shown.length < total) {
        lines.push(
          ctx.t({
            zh: `共 ${total} 条到期提醒，只列出了前 ${shown.length} 条（去掉 --limit 列出全部）。`,
            en: `${total} reminders are due; only the first ${shown.length} are listed (leave out --limit to list all).`,
          }),
        );
      }
      const text = total === 0 ? ctx.t({ zh: '现在没有到期的提醒。', en: 'No reminders are due now.' }) : lines.join('\n');
      return { data, text };
    },
  },
};
