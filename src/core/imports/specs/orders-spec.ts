import type { ColumnSpec, KindSpec } from './kind-spec';

/** Layout A, 74 columns, in file order (DOUYIN_EXPORTS.md §1.2), normalised (full-width brackets → ASCII). */
export const ORDERS_LAYOUT_A = [
  '主订单编号', '子订单编号', '选购商品', '商品规格', '商品数量', '商品ID', '商家编码', '商品单价', '订单应付金额', '运费',
  '优惠总金额', '平台优惠', '商家优惠', '达人优惠', '商家改价', '支付优惠', '红包抵扣', '支付方式', '手续费', '收件人',
  '收件人手机号', '省', '市', '区', '街道', '详细地址', '是否修改过地址', '地址修改时段', '买家留言', '订单提交时间',
  '旗帜颜色', '商家备注', '订单完成时间', '支付完成时间', 'APP渠道', '流量来源', '订单状态', '承诺发货时间', '订单类型', '鲁班落地页ID',
  '达人ID', '达人昵称', '所属门店ID', '售后状态', '取消原因', '预约发货时间', '仓库ID', '仓库名称', '序列号', '是否安心购',
  '广告渠道', '流量类型', '流量体裁', '流量渠道', '发货主体', '发货主体明细', '发货时间', '降价类优惠', '平台实际承担优惠金额', '商家实际承担优惠金额',
  '达人实际承担优惠金额', '预计送达时间', '是否平台仓自流转', '车型', '商品69码', '发货SN码', '发货IMEI码1', '发货IMEI码2', '预约送达时间', '建议发货时间(起)',
  '建议发货时间(止)', '物流SN码', '物流IMEI码1', '物流IMEI码2',
] as const;

/** Layout B, 75 columns in a different order. */
export const ORDERS_LAYOUT_B = [
  '主订单编号', '子订单编号', '支付方式', '选购商品', '货号', '商品ID', '商家编码', '商品数量', '商品金额', '订单提交时间',
  '支付完成时间', '订单完成时间', '承诺发货时间', '预约发货时间', '买家留言', '旗帜颜色', '商家备注', 'APP渠道', '订单状态', '取消原因',
  '售后状态', '订单类型', '发货时间', '车型', '是否是以旧换新', '换新额外补贴', '换新额外补贴发放状态', '订单应付金额', '运费', '优惠总金额',
  '平台优惠', '商家优惠', '达人优惠', '商家改价', '支付优惠', '手续费', '红包抵扣', '降价类优惠', '平台实际承担优惠金额', '商家实际承担优惠金额',
  '达人实际承担优惠金额', '收件人', '收件人手机号', '省', '市', '区', '街道', '详细地址', '是否修改过地址', '快递信息',
  '序列号', '达人ID', '达人昵称', '拼团订单团编号', '商品单价是否含税', '税费', '鲁班落地页ID', '所属门店ID', '流量来源', '仓库ID',
  '仓库名称', '是否安心购', '广告渠道', '流量类型', '流量体裁', '流量渠道', '发货主体', '发货主体明细', '教育优惠', '预计送达时间',
  '是否平台仓自流转', '是否是渠道商品', '预约送达时间', '建议发货时间(起)', '建议发货时间(止)',
] as const;

