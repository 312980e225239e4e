/*
 * The decline alert's strings, joined into the app locales as `decline.*` (one line each in
 * locales/zh-CN.ts and en-US.ts). What to check comes from seed 000 (商品访客、商品总点击人数、商品点击率、
 * 成交商品数; competitors' 佣金、价格、主图 and campaigns).
 */
export const declineZh = {
  title: '下滑预警',
  dayOverDay: '订单量连续 {{days}} 天环比下滑（{{from}} 至 {{to}}：{{first}} → {{last}} 单）',
  sameWeekday: '订单量连续 {{days}} 天低于往周同日（{{from}} 至 {{to}}；{{to}} 为 {{last}} 单，往周同日平均 {{usual}} 单）',
  ruleDayOverDay: '规则：连续 3 天及以上环比下降，且不是平常的周末回落',
  ruleSameWeekday: '规则：连续 3 天及以上明显低于前几周的同一天（低 10% 以上）',
  advice: '请排查商品访客、点击率和成交件数，再看竞品的价格、佣金、主图和活动。',
  compared: '{{nowFrom}} 至 {{nowTo}} 对比上周同期（{{beforeFrom}} 至 {{beforeTo}}），下降最多的：',
  kinds: { products: '商品', provinces: '省份', sources: '流量来源', influencers: '达人' },
  fellRow: '{{before}} → {{now}} 单',
  noneFell: '无',
  openOrders: '查看订单',
  quiet: '截至 {{through}} 没有下滑：当前连续环比下降 {{days}} 天（3 天及以上且不是平常的周末回落才预警）。',
  loadFailed: '下滑预警没有载入',
};

export const declineEn: typeof declineZh = {
  title: 'Decline watch',
  dayOverDay: 'Orders fell {{days}} days in a row ({{from}} to {{to}}: {{first}} → {{last}})',
  sameWeekday: 'Orders below the usual weekday {{days}} days in a row ({{from}} to {{to}}; {{to}}: {{last}} against a usual {{usual}})',
  ruleDayOverDay: 'Rule: 3 or more day-over-day drops in a row, and not the usual weekend dip',
  ruleSameWeekday: 'Rule: 3 or more days in a row clearly below the same weekday of the previous weeks (over 10% less)',
  advice: 'Check product visitors, click-through rate and units sold, then competitors’ prices, commission, main images and campaigns.',
  compared: '{{nowFrom}} to {{nowTo}} against the same days a week earlier ({{beforeFrom}} to {{beforeTo}}), fell most:',
  kinds: { products: 'Products', provinces: 'Provinces', sources: 'Sources', influencers: 'Influencers' },
  fellRow: '{{before}} → {{now}} orders',
  noneFell: 'none',
  openOrders: 'Open orders',
  quiet: 'No decline through {{through}}: {{days}} day-over-day drops in a row now (an alert needs 3 or more that are not the usual weekend dip).',
  loadFailed: 'The decline watch did not load',
};
