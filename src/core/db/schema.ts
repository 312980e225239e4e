import type { Generated } from 'kysely';

/**
 * The database as kysely sees it: one interface per table, typed to what better-sqlite3 returns.
 * Money is integer fen, platform IDs are TEXT, instants are ISO TEXT.
 */
export interface SettingsTable {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: string;
}

/** One imported file (or zip member). Counts describe what its import did; `undone` keeps the record. */
export interface ImportsTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  kind: 'orders' | 'funds' | 'settlement' | 'aftersales';
  layout: string;
  encoding: string;
  /** Unix seconds from the file name's prefix. */
  export_time: number | null;
  imported_at: string;
  lines: number;
  inserted: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  skipped_older: number;
  skipped_with_issues: number;
  date_from: string | null;
  date_to: string | null;
  status: 'done' | 'undone';
  undone_at: string | null;
}

/** The orders report's per-day summary (src/core/reports/order-report-days.ts). */
export interface OrderReportDaysTable {
  dimension: 'day' | 'product' | 'province' | 'status' | 'source' | 'watched' | 'influencer' | 'influencerName' | 'spotPaid' | 'spotLater';
  /** China date `YYYY-MM-DD`, or '' for lines without 订单提交时间. */
  day: string;
  key: string;
  orders: number;
  lines: number;
  amount_fen: number;
}

/** The orders desk's count of every line and order (migration 0014, src/core/orders/desk-summaries.ts). */
export interface OrderDeskTotalsTable {
  id: number;
  lines: number;
  orders: number;
  /** The order data the two numbers were counted on (imports of kind orders and their state, newest line). */
  data_key: string;
}

/** The shipping queue's paid unshipped lines (src/core/orders/ship-queue.ts, migration 0017). */
export interface ShipQueueLinesTable {
  sub_order_id: string;
  order_id: string;
  day: string;
  /** 1: lineStage toShip; 0: refundBeforeShip. */
  to_ship: number;
  ship_by_ms: number | null;
}

/** The shipping queue per order with an unshipped line (src/core/orders/ship-queue.ts, migration 0017). */
export interface ShipQueueOrdersTable {
  order_id: string;
  day: string;
  ship_by_ms: number | null;
  to_ship_lines: number;
  refund_lines: number;
  product_title: string | null;
}

/** Per submitted day, the lines whose current 售后状态 is open (src/core/orders/ship-queue.ts, migration 0017). */
export interface ShipQueueDaysTable {
  day: string;
  aftersales_open: number;
}

/** 看数据's per-day summary on the paid and refund bases (src/core/reports/analytics-days.ts). */
export interface OrderAnalyticsDaysTable {
  basis: 'paid' | 'refund';
  dimension: string;
  /** China date on the basis, or '' for a line without any time. */
  at_day: string;
  key: string;
  /** China date of 订单提交时间 (the unit imports and undos rebuild), or ''. */
  day: string;
  orders: number;
  lines: number;
  amount_fen: number;
}

/** The 利润 view's order-derived sums per submitted day and paid day (src/core/reports/profit-days.ts). */
export interface OrderProfitDaysTable {
  /** China date of 订单提交时间 (the unit imports and undos rebuild), or ''. */
  day: string;
  /** China date of 支付完成时间, else 订单提交时间. */
  paid_day: string;
  seq: number;
  product_id: string;
  sku_code: string;
  product_title: string | null;
  affiliate: number;
  payable_fen: number;
  recorded_commission: number;
  recorded_fee: number;
  lines: number;
  quantity: number;
  cost_units: number;
  revenue_fen: number;
  commission_fen: number;
  fee_fen: number;
  refund_fen: number;
  orders_in_day: number;
  orders_in_product: number;
}

export interface AnalyticsNotesTable {
  granularity: 'day' | 'week' | 'month';
  period: string;
  text: string;
  updated_at: string;
}

/** A data row's values before an import changed it (JSON object of every column), for undo. */
export interface RowHistoryTable {
  import_id: number;
  table_name: string;
  row_key: string;
  previous: string;
  previous_import_id: number;
}

