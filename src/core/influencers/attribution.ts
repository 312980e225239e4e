import { classifyAftersale, currentAftersaleStatus, type AftersaleRequest } from '../../shared/domain/order-line-state';
import type { CommissionFigures, SalesFigures, SalesRow } from '../../shared/rpc/domains/influencers';

/*
 * Sales attributed to influencers, pure. An order line belongs to the influencer of its 达人ID;
 * lines without one are self-sold / product-card orders (DOUYIN_EXPORTS.md: "Both blank for
 * self-sold / product-card orders") and belong to nobody. Orders, lines and amount are counted as
 * `report orders` counts them (reports/order-report-days.ts): every line, distinct 主订单编号,
 * the sum of 订单应付金额. Refunded: lines whose current 售后状态 is a refund, by the refund of their
 * after-sales records (退商品金额), else the line's 订单应付金额.
 */

export type AttributedLine = {
  subOrderId: string;
  orderId: string;
  influencerId: string | null;
  influencerName: string | null;
  productId: string | null;
  productTitle: string | null;
  /** 订单提交时间, `YYYY-MM-DD HH:MM:SS` China time. */
  submittedAt: string | null;
  payableFen: number | null;
  aftersaleStatus: string | null;
  exportTime: number | null;
  lastImportId: number;
};

export type AttributionFacts = {
  /** The after-sales export's requests per 子订单编号, with their refunded goods amount. */
  aftersales: ReadonlyMap<string, readonly (AftersaleRequest & { refundFen: number | null })[]>;
  /** −Σ 佣金 of the funds flow per 子订单编号 (the flow writes commission as negative), when imported. */
  fundsCommission: ReadonlyMap<string, number>;
  /** The expected commission rate (bp) of a 商品ID from 选品, when the product is recorded. */
  productRates: ReadonlyMap<string, number>;
};

export type Attribution = {
  douyinId: string;
  /** The 达人昵称 of the newest export (export time, then import) that has one; null when none has. */
  nickname: string | null;
  sales: SalesFigures;
  commission: CommissionFigures;
  byProduct: SalesRow[];
  byMonth: SalesRow[];
};

type Acc = { orders: Set<string>; lines: number; amountFen: number; refundedFen: number; commissionFen: number; title: string };
const acc = (title: string): Acc => ({ orders: new Set(), lines: 0, amountFen: 0, refundedFen: 0, commissionFen: 0, title });

const influencerOf = (l: AttributedLine): string | null => {
  const id = l.influencerId?.trim() ?? '';
  return id === '' ? null : id;
};

/** Newer: a later export time (a line without one is oldest), then a later import. */
const isNewer = (a: AttributedLine, b: AttributedLine): boolean => {
  const ta = a.exportTime ?? Number.NEGATIVE_INFINITY;
  const tb = b.exportTime ?? Number.NEGATIVE_INFINITY;
  return ta !== tb ? ta > tb : a.lastImportId > b.lastImportId;
};

function refundOf(l: AttributedLine, facts: AttributionFacts): number {
  const requests = facts.aftersales.get(l.subOrderId);
  if (classifyAftersale(currentAftersaleStatus(l.aftersaleStatus, requests)) !== 'refunded') return 0;
  const refunds = (requests ?? []).filter((r) => classifyAftersale(r.status) === 'refunded' && r.refundFen !== null);
  return refunds.length > 0 ? refunds.reduce((s, r) => s + (r.refundFen ?? 0), 0) : (l.payableFen ?? 0);
}

function commissionOf(l: AttributedLine, facts: AttributionFacts): { fen: number; kind: 'funds' | 'estimated' | 'unknown' } {
  const fromFunds = facts.fundsCommission.get(l.subOrderId);
  if (fromFunds !== undefined) return { fen: fromFunds, kind: 'funds' };
  const rate = l.productId === null ? undefined : facts.productRates.get(l.productId);
  if (rate === undefined) return { fen: 0, kind: 'unknown' };
  // Rounded up like the cost stack's deductions (shared/domain/cost-stack.ts): never understated.
  return { fen: -Math.floor(-((l.payableFen ?? 0) * rate) / 10_000), kind: 'estimated' };
}

const rowOf = (key: string, a: Acc): SalesRow => ({ key, title: a.title, orders: a.orders.size, lines: a.lines, amountFen: a.amountFen, refundedFen: a.refundedFen, commissionFen: a.commissionFen });

/** Every influencer's attribution, keyed by 达人ID. */
export function attribute(lines: Iterable<AttributedLine>, facts: AttributionFacts): Map<string, Attribution> {
  type State = { newest: AttributedLine | null; total: Acc; commission: CommissionFigures; products: Map<string, Acc>; months: Map<string, Acc> };
  const states = new Map<string, State>();
  for (const l of lines) {
    const id = influencerOf(l);
    if (id === null) continue;
    let s = states.get(id);
    if (!s) {
      s = { newest: null, total: acc(''), commission: { fen: 0, fromFundsLines: 0, estimatedLines: 0, unknownLines: 0 }, products: new Map(), months: new Map() };
      states.set(id, s);
    }
    if ((l.influencerName?.trim() ?? '') !== '' && (s.newest === null || isNewer(l, s.newest))) s.newest = l;
    const refunded = refundOf(l, facts);
    const commission = commissionOf(l, facts);
    s.commission.fen += commission.fen;
    if (commission.kind === 'funds') s.commission.fromFundsLines += 1;
    else if (commission.kind === 'estimated') s.commission.estimatedLines += 1;
    else s.commission.unknownLines += 1;
    const productKey = l.productId ?? '';
    const monthKey = l.submittedAt?.slice(0, 7) ?? '';
    let product = s.products.get(productKey);
    if (!product) s.products.set(productKey, (product = acc(l.productTitle ?? '')));
    let month = s.months.get(monthKey);
    if (!month) s.months.set(monthKey, (month = acc(monthKey)));
    for (const a of [s.total, product, month]) {
      a.orders.add(l.orderId);
      a.lines += 1;
      a.amountFen += l.payableFen ?? 0;
      a.refundedFen += refunded;
      a.commissionFen += commission.fen;
    }
  }
  const result = new Map<string, Attribution>();
  for (const [id, s] of states) {
    result.set(id, {
      douyinId: id,
      nickname: s.newest?.influencerName?.trim() ?? null,
      sales: { orders: s.total.orders.size, lines: s.total.lines, amountFen: s.total.amountFen, refundedFen: s.total.refundedFen },
      commission: s.commission,
      byProduct: [...s.products].map(([k, a]) => rowOf(k, a)).sort((a, b) => b.amountFen - a.amountFen || a.key.localeCompare(b.key)),
      byMonth: [...s.months].map(([k, a]) => rowOf(k, a)).sort((a, b) => a.key.localeCompare(b.key)),
    });
  }
  return result;
}

/** 订单应付金额 of an influencer's lines submitted on or after a China date (the first sample's send day). */
export function amountSince(lines: Iterable<AttributedLine>, douyinId: string, since: string): number {
  let total = 0;
  for (const l of lines) if (influencerOf(l) === douyinId && l.submittedAt !== null && l.submittedAt.slice(0, 10) >= since) total += l.payableFen ?? 0;
  return total;
}
