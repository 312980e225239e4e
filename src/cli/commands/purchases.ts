import { formatFen } from '../../shared/domain/cost-stack';
import { isPurchaseStatus, PURCHASE_STATUSES, STATUS_LABELS } from '../../shared/domain/purchase-status';
import { AppError } from '../../shared/errors';
import type { PurchaseRow } from '../../shared/rpc/domains/purchases';
import type { CommandGroup, CommandInput, Text } from '../command';

const stringFlag = (input: CommandInput, name: string): string | undefined => {
  const value = input.flags[name];
  return value === undefined || value === true ? undefined : value;
};

const invalid = (flag: string, value: string, expected: string) =>
  new AppError('VALIDATION', `--${flag} ${value}: ${expected}`, { issues: [{ path: `--${flag} (${expected})`, message: expected }] });

/** `--supplier ID`, `--status S`, `--limit N`, checked before the data folder is opened. */
export function purchaseFlags(input: CommandInput): { supplierId?: number; status?: (typeof PURCHASE_STATUSES)[number]; limit: number } {
  const supplier = stringFlag(input, 'supplier');
  const status = stringFlag(input, 'status');
  const limit = stringFlag(input, 'limit');
  if (supplier !== undefined && (!/^\d{1,9}$/.test(supplier) || Number(supplier) < 1)) throw invalid('supplier', supplier, 'a supplier number (shopdesk suppliers list)');
  if (status !== undefined && !isPurchaseStatus(status)) throw invalid('status', status, PURCHASE_STATUSES.join('|'));
  if (limit !== undefined && (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > 500)) throw invalid('limit', limit, '1–500');
  return {
    ...(supplier === undefined ? {} : { supplierId: Number(supplier) }),
    ...(status === undefined || !isPurchaseStatus(status) ? {} : { status }),
    limit: limit === undefined ? 100 : Number(limit),
  };
}

/**
 * The `shopdesk purchases --json` shape, kept stable for scripts. No buyer data: the list holds
 * none (recipient fields are never part of a row), only order numbers, products and money in fen.
 */
export const purchasesJson = (total: number, coverage: { orders: number; withRecordedCost: number }, rows: readonly PurchaseRow[]) => ({
  total,
  coverage,
  purchases: rows.map((r) => ({
    purchaseId: r.purchaseId,
    orderId: r.orderId,
    status: r.status,
    supplierId: r.supplierId,
    supplierName: r.supplierName,
    suggestedSupplierId: r.suggestedSupplierId,
    amountFen: r.amountFen,
    paidAt: r.paidAt,
    trackingNo: r.trackingNo,
    platformTracking: r.platformTracking,
    trackingMismatch: r.trackingMismatch,
    refundRequested: r.refundRequested,
    shipBy: r.shipBy,
    lines: r.lines.map((l) => ({ subOrderId: l.subOrderId, product: l.productTitle, quantity: l.quantity, amountFen: l.payableFen, status: l.lineStatus })),
    profit: { profitFen: r.profit.profitFen, basis: r.profit.basis, purchaseCostBasis: r.profit.purchaseCost.basis },
  })),
});

const BASIS: Record<PurchaseRow['profit']['basis'], Text> = {
  recorded: { zh: '实录', en: 'recorded' },
  estimated: { zh: '估算', en: 'estimated' },
  missing: { zh: '缺成本', en: 'no cost' },
};

export const purchaseCommands: CommandGroup = {
  name: 'purchases',
  summary: { zh: '采购（代发）', en: 'Purchases (drop-shipping)' },
  commands: [],
  defaultCommand: {
    name: '',
    summary: { zh: '列出采购和待采购的订单（按发货截止时间）', en: 'List purchases and orders still to buy (by ship-by time)' },
    flags: [
      { name: 'supplier', type: 'string', valueName: 'ID', help: { zh: '只看这个供应商的采购', en: "Only this supplier's purchases" } },
      { name: 'status', type: 'string', valueName: 'S', help: { zh: `采购状态：${PURCHASE_STATUSES.join('|')}`, en: `Purchase status: ${PURCHASE_STATUSES.join('|')}` } },
      { name: 'limit', type: 'string', valueName: 'N', help: { zh: '最多列出 N 条（1–500，默认 100）', en: 'List at most N (1–500, default 100)' } },
    ],
    async run(ctx, input) {
      const flags = purchaseFlags(input);
      const core = await ctx.core();
      const result = await core.call('purchases.list', flags);
      const data = purchasesJson(result.total, result.coverage, result.rows);
      const lines = result.rows.map((r) => {
        const label = ctx.t(STATUS_LABELS[r.status]);
        const product = r.lines.map((l) => `${l.productTitle ?? '?'} ×${l.quantity ?? 1}`).join('; ');
        const supplier = r.supplierName ?? (r.suggestedSupplierName ? ctx.t({ zh: `建议：${r.suggestedSupplierName}`, en: `suggested: ${r.suggestedSupplierName}` }) : ctx.t({ zh: '未定供应商', en: 'no supplier' }));
        const flagsText = [
          r.refundRequested ? ctx.t({ zh: '  ⚠ 买家已申请退款', en: '  ⚠ buyer asked for a refund' }) : '',
          r.trackingMismatch ? ctx.t({ zh: '  ⚠ 运单号与平台不一致', en: '  ⚠ tracking differs from the platform' }) : '',
        ].join('');
        const profit = `${formatFen(r.profit.profitFen)} (${ctx.t(BASIS[r.profit.basis])})`;
        return `${r.orderId}  ${label}  ${supplier}  ${product}  ${ctx.t({ zh: '利润', en: 'profit' })} ${profit}${flagsText}`;
      });
      const header = ctx.t({
        zh: `共 ${result.total} 条，列出 ${result.rows.length} 条；有实录采购成本的订单 ${result.coverage.withRecordedCost}/${result.coverage.orders}`,
        en: `${result.total} in all, ${result.rows.length} listed; orders with a recorded purchase cost ${result.coverage.withRecordedCost}/${result.coverage.orders}`,
      });
      return { data, text: [header, ...lines].join('\n') };
    },
  },
};