/*
 * The imported exports (migration 0002). Datetimes are `YYYY-MM-DD HH:MM:SS` Beijing time.
 */
export interface OrderLinesTable {
  sub_order_id: string;
  order_id: string;
  product_id: string | null;
  product_title: string | null;
  product_spec: string | null;
  sku_code: string | null;
  item_code: string | null;
  quantity: number | null;
  unit_price_fen: number | null;
  payable_fen: number | null;
  freight_fen: number | null;
  discount_total_fen: number | null;
  platform_discount_fen: number | null;
  merchant_discount_fen: number | null;
  influencer_discount_fen: number | null;
  price_change_fen: number | null;
  payment_discount_fen: number | null;
  red_packet_fen: number | null;
  markdown_discount_fen: number | null;
  platform_borne_fen: number | null;
  merchant_borne_fen: number | null;
  influencer_borne_fen: number | null;
  fee_fen: number | null;
  payment_method: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  submitted_at: string | null;
  paid_at: string | null;
  completed_at: string | null;
  shipped_at: string | null;
  promised_ship_at: string | null;
  status: string | null;
  aftersale_status: string | null;
  cancel_reason: string | null;
  order_type: string | null;
  app_channel: string | null;
  traffic_source: string | null;
  traffic_type: string | null;
  traffic_format: string | null;
  traffic_channel: string | null;
  ad_channel: string | null;
  influencer_id: string | null;
  influencer_name: string | null;
  flag_colour: string | null;
  seller_note: string | null;
  buyer_note: string | null;
  status_rank: number | null;
  /** JSON object of the file's other columns (header → cleaned text), personal data excluded. */
  extra_json: string;
  export_time: number | null;
  first_import_id: number;
  last_import_id: number;
  /**
   * Migration 0007: a VIRTUAL generated column (never written): the ship-by instant in epoch ms
   * (`shipByMs`), or 10^16 for a line without any time.
   */
  ship_by_key: Generated<number>;
  /**
   * Migration 0014: the after-sales export's latest request's 售后状态 for this line (null: none),
   * kept by every import and undo (src/core/orders/desk-summaries.ts). Current state =
   * coalesce(aftersale_latest, aftersale_status).
   */
  aftersale_latest: Generated<string | null>;
  /**
   * Migration 0015: one-way key of the masked recipient + phone + 省/市/区 (imports/buyer-key.ts), for the
   * repeat-buyer estimate; null for lines imported before it or from an export without those columns.
   */
  buyer_key: string | null;
}

/** The seller's own notes on a 主订单 (migration 0007); instants are ISO UTC text. */
export interface OrderNotesTable {
  id: Generated<number>;
  order_id: string;
  text: string;
  created_at: string;
  updated_at: string;
}

export interface FundsFlowsTable {
  flow_id: string;
  flow_at: string | null;
  direction: string;
  amount_fen: number;
  account: string | null;
  scene: string | null;
  billing_type: string | null;
  sub_order_id: string | null;
  order_id: string | null;
  aftersale_id: string | null;
  ordered_at: string | null;
  product_id: string | null;
  product_title: string | null;
  influencer_id: string | null;
  influencer_name: string | null;
  order_type: string | null;
  order_paid_fen: number | null;
  freight_paid_fen: number | null;
  platform_freight_subsidy_fen: number | null;
  platform_subsidy_fen: number | null;
  other_platform_subsidy_fen: number | null;
  trade_in_fen: number | null;
  gov_subsidy_fen: number | null;
  influencer_subsidy_fen: number | null;
  douyin_pay_subsidy_fen: number | null;
  douyin_monthly_subsidy_fen: number | null;
  bank_subsidy_fen: number | null;
  refund_fen: number | null;
  platform_fee_fen: number | null;
  commission_fen: number | null;
  provider_commission_fen: number | null;
  channel_share_fen: number | null;
  recruiter_fee_fen: number | null;
  offsite_promo_fen: number | null;
  other_share_fen: number | null;
  commission_free: string | null;
  commission_free_fen: number | null;
  merchant_entity: string | null;
  balance_fen: number | null;
  note: string | null;
  signed_amount_fen: number | null;
  source_layout: string;
  /** JSON object of the file's other columns (header → cleaned text), personal data excluded. */
  extra_json: string;
  export_time: number | null;
  first_import_id: number;
  last_import_id: number;
}

