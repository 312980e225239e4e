import type { ColumnSpec, KindSpec } from './kind-spec';

/** 售后导出, 50 columns (money headers with full-width brackets, normalised to ASCII). */
export const AFTERSALES_LAYOUT = [
  '售后单号', '订单号', '商品单号', '商品名称', '商品ID', '应付金额(元)', '商品运费(元)', '支付优惠(元)', '商品税费(元)', '商品发货状态',
  '售后类型', '退商品金额(元)', '退运费金额(元)', '退支付优惠(元)', '退税费金额(元)', '售后状态', '售后申请时间', '退款方式', '是否已上传退款凭证', '售后原因',
  '售后原因标签', '退货物流单号', '退货异常', '退货发货时间', '退货物流公司', '自动处理截止时间', '同意售后申请时间', '商家退款时间', '用户到账时间', '售后关闭时间',
  '商家退货地址', '商家退货联系人姓名', '商家退货联系人电话', '仲裁状态', '纠纷责任方', '是否极速退款', '是否拒签后退款', '发货物流单号', '发货物流状态', '换货物流单号',
  '退货物流状态', '售后完结时间', '订单备注', '用户售后说明', '售后备注', '操作人', '协商记录', '换货商品信息', '商家编码', '门店名称',
] as const;

const columns: ColumnSpec[] = [
  { column: 'aftersale_id', headers: ['售后单号'], type: 'id', required: true },
  { column: 'sub_order_id', headers: ['商品单号'], type: 'id', required: true },
  { column: 'order_id', headers: ['订单号'], type: 'id' },
  { column: 'product_title', headers: ['商品名称'], type: 'text' },
  { column: 'product_id', headers: ['商品ID'], type: 'id' },
  { column: 'payable_fen', headers: ['应付金额(元)'], type: 'money-lenient' },
  { column: 'freight_fen', headers: ['商品运费(元)'], type: 'money-lenient' },
  { column: 'pay_discount_fen', headers: ['支付优惠(元)'], type: 'money-lenient' },
  { column: 'tax_fen', headers: ['商品税费(元)'], type: 'money-lenient' },
  { column: 'ship_state', headers: ['商品发货状态'], type: 'text' },
  { column: 'aftersale_type', headers: ['售后类型'], type: 'text' },
  { column: 'refund_goods_fen', headers: ['退商品金额(元)'], type: 'money-lenient' },
  { column: 'refund_freight_fen', headers: ['退运费金额(元)'], type: 'money-lenient' },
  { column: 'refund_pay_discount_fen', headers: ['退支付优惠(元)'], type: 'money-lenient' },
  { column: 'refund_tax_fen', headers: ['退税费金额(元)'], type: 'money-lenient' },
  { column: 'status', headers: ['售后状态'], type: 'text' },
  { column: 'applied_at', headers: ['售后申请时间'], type: 'datetime' },
  { column: 'refund_method', headers: ['退款方式'], type: 'text' },
  { column: 'reason', headers: ['售后原因'], type: 'text' },
  { column: 'reason_tag', headers: ['售后原因标签'], type: 'text' },
  { column: 'return_waybill', headers: ['退货物流单号'], type: 'text' },
  { column: 'return_shipped_at', headers: ['退货发货时间'], type: 'datetime-lenient' },
  { column: 'return_carrier', headers: ['退货物流公司'], type: 'text' },
  { column: 'auto_deadline_at', headers: ['自动处理截止时间'], type: 'datetime-lenient' },
  { column: 'agreed_at', headers: ['同意售后申请时间'], type: 'datetime-lenient' },
  { column: 'merchant_refunded_at', headers: ['商家退款时间'], type: 'datetime-lenient' },
  { column: 'buyer_received_at', headers: ['用户到账时间'], type: 'datetime-lenient' },
  { column: 'closed_at', headers: ['售后关闭时间'], type: 'datetime-lenient' },
  { column: 'arbitration_status', headers: ['仲裁状态'], type: 'text' },
  { column: 'finished_at', headers: ['售后完结时间'], type: 'datetime-lenient' },
  { column: 'sku_code', headers: ['商家编码'], type: 'text' },
  { column: 'buyer_note', headers: ['用户售后说明'], type: 'text' },
  { column: 'merchant_note', headers: ['售后备注'], type: 'text' },
];

/** After-sales export: keyed by 售后单号 + 商品单号 (one after-sale can cover several sub-orders). */
export const AFTERSALES_SPEC: KindSpec = {
  kind: 'aftersales',
  table: 'aftersales',
  hints: ['售后单号', '商品单号', '售后类型', '售后状态', '售后申请时间', '退商品金额(元)', '退款方式', '售后原因'],
  requiredHeaders: [['售后单号'], ['商品单号']],
  layouts: [{ name: 'aftersales', headers: AFTERSALES_LAYOUT }],
  fallbackLayout: 'aftersales',
  columns,
  derived: [],
  keyColumns: ['aftersale_id', 'sub_order_id'],
  eventColumns: ['applied_at', 'return_shipped_at', 'agreed_at', 'merchant_refunded_at', 'buyer_received_at', 'closed_at', 'finished_at'],
  dateColumn: 'applied_at',
  // The negotiation log quotes the buyer verbatim (phones, addresses): never stored.
  neverStored: ['协商记录'],
  hasDescriptionRow: false,
};
