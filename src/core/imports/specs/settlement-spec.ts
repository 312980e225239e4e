import type { ColumnSpec, KindSpec } from './kind-spec';

/** 结算账单, 34 columns (note the platform's own spelling 店铺劵). */
export const SETTLEMENT_LAYOUT = [
  '结算时间', '订单号', '子订单号', '结算金额', '结算账户', '结算单类型', '有结算前退款', '下单时间', '商品ID', '商品数量',
  '业务类型', '订单类型', '订单总价', '商品总价', '运费', '店铺劵', '结算前退款金额', '平台补贴', '达人补贴', '抖音支付补贴',
  '抖音月付营销补贴', '用户实付', '收入合计', '平台服务费', '佣金', '渠道分成', '招商服务费', '站外推广费', '其他分成', '其他分成说明',
  '支出合计', '是否免佣', '免佣金额', '备注',
] as const;

const columns: ColumnSpec[] = [
  { column: 'settled_at', headers: ['结算时间'], type: 'datetime', required: true },
  { column: 'order_id', headers: ['订单号'], type: 'id' },
  { column: 'sub_order_id', headers: ['子订单号'], type: 'id' },
  { column: 'amount_fen', headers: ['结算金额'], type: 'money', required: true },
  { column: 'account', headers: ['结算账户'], type: 'text' },
  { column: 'settle_type', headers: ['结算单类型'], type: 'text' },
  { column: 'has_pre_refund', headers: ['有结算前退款'], type: 'text' },
  { column: 'ordered_at', headers: ['下单时间'], type: 'datetime-lenient' },
  { column: 'product_id', headers: ['商品ID'], type: 'id' },
  { column: 'quantity', headers: ['商品数量'], type: 'int' },
  { column: 'business_type', headers: ['业务类型'], type: 'text' },
  { column: 'order_type', headers: ['订单类型'], type: 'text' },
  { column: 'order_total_fen', headers: ['订单总价'], type: 'money-lenient' },
  { column: 'goods_total_fen', headers: ['商品总价'], type: 'money-lenient' },
  { column: 'freight_fen', headers: ['运费'], type: 'money-lenient' },
  { column: 'shop_coupon_fen', headers: ['店铺劵', '店铺券'], type: 'money-lenient' },
  { column: 'pre_refund_fen', headers: ['结算前退款金额'], type: 'money-lenient' },
  { column: 'platform_subsidy_fen', headers: ['平台补贴'], type: 'money-lenient' },
  { column: 'influencer_subsidy_fen', headers: ['达人补贴'], type: 'money-lenient' },
  { column: 'douyin_pay_subsidy_fen', headers: ['抖音支付补贴'], type: 'money-lenient' },
  { column: 'douyin_monthly_subsidy_fen', headers: ['抖音月付营销补贴'], type: 'money-lenient' },
  { column: 'buyer_paid_fen', headers: ['用户实付'], type: 'money-lenient' },
  { column: 'income_total_fen', headers: ['收入合计'], type: 'money-lenient' },
  { column: 'platform_fee_fen', headers: ['平台服务费'], type: 'money-lenient' },
  { column: 'commission_fen', headers: ['佣金'], type: 'money-lenient' },
  { column: 'channel_share_fen', headers: ['渠道分成'], type: 'money-lenient' },
  { column: 'recruiter_fee_fen', headers: ['招商服务费'], type: 'money-lenient' },
  // The 2022 export calls it 直播间站外推广.
  { column: 'offsite_promo_fen', headers: ['站外推广费', '直播间站外推广'], type: 'money-lenient' },
  { column: 'other_share_fen', headers: ['其他分成'], type: 'money-lenient' },
  { column: 'other_share_note', headers: ['其他分成说明'], type: 'text' },
  { column: 'expense_total_fen', headers: ['支出合计'], type: 'money-lenient' },
  { column: 'commission_free', headers: ['是否免佣'], type: 'text' },
  { column: 'commission_free_fen', headers: ['免佣金额'], type: 'money-lenient' },
  { column: 'note', headers: ['备注'], type: 'text' },
];

/**
 * Settlement bill: one line per settlement event of a sub-order. The bill has no line id, so the
 * key is built from what identifies one event and repeats identically in every re-export:
 * (子订单号, or 订单号 when blank) + 结算时间 + 结算单类型 + 结算金额. A sub-order settled and later
 * refunded after settlement gives two keys (other type, time and sign).
 */
export const SETTLEMENT_SPEC: KindSpec = {
  kind: 'settlement',
  table: 'settlement_lines',
  hints: ['结算时间', '结算单类型', '结算金额', '结算账户', '有结算前退款', '收入合计', '支出合计', '结算前退款金额'],
  requiredHeaders: [['结算时间'], ['结算单类型'], ['结算金额'], ['子订单号', '订单号']],
  layouts: [{ name: 'settlement', headers: SETTLEMENT_LAYOUT }],
  fallbackLayout: 'settlement',
  columns,
  derived: ['settlement_key'],
  keyColumns: ['settlement_key'],
  eventColumns: ['settled_at', 'ordered_at'],
  dateColumn: 'settled_at',
  neverStored: [],
  hasDescriptionRow: true,
};
