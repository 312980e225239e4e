import type { Movement } from './money-facts';

const abs = (n: number | null | undefined): number => Math.abs(n ?? 0);
/** Fee columns are negative when charged and positive when returned with a refund: cost = −value. */
const cost = (...ns: (number | null | undefined)[]): number => -ns.reduce<number>((s, n) => s + (n ?? 0), 0);
const sum = (...ns: (number | null | undefined)[]): number => ns.reduce<number>((s, n) => s + (n ?? 0), 0);

export type FundsRow = {
  flow_id: string;
  flow_at: string | null;
  direction: string;
  amount_fen: number;
  signed_amount_fen: number | null;
  scene: string | null;
  note: string | null;
  sub_order_id: string | null;
  order_id?: string | null;
  influencer_id: string | null;
  order_paid_fen: number | null;
  platform_subsidy_fen: number | null;
  other_platform_subsidy_fen: number | null;
  influencer_subsidy_fen: number | null;
  douyin_pay_subsidy_fen: number | null;
  douyin_monthly_subsidy_fen: number | null;
  bank_subsidy_fen: number | null;
  platform_fee_fen: number | null;
  commission_fen: number | null;
  provider_commission_fen: number | null;
  channel_share_fen: number | null;
  recruiter_fee_fen: number | null;
  offsite_promo_fen: number | null;
  other_share_fen: number | null;
};

/** 入账 is money in, anything else (出账, 支出) money out; signed ledger exports carry their own sign. */
export const signedAmount = (r: Pick<FundsRow, 'direction' | 'amount_fen' | 'signed_amount_fen'>): number =>
  r.signed_amount_fen ?? (r.direction.includes('入') || r.direction.includes('收') ? abs(r.amount_fen) : -abs(r.amount_fen));

/*
 * Which rows are goods settlements and which are refunds (DOUYIN_EXPORTS.md §4.1): 货款结算入账
 * (or 备注 订单结算 / 部分结算 on layouts without a scene); refunds are the 退款-… scenes and the
 * 已退款 / 原路退 notes. Everything else (withdrawals, premiums, penalties, deposit) is `other`.
 */
export function fundsKind(scene: string | null, note: string | null): Movement['kind'] {
  const s = scene?.trim() ?? '';
  const n = note?.trim() ?? '';
  if (s === '货款结算入账' || (s === '' && (n.includes('订单结算') || n.includes('部分结算')))) return 'settlement';
  if (s.startsWith('退款') || (s === '' && (n.includes('已退款') || n.includes('原路退')))) return 'refund';
  return 'other';
}

export function movementOfFunds(r: FundsRow): Movement {
  const kind = fundsKind(r.scene, r.note);
  return {
    source: 'funds',
    key: r.flow_id,
    subOrderId: r.sub_order_id,
    orderId: r.order_id ?? null,
    on: (r.flow_at ?? '').slice(0, 10),
    kind,
    amountFen: signedAmount(r),
    grossFen:
      kind === 'settlement'
        ? sum(r.order_paid_fen, r.platform_subsidy_fen, r.other_platform_subsidy_fen, r.influencer_subsidy_fen, r.douyin_pay_subsidy_fen, r.douyin_monthly_subsidy_fen, r.bank_subsidy_fen)
        : 0,
    platformFeeFen: cost(r.platform_fee_fen),
    commissionFen: cost(r.commission_fen, r.provider_commission_fen),
    otherFeesFen: cost(r.channel_share_fen, r.recruiter_fee_fen, r.offsite_promo_fen, r.other_share_fen),
    hasInfluencer: !!r.influencer_id || abs(r.commission_fen) > 0,
  };
}

export type BillRow = {
  settlement_key: string;
  settled_at: string;
  sub_order_id: string | null;
  order_id?: string | null;
  amount_fen: number;
  settle_type: string | null;
  income_total_fen: number | null;
  platform_fee_fen: number | null;
  commission_fen: number | null;
  channel_share_fen: number | null;
  recruiter_fee_fen: number | null;
  offsite_promo_fen: number | null;
  other_share_fen: number | null;
};

/** 结算单类型 已结算 is a settlement; 结算后退款-… (negative 结算金额) a refund after settlement. */
export function movementOfBill(r: BillRow): Movement {
  const type = r.settle_type?.trim() ?? '';
  const kind: Movement['kind'] = type.startsWith('结算后退款') || r.amount_fen < 0 ? 'refund' : type.startsWith('保证金') ? 'other' : 'settlement';
  return {
    source: 'bill',
    key: r.settlement_key,
    subOrderId: r.sub_order_id,
    orderId: r.order_id ?? null,
    on: r.settled_at.slice(0, 10),
    kind,
    amountFen: r.amount_fen,
    grossFen: kind === 'settlement' ? abs(r.income_total_fen) : 0,
    platformFeeFen: cost(r.platform_fee_fen),
    commissionFen: cost(r.commission_fen),
    otherFeesFen: cost(r.channel_share_fen, r.recruiter_fee_fen, r.offsite_promo_fen, r.other_share_fen),
    hasInfluencer: abs(r.commission_fen) > 0,
  };
}

/**
 * The funds flow is the superset (it also carries refunds and rows without an order), so a line's
 * money comes from it when it has any rows there, and from the settlement bill otherwise: never
 * both, which would count one settlement twice.
 */
export function movementsByLine(funds: readonly Movement[], bill: readonly Movement[]): Map<string, Movement[]> {
  const byLine = new Map<string, Movement[]>();
  const add = (m: Movement & { subOrderId: string }) => {
    const list = byLine.get(m.subOrderId);
    if (list) list.push(m);
    else byLine.set(m.subOrderId, [m]);
  };
  for (const m of funds) if (m.subOrderId && m.kind !== 'other') add(m as Movement & { subOrderId: string });
  const fromFunds = new Set(byLine.keys());
  for (const m of bill) {
    if (!m.subOrderId || m.kind === 'other' || fromFunds.has(m.subOrderId)) continue;
    add(m as Movement & { subOrderId: string });
  }
  return byLine;
}