export interface SettlementLinesTable {
  settled_at: string;
  order_id: string | null;
  sub_order_id: string | null;
  amount_fen: number;
  account: string | null;
  settle_type: string | null;
  has_pre_refund: string | null;
  ordered_at: string | null;
  product_id: string | null;
  quantity: number | null;
  business_type: string | null;
  order_type: string | null;
  order_total_fen: number | null;
  goods_total_fen: number | null;
  freight_fen: number | null;
  shop_coupon_fen: number | null;
  pre_refund_fen: number | null;
  platform_subsidy_fen: number | null;
  influencer_subsidy_fen: number | null;
  douyin_pay_subsidy_fen: number | null;
  douyin_monthly_subsidy_fen: number | null;
  buyer_paid_fen: number | null;
  income_total_fen: number | null;
  platform_fee_fen: number | null;
  commission_fen: number | null;
  channel_share_fen: number | null;
  recruiter_fee_fen: number | null;
  offsite_promo_fen: number | null;
  other_share_fen: number | null;
  other_share_note: string | null;
  expense_total_fen: number | null;
  commission_free: string | null;
  commission_free_fen: number | null;
  note: string | null;
  settlement_key: string;
  /** JSON object of the file's other columns (header → cleaned text), personal data excluded. */
  extra_json: string;
  export_time: number | null;
  first_import_id: number;
  last_import_id: number;
}

export interface AftersalesTable {
  aftersale_id: string;
  sub_order_id: string;
  order_id: string | null;
  product_title: string | null;
  product_id: string | null;
  payable_fen: number | null;
  freight_fen: number | null;
  pay_discount_fen: number | null;
  tax_fen: number | null;
  ship_state: string | null;
  aftersale_type: string | null;
  refund_goods_fen: number | null;
  refund_freight_fen: number | null;
  refund_pay_discount_fen: number | null;
  refund_tax_fen: number | null;
  status: string | null;
  applied_at: string | null;
  refund_method: string | null;
  reason: string | null;
  reason_tag: string | null;
  return_waybill: string | null;
  return_shipped_at: string | null;
  return_carrier: string | null;
  auto_deadline_at: string | null;
  agreed_at: string | null;
  merchant_refunded_at: string | null;
  buyer_received_at: string | null;
  closed_at: string | null;
  arbitration_status: string | null;
  finished_at: string | null;
  sku_code: string | null;
  buyer_note: string | null;
  merchant_note: string | null;
  /** JSON object of the file's other columns (header → cleaned text), personal data excluded. */
  extra_json: string;
  export_time: number | null;
  first_import_id: number;
  last_import_id: number;
}

/** Migration 0015: this data folder's random key for buyer_key (one row). */
export interface BuyerKeySecretTable {
  id: number;
  secret: Buffer;
  since_version: string;
  created_at: string;
}

export interface Database {
  buyer_key_secret: BuyerKeySecretTable;
  settings: SettingsTable;
  imports: ImportsTable;
  row_history: RowHistoryTable;
  order_lines: OrderLinesTable;
  order_report_days: OrderReportDaysTable;
  order_desk_totals: OrderDeskTotalsTable;
  ship_queue_lines: ShipQueueLinesTable;
  ship_queue_orders: ShipQueueOrdersTable;
  ship_queue_days: ShipQueueDaysTable;
  funds_flows: FundsFlowsTable;
  settlement_lines: SettlementLinesTable;
  aftersales: AftersalesTable;
  order_notes: OrderNotesTable;
  order_analytics_days: OrderAnalyticsDaysTable;
  order_profit_days: OrderProfitDaysTable;
  analytics_notes: AnalyticsNotesTable;
  analytics_settings: SettingsTable;
}
