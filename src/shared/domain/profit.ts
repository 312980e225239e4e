/*
 * Profit per order line, order and product, in integer fen. Each figure carries its basis:
 * `recorded` (from a saved purchase, the imported funds flow or after-sales export), `estimated`
 * (from the product's cost stack) or `missing` (nothing to go on: counted as 0 and shown so).
 *
 * The base. DOUYIN_EXPORTS.md §1.6: the funds flow settles "the order export's 订单应付金额 +
 * 平台实际承担优惠金额 + 达人实际承担优惠金额" — the platform's and the influencer's shares of a
 * discount come back to the shop, the shop's own share (商家实际承担优惠金额) does not. 订单应付金额 is
 * already after every discount, so the goods value before discounts is payable + all three shares,
 * and the shop's share is then taken off once:
 *
 *   goods    = payable + platformBorne + influencerBorne + merchantBorne
 *   profit   = goods − merchantBorne − purchaseCost − commission − platformFee − afterSalesLoss + supplierRefund
 *
 * (equal to payable + platformBorne + influencerBorne − costs: the shop's share is never counted twice).
 * Commission and platform fee estimates are percentages of what the buyer paid, each rounded UP to
 * the fen (the cost stack's rule, shared/domain/cost-stack.ts); commission only on 精选联盟 lines.
 */
export type Basis = 'recorded' | 'estimated' | 'missing';
export type Figure = { fen: number; basis: Basis };

/**
 * What a supplier pays back on a line (a return sent on to it, goods it could not deliver), as the
 * after-sales cases record it: `recorded` once the money came back, `estimated` while it is agreed
 * or owed but not received. The caller reads it from wherever the cases keep it; this module only
 * counts it.
 */
export type SupplierRefundInput = { fen: number; basis: 'recorded' | 'estimated' };

export type ProfitLineInput = {
  payableFen: number | null;
  platformBorneFen: number | null;
  influencerBorneFen: number | null;
  merchantBorneFen: number | null;
  quantity: number | null;
  /** Sold through an influencer (流量来源 contains 精选联盟 or a 达人ID): commission applies. */
  isAffiliate: boolean;
  /** This line's share of the recorded purchase amount; null without a recorded amount. */
  purchaseCostFen: number | null;
  /** Product cost + supplier freight per unit from the sourcing cost stack; null without a product. */
  estimatedUnitCostFen: number | null;
  /** Sums over the line's funds-flow rows, as exported (fees are negative); null without rows. */
  fundsCommissionFen: number | null;
  fundsPlatformFeeFen: number | null;
  /** The product's expected rates (bp); null without a product. */
  commissionBp: number | null;
  platformFeeBp: number | null;
  /** Refunded to the buyer per the imported after-sales export; null when the export has no row. */
  refundedFen: number | null;
  /** Paid back (or owed) by the supplier; null when no case records one (shown as missing, counted 0). */
  supplierRefund: SupplierRefundInput | null;
};

export type ProfitBreakdown = {
  goodsFen: number;
  shopDiscount: Figure;
  purchaseCost: Figure;
  commission: Figure;
  platformFee: Figure;
  afterSalesLoss: Figure;
  supplierRefund: Figure;
  profitFen: number;
  /** The weakest basis of the cost figures: `recorded` only when every one is. */
  basis: Basis;
};

const ceilShare = (amountFen: number, bp: number): number => Math.ceil((amountFen * bp) / 10_000);
const n = (v: number | null): number => v ?? 0;
const RANK: Record<Basis, number> = { recorded: 0, estimated: 1, missing: 2 };
const weakest = (figures: readonly Figure[]): Basis => figures.reduce<Basis>((w, f) => (RANK[f.basis] > RANK[w] ? f.basis : w), 'recorded');

function costOf(line: ProfitLineInput): Figure {
  if (line.purchaseCostFen !== null) return { fen: line.purchaseCostFen, basis: 'recorded' };
  if (line.estimatedUnitCostFen !== null) return { fen: line.estimatedUnitCostFen * (line.quantity ?? 1), basis: 'estimated' };
  return { fen: 0, basis: 'missing' };
}

function percentageFigure(recorded: number | null, bp: number | null, paidFen: number, applies: boolean): Figure {
  // Funds-flow fee columns are negative on settlement rows (DOUYIN_EXPORTS.md §4.1): a cost is their negation.
  if (recorded !== null) return { fen: 0 - recorded, basis: 'recorded' };
  if (!applies) return { fen: 0, basis: 'recorded' };
  if (bp !== null) return { fen: ceilShare(paidFen, bp), basis: 'estimated' };
  return { fen: 0, basis: 'missing' };
}

