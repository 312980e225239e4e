/*
 * The 利润 screen's strings, joined into the app locales as `profit.*` (one line each in
 * locales/zh-CN.ts and en-US.ts).
 */
export const profitZh = {
  title: '利润',
  intro: '按支付日期：收入、采购成本、佣金、平台服务费和售后损失，来自采购里每笔订单的利润。没有实录采购金额的按选品成本估算。',
  range: '支付日期',
  byDay: '按天',
  byProduct: '按商品',
  coverage: '有实录采购成本的订单：{{recorded}} / {{orders}}（{{share}}）',
  coverageNone: '这个日期范围内没有订单',
  afterSalesNone: '还没有导入售后单导出：售后损失按 0 计算。',
  chart: '每天的收入、成本和利润',
  png: '导出 PNG',
  csv: '导出 CSV',
  series: { revenue: '收入', cost: '采购成本', commission: '佣金', fees: '平台服务费', afterSales: '售后损失', profit: '利润' },
  columns: { date: '日期', product: '商品', quantity: '件数', orders: '订单', withCost: '实录成本', revenue: '收入', cost: '采购成本', commission: '佣金', fees: '平台服务费', afterSales: '售后损失', supplierRefund: '供应商退款', profit: '利润', basis: '依据' },
  basis: { recorded: '实录', estimated: '估算', missing: '缺数据' },
  total: '合计',
  empty: '这段时间没有已支付的订单。请先在“导入数据”导入抖店的订单导出，再记下采购金额。',
  importNow: '去导入',
  loadFailed: '利润没有载入',
};

export const profitEn: typeof profitZh = {
  title: 'Profit',
  intro: 'By payment date: revenue, purchase cost, commission, platform fees and after-sales losses, from each order’s profit in purchases. Orders without a recorded purchase amount use the sourcing cost as an estimate.',
  range: 'Paid on',
  byDay: 'By day',
  byProduct: 'By product',
  coverage: 'Orders with a recorded purchase cost: {{recorded}} / {{orders}} ({{share}})',
  coverageNone: 'No orders in this date range',
  afterSalesNone: 'No after-sales export imported yet: after-sales losses count as 0.',
  chart: 'Revenue, costs and profit per day',
  png: 'Export PNG',
  csv: 'Export CSV',
  series: { revenue: 'Revenue', cost: 'Purchase cost', commission: 'Commission', fees: 'Platform fees', afterSales: 'After-sales losses', profit: 'Profit' },
  columns: { date: 'Date', product: 'Product', quantity: 'Units', orders: 'Orders', withCost: 'Recorded cost', revenue: 'Revenue', cost: 'Purchase cost', commission: 'Commission', fees: 'Platform fees', afterSales: 'After-sales', supplierRefund: 'Supplier refunds', profit: 'Profit', basis: 'Basis' },
  basis: { recorded: 'recorded', estimated: 'estimated', missing: 'missing' },
  total: 'Total',
  empty: 'No paid orders in this period. Import a Douyin shop order export under “Import data” first, then record the purchase amounts.',
  importNow: 'Import now',
  loadFailed: 'The profit view did not load',
};
