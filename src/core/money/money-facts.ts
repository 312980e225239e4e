import type { AftersaleState } from '../../shared/domain/settlement-rules';

/** One order line as money sees it (from order_lines + aftersales), plain values. */
export type LineFacts = {
  subOrderId: string;
  orderId: string;
  product: string | null;
  /** 订单应付金额 + 平台/达人实际承担优惠: what the funds flow settles before fees (DOUYIN_EXPORTS.md §1.6). */
  grossFen: number;
  /** Refunded to the buyer through after-sales (taken off the gross). */
  refundedFen: number;
  hasInfluencer: boolean;
  shippedOn: string | null;
  confirmedOn: string | null;
  aftersale: AftersaleState;
  aftersaleEndedOn: string | null;
  /** 订单状态 is 已关闭 (closed before shipping): nothing will settle. */
  isClosed: boolean;
};

/** A money movement tied (or not) to a line, from the funds flow or the settlement bill. */
export type Movement = {
  source: 'funds' | 'bill';
  key: string;
  subOrderId: string | null;
  /** 订单号: links the row by order when 子订单号 is blank (link-by-order.ts). */
  orderId?: string | null;
  /** Why a row with a blank 子订单号 took no line: its order has none imported, or several. */
  unlinked?: 'noLine' | 'severalLines';
  on: string;
  kind: 'settlement' | 'refund' | 'other';
  /** Signed effect on the shop's money. */
  amountFen: number;
  /** Gross before fees on settlement rows (实付应结 + subsidies), else 0. */
  grossFen: number;
  /** What came off (positive), or was given back with a refund (negative). */
  platformFeeFen: number;
  commissionFen: number;
  otherFeesFen: number;
  hasInfluencer: boolean;
};

export type FeeRates = { source: 'history' | 'settings'; platformFeeRate: number; commissionRate: number; settledLines: number };
