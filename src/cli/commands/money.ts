import type { Forecast } from '../../shared/rpc/domains/money';
import type { CommandGroup, CommandInput, Text } from '../command';
import { countOption, dateOption } from '../option-values';

const RULE_TEXT: Record<Forecast['rule'], Text> = {
  perOrder: { zh: '按单结算：确认收货后 {n} 天', en: 'per order: {n} days after receipt is confirmed' },
  halfMonthly: { zh: '半月结算：每月 1 日和 16 日', en: 'half-monthly: on the 1st and the 16th' },
};

const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** `--from YYYY-MM-DD` and `--days N` (1–120), checked before the data folder is opened. */
export function forecastFlags(input: CommandInput): { from?: string; days?: number } {
  const from = dateOption(input, 'from');
  const days = countOption(input, 'days', 1, 120);
  return { ...(from === undefined ? {} : { from }), ...(days === undefined ? {} : { days }) };
}

/** The CLI's JSON: exactly `{rule, days:[{date, expectedFen, lines}], overdue:{lines, amountFen}}`. */
export const forecastJson = (f: Forecast) => ({
  rule: f.rule,
  days: f.days.map(({ date, expectedFen, lines }) => ({ date, expectedFen, lines })),
  overdue: { lines: f.overdue.lines, amountFen: f.overdue.amountFen },
});

export const moneyCommands: CommandGroup = {
  name: 'money',
  summary: { zh: '资金：保证金与货款结算', en: 'Money: deposit and settlements' },
  commands: [
    {
      name: 'forecast',
      summary: { zh: '未来每天预计到账的货款（扣除预计佣金和服务费）', en: 'Expected settlement cash per day (less expected commission and fees)' },
      flags: [
        { name: 'from', type: 'string', valueName: 'YYYY-MM-DD', help: { zh: '从这天开始（默认今天，北京时间）', en: 'First day (default today, China time)' } },
        { name: 'days', type: 'string', valueName: 'N', help: { zh: '天数（默认 30，最多 120）', en: 'Number of days (default 30, at most 120)' } },
      ],
      async run(ctx, input) {
        const params = forecastFlags(input);
        const core = await ctx.core();
        const forecast = await core.call('money.forecast', params);
        const data = forecastJson(forecast);
        const rule = ctx.t(RULE_TEXT[forecast.rule]).replace('{n}', String(forecast.perOrderDays));
        const total = forecast.days.reduce((s, d) => s + d.expectedFen, 0);
        const lines = [
          ctx.field({ zh: '结算规则', en: 'Rule' }, rule),
          ctx.field({ zh: '预计合计', en: 'Expected in total' }, `¥${yuan(total)}`),
          ...forecast.days.filter((d) => d.lines > 0).map((d) => `${d.date}  ¥${yuan(d.expectedFen).padStart(10)}  ${ctx.t({ zh: `${d.lines} 单`, en: `${d.lines} line(s)` })}`),
          ctx.field({ zh: '超期未结算', en: 'Overdue, not settled' }, `${ctx.t({ zh: `${forecast.overdue.lines} 单`, en: `${forecast.overdue.lines} line(s)` })}, ¥${yuan(forecast.overdue.amountFen)}`),
        ];
        return { data, text: lines.join('\n') };
      },
    },
  ],
};