/** The figures an order's basis is the weakest of: the costs, and a supplier refund when one is known. */
const costFigures = (purchaseCost: Figure, commission: Figure, platformFee: Figure, supplierRefund: Figure): Figure[] =>
  supplierRefund.basis === 'missing' ? [purchaseCost, commission, platformFee] : [purchaseCost, commission, platformFee, supplierRefund];

export function lineProfit(line: ProfitLineInput): ProfitBreakdown {
  const paid = n(line.payableFen);
  const goodsFen = paid + n(line.platformBorneFen) + n(line.influencerBorneFen) + n(line.merchantBorneFen);
  const shopDiscount: Figure = { fen: n(line.merchantBorneFen), basis: 'recorded' };
  const purchaseCost = costOf(line);
  const commission = percentageFigure(line.fundsCommissionFen, line.commissionBp, paid, line.isAffiliate);
  const platformFee = percentageFigure(line.fundsPlatformFeeFen, line.platformFeeBp, paid, true);
  const afterSalesLoss: Figure = line.refundedFen === null ? { fen: 0, basis: 'missing' } : { fen: line.refundedFen, basis: 'recorded' };
  const supplierRefund: Figure = line.supplierRefund === null ? { fen: 0, basis: 'missing' } : { fen: line.supplierRefund.fen, basis: line.supplierRefund.basis };
  const profitFen = goodsFen - shopDiscount.fen - purchaseCost.fen - commission.fen - platformFee.fen - afterSalesLoss.fen + supplierRefund.fen;
  // After-sales and supplier refunds without a record are "none known", not an estimate gap: a line
  // with no after-sales row usually has no after-sale. They do not weaken the order's basis; a
  // supplier refund that is only owed (estimated) does, since the profit then counts money not received.
  return { goodsFen, shopDiscount, purchaseCost, commission, platformFee, afterSalesLoss, supplierRefund, profitFen, basis: weakest(costFigures(purchaseCost, commission, platformFee, supplierRefund)) };
}

const sumFigures = (figures: readonly Figure[]): Figure => ({ fen: figures.reduce((s, f) => s + f.fen, 0), basis: figures.length === 0 ? 'missing' : weakest(figures) });

/** The sum of several lines' breakdowns (an order, or a product's lines). */
export function sumProfit(parts: readonly ProfitBreakdown[]): ProfitBreakdown {
  const pick = (k: 'shopDiscount' | 'purchaseCost' | 'commission' | 'platformFee' | 'afterSalesLoss' | 'supplierRefund') => sumFigures(parts.map((p) => p[k]));
  const purchaseCost = pick('purchaseCost');
  const commission = pick('commission');
  const platformFee = pick('platformFee');
  // Summed, a supplier refund is known when any line's is (its figure's basis is then the weakest of those).
  const known = parts.map((p) => p.supplierRefund).filter((f) => f.basis !== 'missing');
  const supplierRefund: Figure = known.length === 0 ? { fen: 0, basis: 'missing' } : sumFigures(known);
  return {
    goodsFen: parts.reduce((s, p) => s + p.goodsFen, 0),
    shopDiscount: pick('shopDiscount'),
    purchaseCost,
    commission,
    platformFee,
    afterSalesLoss: pick('afterSalesLoss'),
    supplierRefund,
    profitFen: parts.reduce((s, p) => s + p.profitFen, 0),
    basis: parts.length === 0 ? 'missing' : weakest(costFigures(purchaseCost, commission, platformFee, supplierRefund)),
  };
}

/**
 * Splits a purchase's amount over its lines by weight (their payable), whole fen, largest
 * remainder first, so the parts add up to the amount exactly. Equal weights (or all zero) split evenly.
 */
export function allocate(amountFen: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
  const w = total === 0 ? weights.map(() => 1) : weights.map((x) => Math.max(0, x));
  const sum = w.reduce((s, x) => s + x, 0);
  const raw = w.map((x) => (amountFen * x) / sum);
  const parts = raw.map((r) => Math.floor(r));
  let left = amountFen - parts.reduce((s, p) => s + p, 0);
  const order = raw.map((r, i) => ({ i, rem: r - Math.floor(r) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = parts[i]! + 1;
    left -= 1;
  }
  return parts;
}
