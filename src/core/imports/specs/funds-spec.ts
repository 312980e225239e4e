import type { ColumnSpec, KindSpec } from './kind-spec';

/** 资金流水 / 动账明细, current 39-column layout (normalised: 动帐 → 动账). */
export const FUNDS_LAYOUT_39 = [
  '动账时间', '动账流水号', '动账方向', '动账金额', '动账账户', '动账场景', '计费类型', '子订单号', '订单号', '售后编号',
  '下单时间', '商品ID', '商品名称', '达人ID', '达人名称', '订单类型', '订单实付应结', '运费实付', '实际平台补贴_运费', '实际平台补贴',
  '其他平台补贴', '以旧换新抵扣', '政府补贴平台垫资', '实际达人补贴', '实际抖音支付补贴', '实际抖音月付营销补贴', '银行补贴', '订单退款', '平台服务费', '佣金',
  '服务商佣金', '渠道分成', '招商服务费', '站外推广费', '其他分成', '是否免佣', '免佣金额', '商户主体名称', '备注',
] as const;

const NOT_IN_30 = new Set(['商品名称', '达人ID', '达人名称', '其他平台补贴', '以旧换新抵扣', '政府补贴平台垫资', '银行补贴', '服务商佣金', '商户主体名称']);
/** The older 30-column variant: the same order without nine columns. */
export const FUNDS_LAYOUT_30 = FUNDS_LAYOUT_39.filter((h) => !NOT_IN_30.has(h));

/** 账户流水 (ledger with a running balance), the CSV inside the ledger zip download. */
export const FUNDS_LEDGER = ['动账流水号', '关联订单号', '关联子订单号', '动账时间', '账户方向', '动账金额(元)', '动账场景', '账户余额(元)', '备注'] as const;

const columns: ColumnSpec[] = [
  { column: 'flow_id', headers: ['动账流水号'], type: 'id', required: true },
  { column: 'flow_at', headers: ['动账时间'], type: 'datetime' },
  { column: 'direction', headers: ['动账方向', '账户方向'], type: 'text', required: true },
  { column: 'amount_fen', headers: ['动账金额', '动账金额(元)'], type: 'money', required: true },
  { column: 'account', headers: ['动账账户'], type: 'text' },
  { column: 'scene', headers: ['动账场景'], type: 'text' },
  { column: 'billing_type', headers: ['计费类型', '业务类型'], type: 'text' },
  { column: 'sub_order_id', headers: ['子订单号', '子订单编号', '关联子订单号'], type: 'id' },
  { column: 'order_id', headers: ['订单号', '主订单编号', '关联订单号'], type: 'id' },
  { column: 'aftersale_id', headers: ['售后编号', '售后单号'], type: 'id' },
  { column: 'ordered_at', headers: ['下单时间'], type: 'datetime-lenient' },
  { column: 'product_id', headers: ['商品ID'], type: 'id' },
  { column: 'product_title', headers: ['商品名称', '商品信息'], type: 'text' },
  { column: 'influencer_id', headers: ['达人ID'], type: 'id' },
  { column: 'influencer_name', headers: ['达人名称'], type: 'text' },
  { column: 'order_type', headers: ['订单类型'], type: 'text' },
  { column: 'order_paid_fen', headers: ['订单实付应结'], type: 'money-lenient' },
  { column: 'freight_paid_fen', headers: ['运费实付'], type: 'money-lenient' },
  { column: 'platform_freight_subsidy_fen', headers: ['实际平台补贴_运费'], type: 'money-lenient' },
  { column: 'platform_subsidy_fen', headers: ['实际平台补贴', '平台补贴'], type: 'money-lenient' },
  { column: 'other_platform_subsidy_fen', headers: ['其他平台补贴'], type: 'money-lenient' },
  { column: 'trade_in_fen', headers: ['以旧换新抵扣'], type: 'money-lenient' },
  { column: 'gov_subsidy_fen', headers: ['政府补贴平台垫资'], type: 'money-lenient' },
  { column: 'influencer_subsidy_fen', headers: ['实际达人补贴'], type: 'money-lenient' },
  { column: 'douyin_pay_subsidy_fen', headers: ['实际抖音支付补贴'], type: 'money-lenient' },
  { column: 'douyin_monthly_subsidy_fen', headers: ['实际抖音月付营销补贴'], type: 'money-lenient' },
  { column: 'bank_subsidy_fen', headers: ['银行补贴'], type: 'money-lenient' },
  { column: 'refund_fen', headers: ['订单退款'], type: 'money-lenient' },
  { column: 'platform_fee_fen', headers: ['平台服务费'], type: 'money-lenient' },
  { column: 'commission_fen', headers: ['佣金'], type: 'money-lenient' },
  { column: 'provider_commission_fen', headers: ['服务商佣金'], type: 'money-lenient' },
  { column: 'channel_share_fen', headers: ['渠道分成'], type: 'money-lenient' },
  { column: 'recruiter_fee_fen', headers: ['招商服务费'], type: 'money-lenient' },
  { column: 'offsite_promo_fen', headers: ['站外推广费'], type: 'money-lenient' },
  { column: 'other_share_fen', headers: ['其他分成'], type: 'money-lenient' },
  { column: 'commission_free', headers: ['是否免佣'], type: 'text' },
  { column: 'commission_free_fen', headers: ['免佣金额'], type: 'money-lenient' },
  { column: 'merchant_entity', headers: ['商户主体名称'], type: 'text' },
  { column: 'balance_fen', headers: ['账户余额(元)'], type: 'money-lenient' },
  // The older layout calls the note 动账摘要.
  { column: 'note', headers: ['备注', '动账摘要'], type: 'text' },
];

/** Funds flow: one line per money movement, keyed by 动账流水号; lines without an order are kept. */
export const FUNDS_SPEC: KindSpec = {
  kind: 'funds',
  table: 'funds_flows',
  hints: ['动账流水号', '动账方向', '动账金额', '动账时间', '动账场景', '动账账户', '账户方向', '账户余额(元)', '动账金额(元)', '动账摘要'],
  requiredHeaders: [['动账流水号'], ['动账方向', '账户方向'], ['动账金额', '动账金额(元)']],
  layouts: [
    { name: 'funds-39', headers: FUNDS_LAYOUT_39 },
    { name: 'funds-30', headers: FUNDS_LAYOUT_30 },
    { name: 'funds-ledger', headers: FUNDS_LEDGER },
  ],
  fallbackLayout: 'funds-legacy',
  columns,
  // signed_amount_fen: + for 入账/收入, − for 出账/支出; source_layout: which variant wrote the row.
  derived: ['signed_amount_fen', 'source_layout'],
  keyColumns: ['flow_id'],
  eventColumns: ['flow_at', 'ordered_at'],
  dateColumn: 'flow_at',
  neverStored: [],
  hasDescriptionRow: false,
};
