/*
 * The 店铺健康 screen's strings, joined into the app locales as `health.*` (one line each in
 * locales/zh-CN.ts and en-US.ts). Field names come from the field catalogue
 * (shared/validation/field-specs.ts), so the form, the core and the CLI name a field alike.
 */
export const healthZh = {
  title: '店铺健康',
  intro: '每天花 30 秒，把抖店后台“商家体验分”和“电商罗盘”里只有平台才有的数字记下来，看走势、早预警。',
  entry: {
    title: '记一笔',
    date: '日期',
    scores: '分数',
    traffic: '流量和服务',
    save: '保存',
    saved: '已保存 {{date}} 的记录',
    replaced: '已替换 {{date}} 的记录',
    editing: '这一天已有记录，保存会整条替换。',
  },
  warnings: {
    title: '预警',
    none: '没有预警：DSR、好评率和现货占比都在线上。',
    dsr: 'DSR {{value}} 低于 {{threshold}}（{{date}}）：精选联盟要求店铺评分不低于 {{threshold}} 分，达人将不能带货。',
    goodReview: '好评率 {{value}}% 低于 {{threshold}}%（{{date}}）：精选联盟要求近 60 天好评率不低于 {{threshold}}%。',
    spotShare: '近 60 天现货订单占比 {{value}}%，已到 {{threshold}}% 线（截至 {{date}}）：再低将不能使用阶梯发货。',
  },
  spot: {
    title: '近 60 天现货占比',
    value: '{{share}}%（{{spot}} / {{orders}} 单，{{from}} 至 {{to}}）',
    none: '{{from}} 至 {{to}} 没有可计算的订单：请导入含“承诺发货时间”和“支付完成时间”的订单导出。',
    how: '由导入的订单推算：承诺发货时间在支付后 48 小时内的算现货（现货须 48 小时内发货），更晚的算预售或阶梯发货。',
  },
  settings: {
    title: '预警线',
    hint: '默认值来自平台规则：精选联盟要求 DSR ≥ 4.5、好评率 ≥ 80%；阶梯发货在近 60 天现货占比降到 50%–55% 时提醒。平台会调整，可在这里改。',
    save: '保存预警线',
    saved: '预警线已保存',
  },
  charts: {
    title: '走势',
    scores: '分数走势',
    rates: '比率走势（%）',
    traffic: '访客与点击人数',
    dsrLine: 'DSR 预警线',
    goodReviewLine: '好评率预警线',
    png: '导出 PNG',
  },
  table: {
    title: '记录',
    remove: '删除',
    removeConfirm: '删除 {{date}} 的记录？',
    removed: '已删除',
  },
  empty: '还没有记录。每天从抖店后台抄下体验分、DSR、好评率和流量，30 秒就够。',
  loadFailed: '店铺健康记录没有载入',
};

export const healthEn: typeof healthZh = {
  title: 'Shop health',
  intro: 'Thirty seconds a day: copy the figures only the platform shows (the experience score page and the data compass) to see trends and get warned early.',
  entry: {
    title: 'Today’s entry',
    date: 'Date',
    scores: 'Scores',
    traffic: 'Traffic and service',
    save: 'Save',
    saved: 'Saved the entry of {{date}}',
    replaced: 'Replaced the entry of {{date}}',
    editing: 'This day already has an entry; saving replaces it whole.',
  },
  warnings: {
    title: 'Warnings',
    none: 'No warnings: DSR, good-review rate and spot share are above their lines.',
    dsr: 'DSR {{value}} is below {{threshold}} ({{date}}): the affiliate marketplace requires a shop rating of at least {{threshold}}; influencers can no longer sell your products.',
    goodReview: 'Good-review rate {{value}}% is below {{threshold}}% ({{date}}): the affiliate marketplace requires a 60-day good-review rate of at least {{threshold}}%.',
    spotShare: 'Spot orders are {{value}}% of the last 60 days, at the {{threshold}}% line (through {{date}}): any lower and stepped shipping is no longer allowed.',
  },
  spot: {
    title: 'Spot share, last 60 days',
    value: '{{share}}% ({{spot}} / {{orders}} orders, {{from}} to {{to}})',
    none: 'No orders to count from {{from}} to {{to}}: import an order export with the promised ship time and the payment time.',
    how: 'Inferred from the imported orders: a promised ship time within 48 hours of payment counts as spot (spot goods must ship within 48 hours); later ones as pre-sale or stepped shipping.',
  },
  settings: {
    title: 'Warning lines',
    hint: 'The defaults are the platform’s rules: the affiliate marketplace requires DSR ≥ 4.5 and a good-review rate ≥ 80 %; stepped shipping warns when the 60-day spot share falls to 50–55 %. The platform changes them: edit them here.',
    save: 'Save the lines',
    saved: 'Warning lines saved',
  },
  charts: {
    title: 'Trends',
    scores: 'Scores',
    rates: 'Rates (%)',
    traffic: 'Visitors and clickers',
    dsrLine: 'DSR line',
    goodReviewLine: 'Good-review line',
    png: 'Export PNG',
  },
  table: {
    title: 'Entries',
    remove: 'Remove',
    removeConfirm: 'Remove the entry of {{date}}?',
    removed: 'Removed',
  },
  empty: 'No entries yet. Copy the experience score, DSR, good-review rate and traffic from the back office each day: thirty seconds is enough.',
  loadFailed: 'The shop-health log did not load',
};
