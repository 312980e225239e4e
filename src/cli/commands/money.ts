import type { Forecast } from '../../shared/rpc/domains/money';
import { BILL_GUIDANCE, coverageText } from '../../shared/i18n/money-bill-guidance';
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

/**
 * The CLI's JSON: exactly `{rule, days:[{date, expectedFen, lines}], overdue:{lines, amountFen},
 * unchecked:{lines, amountFen}, coverage:[{from, to}]}` — overdue counts only lines whose settlement
 * day an imported funds flow or bill covers (`coverage`); the others past due are `unchecked`.
 */
export const forecastJson = (f: Forecast) => ({
  rule: f.rule,
  days: f.days.map(({ date, expectedFen, lines }) => ({ date, expectedFen, lines })),
  overdue: { lines: f.overdue.lines, amountFen: f.overdue.amountFen },
  unchecked: { lines: f.unchecked.lines, amountFen: f.unchecked.amountFen },
  coverage: f.coverage.map(({ from, to }) => ({ from, to })),
});

const textOf = (t: Record<'zh-CN' | 'en-US', string>): Text => ({ zh: t['zh-CN'], en: t['en-US'] });

/** The same words as the money screen: no bill imported, or lines past due on days no bill covers. */
function overdueLines(ctx: { t(text: Text): string; field(label: Text, value: string | number): string }, f: Forecast): string[] {
  const count = (n: number, fen: number) => `${ctx.t({ zh: `${n} 单`, en: `${n} line(s)` })}, ¥${yuan(fen)}`;
  if (f.coverage.length === 0) {
    return [
      ctx.t(textOf(BILL_GUIDANCE.title)),
      ctx.field({ zh: '过了结算日、无法核对', en: 'Past their settlement day, not checked' }, count(f.unchecked.lines, f.unchecked.amountFen)),
      ctx.t(textOf(BILL_GUIDANCE.body)),
    ];
  }
  const lines = [ctx.field({ zh: '超期未结算', en: 'Overdue, not settled' }, count(f.overdue.lines, f.overdue.amountFen))];
  if (f.unchecked.lines > 0) {
    lines.push(
      ctx
        .t(textOf(BILL_GUIDANCE.partial))
        .replace('{lines}', String(f.unchecked.lines))
        .replace('{amount}', yuan(f.unchecked.amountFen))
        .replace('{coverage}', coverageText(f.coverage)),
    );
  }
  return lines;
}

export const moneyCommands: CommandGroup = {
  name: 'money',
  summary: { zh: '资金：保证金与货款结算', en: 'Money: deposit and settlements' },
  commands: [
    {
      name: 'forecast',
      readsOnly: true,
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
          ...overdueLines(ctx, forecast),
        ];
        return { data, text: lines.join('\n') };
      },
    },
  ],
};