const columns: ColumnSpec[] = [
  { column: 'sub_order_id', headers: ['子订单编号'], type: 'id', required: true },
  { column: 'order_id', headers: ['主订单编号'], type: 'id', required: true },
  { column: 'product_id', headers: ['商品ID'], type: 'id' },
  // 商品名称 is the 2022 name of 选购商品.
  { column: 'product_title', headers: ['选购商品', '商品名称'], type: 'text' },
  { column: 'product_spec', headers: ['商品规格'], type: 'text' },
  { column: 'sku_code', headers: ['商家编码'], type: 'text' },
  { column: 'item_code', headers: ['货号'], type: 'text' },
  { column: 'quantity', headers: ['商品数量'], type: 'int' },
  // Layout B calls the unit price 商品金额.
  { column: 'unit_price_fen', headers: ['商品单价', '商品金额'], type: 'money' },
  { column: 'payable_fen', headers: ['订单应付金额'], type: 'money' },
  { column: 'freight_fen', headers: ['运费'], type: 'money' },
  { column: 'discount_total_fen', headers: ['优惠总金额'], type: 'money-lenient' },
  { column: 'platform_discount_fen', headers: ['平台优惠'], type: 'money-lenient' },
  { column: 'merchant_discount_fen', headers: ['商家优惠'], type: 'money-lenient' },
  { column: 'influencer_discount_fen', headers: ['达人优惠'], type: 'money-lenient' },
  { column: 'price_change_fen', headers: ['商家改价'], type: 'money-lenient' },
  { column: 'payment_discount_fen', headers: ['支付优惠'], type: 'money-lenient' },
  { column: 'red_packet_fen', headers: ['红包抵扣'], type: 'money-lenient' },
  { column: 'markdown_discount_fen', headers: ['降价类优惠'], type: 'money-lenient' },
  { column: 'platform_borne_fen', headers: ['平台实际承担优惠金额'], type: 'money-lenient' },
  { column: 'merchant_borne_fen', headers: ['商家实际承担优惠金额'], type: 'money-lenient' },
  { column: 'influencer_borne_fen', headers: ['达人实际承担优惠金额'], type: 'money-lenient' },
  { column: 'fee_fen', headers: ['手续费'], type: 'money-lenient' },
  { column: 'payment_method', headers: ['支付方式'], type: 'text' },
  { column: 'province', headers: ['省'], type: 'text' },
  { column: 'city', headers: ['市'], type: 'text' },
  { column: 'district', headers: ['区'], type: 'text' },
  { column: 'submitted_at', headers: ['订单提交时间'], type: 'datetime' },
  { column: 'paid_at', headers: ['支付完成时间'], type: 'datetime-lenient' },
  { column: 'completed_at', headers: ['订单完成时间'], type: 'datetime-lenient' },
  { column: 'shipped_at', headers: ['发货时间'], type: 'datetime-lenient' },
  { column: 'promised_ship_at', headers: ['承诺发货时间'], type: 'datetime-lenient' },
  { column: 'status', headers: ['订单状态'], type: 'text' },
  { column: 'aftersale_status', headers: ['售后状态'], type: 'text' },
  { column: 'cancel_reason', headers: ['取消原因'], type: 'text' },
  { column: 'order_type', headers: ['订单类型'], type: 'text' },
  { column: 'app_channel', headers: ['APP渠道'], type: 'text' },
  { column: 'traffic_source', headers: ['流量来源'], type: 'text' },
  { column: 'traffic_type', headers: ['流量类型'], type: 'text' },
  { column: 'traffic_format', headers: ['流量体裁'], type: 'text' },
  { column: 'traffic_channel', headers: ['流量渠道'], type: 'text' },
  { column: 'ad_channel', headers: ['广告渠道'], type: 'text' },
  { column: 'influencer_id', headers: ['达人ID'], type: 'id' },
  { column: 'influencer_name', headers: ['达人昵称'], type: 'text' },
  { column: 'flag_colour', headers: ['旗帜颜色'], type: 'text' },
  { column: 'seller_note', headers: ['商家备注'], type: 'text' },
  { column: 'buyer_note', headers: ['买家留言'], type: 'text' },
];

/** 抖店 order export, 商品维度: one line per 子订单编号. */
export const ORDERS_SPEC: KindSpec = {
  kind: 'orders',
  table: 'order_lines',
  hints: ['主订单编号', '子订单编号', '订单应付金额', '订单提交时间', '选购商品', '商品名称', '商品ID', '订单状态', '商品数量'],
  requiredHeaders: [['主订单编号'], ['子订单编号'], ['订单应付金额']],
  layouts: [
    { name: 'orders-layout-a', headers: ORDERS_LAYOUT_A },
    { name: 'orders-layout-b', headers: ORDERS_LAYOUT_B },
  ],
  fallbackLayout: 'orders-custom',
  columns,
  derived: ['status_rank', 'buyer_key'],
  keyColumns: ['sub_order_id'],
  eventColumns: ['submitted_at', 'paid_at', 'completed_at', 'shipped_at'],
  dateColumn: 'submitted_at',
  // Masked or encrypted recipient data: of no use to the shop owner's analysis and personal data.
  neverStored: ['收件人', '收件人手机号', '详细地址'],
  // Only a keyed one-way hash of these, for the repeat-buyer estimate (migration 0015, buyer-key.ts).
  buyerKey: { who: ['收件人', '收件人手机号'], place: ['省', '市', '区'] },
  hasDescriptionRow: false,
};
