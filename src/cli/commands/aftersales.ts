import { countdownText } from '../../shared/domain/aftersale-deadline';
import { ARBITRATION_LABELS } from '../../shared/domain/aftersale-state';
import { TYPE_LABELS } from '../../shared/domain/aftersale-type';
import { formatFen } from '../../shared/domain/cost-stack';
import { AppError } from '../../shared/errors';
import type { AftersaleCaseRow } from '../../shared/rpc/domains/aftersales';
import type { CommandGroup, CommandInput } from '../command';

/** `--limit N`, checked before the data folder is opened. */
export function aftersaleFlags(input: CommandInput): { open?: boolean; limit: number } {
  const raw = input.flags.limit;
  const limit = raw === undefined || raw === true ? undefined : raw;
  if (limit !== undefined && (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > 500)) {
    throw new AppError('VALIDATION', `--limit ${limit}: 1–500`, { issues: [{ path: '--limit (1–500)', message: '1–500' }] });
  }
  return { ...(input.flags.open === true ? { open: true } : {}), limit: limit === undefined ? 100 : Number(limit) };
}

/**
 * The `shopdesk aftersales --json` shape, kept stable for scripts. No buyer data: a case holds
 * order numbers, products, texts of the export and money in fen (the after-sales export's 协商记录,
 * which quotes buyers, is never stored).
 */
export const aftersalesJson = (total: number, counts: Record<string, number>, rows: readonly AftersaleCaseRow[]) => ({
  total,
  counts,
  cases: rows.map((r) => ({
    caseKey: r.caseKey,
    origin: r.origin,
    aftersaleId: r.aftersaleId,
    orderId: r.orderId,
    subOrderId: r.subOrderId,
    product: r.productTitle,
    type: r.type,
    typeText: r.typeText,
    reason: r.reason,
    status: r.status,
    open: r.open,
    refundFen: r.refundGoodsFen,
    buyerRefundFen: r.buyerRefundFen,
    deadlineAt: r.deadlineAt,
    deadline: r.countdown.state,
    arbitration: r.arbitration,
    supplierId: r.supplierId,
    supplierName: r.supplierName,
    forwardTracking: r.forwardTracking,
    supplierClaimFen: r.supplierClaimFen,
    supplierRefunded: r.supplierRefunded,
    supplierRefundFen: r.supplierRefundFen,
    owedFen: r.owedFen,
    cause: r.causeName,
  })),
});

export const aftersaleCommands: CommandGroup = {
  name: 'aftersales',
  summary: { zh: '售后', en: 'After-sales cases' },
  commands: [],
  defaultCommand: {
    name: '',
    summary: { zh: '列出售后单（未完结的按自动处理截止时间排在前面）', en: 'List after-sales cases (open ones first, by the platform deadline)' },
    flags: [
      { name: 'open', type: 'boolean', help: { zh: '只看未完结的售后', en: 'Only cases still open' } },
      { name: 'limit', type: 'string', valueName: 'N', help: { zh: '最多列出 N 条（1–500，默认 100）', en: 'List at most N (1–500, default 100)' } },
    ],
    async run(ctx, input) {
      const flags = aftersaleFlags(input);
      const core = await ctx.core();
      const result = await core.call('aftersales.list', flags);
      const data = aftersalesJson(result.total, result.counts, result.rows);
      const lang = ctx.lang === 'zh' ? 'zh' : 'en';
      const lines = result.rows.map((r) => {
        const type = r.type === 'unknown' ? `${ctx.t(TYPE_LABELS.unknown)}「${r.typeText}」` : ctx.t(TYPE_LABELS[r.type]);
        const state = r.open ? ctx.t({ zh: '处理中', en: 'open' }) : ctx.t({ zh: '已完结', en: 'done' });
        const deadline = r.open && r.deadlineAt !== null ? `  ${r.deadlineAt} (${countdownText(r.countdown, lang)})` : '';
        const arbitration = r.arbitration === 'none' ? '' : `  ⚠ ${ctx.t(ARBITRATION_LABELS[r.arbitration])}`;
        const amount = r.buyerRefundFen === null ? '' : `  ¥${formatFen(r.buyerRefundFen)}`;
        const owed = r.owedFen !== 0 ? `  ${ctx.t({ zh: '供应商欠', en: 'supplier owes' })} ¥${formatFen(r.owedFen)}` : '';
        return `${r.aftersaleId ?? r.caseKey}  ${r.orderId}  ${type}  ${r.status ?? state}  ${r.productTitle ?? '?'}${amount}${deadline}${arbitration}${owed}`;
      });
      const header = ctx.t({
        zh: `共 ${result.total} 条，列出 ${result.rows.length} 条；未完结 ${result.counts.open}，临近截止 ${result.counts.soon}，仲裁中 ${result.counts.arbitration}`,
        en: `${result.total} in all, ${result.rows.length} listed; open ${result.counts.open}, deadline soon ${result.counts.soon}, in arbitration ${result.counts.arbitration}`,
      });
      return { data, text: [header, ...lines].join('\n') };
    },
  },
};
