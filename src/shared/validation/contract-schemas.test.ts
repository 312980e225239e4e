import { describe, expect, it } from 'vitest';
import { methodSchemas, type Method } from '../rpc/contract';
import { checkParams } from './issues';
import { validationMessage } from '../i18n/validation-messages';

/*
 * Each typed-in field of the contract, with values it accepts and values it refuses, and what the
 * refusal says. The values are the ones issue 10 found reshaped instead of refused: a deposit of
 * −500, negative costs, commission 150 %, coupon "abc", N −3, fee 250 %, 体验分 9.9, a target of
 * −30 minutes, names past their length, a phone number, a minimum above the maximum.
 */

const product = { title: '冰丝凉席' };
const quota = (min: number, max: number, slots = [{ time: '09:00', count: 3 }]) => ({ quota: { min, max, slots } });
const block = (patch: Record<string, unknown>) => ({ title: '看数据', targetMinutes: 30, weekdays: [1], checklist: [], ...patch });
const address = (patch: Record<string, unknown>) => ({ supplierId: 1, address: { provinceCode: '44', cityCode: '4401', districtCode: '440106', street: '天河路 1 号', recipient: '王五', phone: '020-1234 5678', ...patch } });

type Row = [label: string, method: Method, params: unknown, refused: null | { path: string; zh: string; en: string }];

const ROWS: Row[] = [
  ['a product with a title', 'products.create', product, null],
  ['an empty product', 'products.create', {}, { path: 'title', zh: '请填写商品标题', en: 'Product title is required' }],
  ['a blank title', 'products.create', { title: '   ' }, { path: 'title', zh: '请填写商品标题', en: 'Product title is required' }],
  ['a 200-character title', 'products.create', { title: '品'.repeat(200) }, null],
  ['a 201-character title', 'products.create', { title: '品'.repeat(201) }, { path: 'title', zh: '商品标题最多 200 个字', en: 'Product title can be at most 200 characters' }],
  ['a negative cost', 'products.create', { ...product, costFen: -100 }, { path: 'costFen', zh: '进货价应在 ¥0–¥10,000,000 之间', en: 'Cost must be between ¥0 and ¥10,000,000' }],
  ['a negative price', 'products.update', { id: 1, patch: { plannedPriceFen: -3990 } }, { path: 'patch.plannedPriceFen', zh: '计划售价应在 ¥0–¥10,000,000 之间', en: 'Planned price must be between ¥0 and ¥10,000,000' }],
  ['a price with three decimals', 'products.create', { ...product, plannedPriceFen: 3999.9 }, { path: 'plannedPriceFen', zh: '计划售价最多两位小数', en: 'Planned price can have at most 2 decimal places' }],
  ['commission 100 %', 'products.create', { ...product, commissionBp: 10_000 }, null],
  ['commission 150 %', 'products.create', { ...product, commissionBp: 15_000 }, { path: 'commissionBp', zh: '佣金比例应在 0–100% 之间', en: 'Commission must be between 0 and 100%' }],
  ['coupon "abc" (NaN from the form)', 'products.create', { ...product, couponFen: Number.NaN }, { path: 'couponFen', zh: '优惠券应为数字', en: 'Coupon must be a number' }],
  ['a product ID with letters', 'products.create', { ...product, douyinProductId: '36x' }, { path: 'douyinProductId', zh: '抖店商品ID只能是数字，最多 30 位', en: 'Douyin product ID must be digits only, at most 30' }],
  ['a 41-character tag', 'products.create', { ...product, audienceTags: ['签'.repeat(41)] }, { path: 'audienceTags.0', zh: '人群标签最多 40 个字', en: 'Audience tag can be at most 40 characters' }],
  ['a capture price below 0', 'products.capture', { text: 'https://x.cn/1', priceFen: -1 }, { path: 'priceFen', zh: '进货价应在 ¥0–¥10,000,000 之间', en: 'Cost must be between ¥0 and ¥10,000,000' }],
  ['a quota 10–30', 'sourcing.setQuota', quota(10, 30), null],
  ['a quota 50 > 5', 'sourcing.setQuota', quota(50, 5), { path: 'quota.max', zh: '每日最多上架数不能小于每日最少上架数', en: 'Daily maximum must not be less than daily minimum' }],
  ['a quota of 0', 'sourcing.setQuota', quota(0, 5), { path: 'quota.min', zh: '每日最少上架数应在 1–200 个之间', en: 'Daily minimum must be between 1 and 200' }],
  ['a slot at 25:00', 'sourcing.setQuota', quota(10, 30, [{ time: '25:00', count: 3 }]), { path: 'quota.slots.0.time', zh: '时段时间应为 HH:MM 格式的时间，如 09:30', en: 'Slot time must be a time as HH:MM, e.g. 09:30' }],
  ['two slots at 09:00', 'sourcing.setQuota', quota(10, 30, [{ time: '09:00', count: 3 }, { time: '09:00', count: 3 }]), { path: 'quota.slots.1.time', zh: '时段时间不能重复', en: 'Slot time must not repeat' }],
  ['a 101-character CSV source', 'sourcing.csvPreview', { kind: 'products', source: '源'.repeat(101), dataBase64: 'YQ==' }, { path: 'source', zh: '来源名称最多 100 个字', en: 'Source name can be at most 100 characters' }],
  ['a 201-character search', 'products.list', { search: '搜'.repeat(201) }, { path: 'search', zh: '搜索内容最多 200 个字', en: 'Search text can be at most 200 characters' }],
  ['a supplier', 'suppliers.create', { name: '义乌小商品' }, null],
  ['a 201-character supplier name', 'suppliers.create', { name: '商'.repeat(201) }, { path: 'name', zh: '供应商名称最多 200 个字', en: 'Supplier name can be at most 200 characters' }],
  ['a cut-off of 4pm', 'suppliers.update', { id: 1, patch: { cutoffTime: '4pm' } }, { path: 'patch.cutoffTime', zh: '截单时间应为 HH:MM 格式的时间（如 16:00），或留空', en: 'Order cut-off must be a time as HH:MM (e.g. 16:00) or empty' }],
  ['a return window of −1 days', 'suppliers.setRules', { id: 1, rules: { noReason7Day: null, postagePayer: null, damagedHandling: '', refusedParcel: '', windowDays: -1, notes: '' } }, { path: 'rules.windowDays', zh: '退货期限应在 0–365 天之间', en: 'Return window must be between 0 and 365 days' }],
  ['an address', 'suppliers.addAddress', address({}), null],
  ['a phone "call me"', 'suppliers.addAddress', address({ phone: 'call me' }), { path: 'address.phone', zh: '收件电话应为 5–20 位数字，可含 +、- 和空格', en: 'Recipient phone must be 5–20 digits (+, - and spaces allowed)' }],
  ['a 51-character recipient', 'suppliers.addAddress', address({ recipient: '王'.repeat(51) }), { path: 'address.recipient', zh: '收件人最多 50 个字', en: 'Recipient can be at most 50 characters' }],
  ['a deposit of ¥500', 'money.addLedgerEntry', { on: '2026-12-01', kind: 'paid', amountFen: 50_000 }, null],
  ['a deposit of −500', 'money.addLedgerEntry', { on: '2026-12-01', kind: 'paid', amountFen: -50_000 }, { path: 'amountFen', zh: '金额应在 ¥0.01–¥10,000,000 之间', en: 'Amount must be between ¥0.01 and ¥10,000,000' }],
  ['a deposit on 2026-02-30', 'money.addLedgerEntry', { on: '2026-02-30', kind: 'paid', amountFen: 100 }, { path: 'on', zh: '日期应为真实的日期，格式 YYYY-MM-DD', en: 'Date must be a real date as YYYY-MM-DD' }],
  ['settlement N 4', 'money.updateProfile', { perOrderDays: 4 }, null],
  ['settlement N −3', 'money.updateProfile', { perOrderDays: -3 }, { path: 'perOrderDays', zh: '结算天数（N）应在 0–60 天之间', en: 'Settlement days N must be between 0 and 60 days' }],
  ['fee 250 %', 'money.updateProfile', { platformFeePercent: 250 }, { path: 'platformFeePercent', zh: '平台服务费比例应在 0–50% 之间', en: 'Platform fee must be between 0 and 50%' }],
  ['体验分 4.8', 'money.updateProfile', { experienceScore: 4.8 }, null],
  ['体验分 9.9', 'money.updateProfile', { experienceScore: 9.9 }, { path: 'experienceScore', zh: '体验分应在 0–5 之间', en: 'Experience score must be between 0 and 5' }],
  ['a 41-character category', 'money.updateProfile', { categories: ['类'.repeat(41)] }, { path: 'categories.0', zh: '类目最多 40 个字', en: 'Category can be at most 40 characters' }],
  ['a deposit rate of −1', 'money.setDepositRate', { entity: 'individual', category: '服饰内衣', amountFen: -100 }, { path: 'amountFen', zh: '保证金金额应在 ¥0–¥10,000,000 之间', en: 'Deposit amount must be between ¥0 and ¥10,000,000' }],
  ['a block of 30 minutes', 'routine.saveBlock', block({}), null],
  ['a target of −30 minutes', 'routine.saveBlock', block({ targetMinutes: -30 }), { path: 'targetMinutes', zh: '目标时长应在 1–600 分钟之间', en: 'Target time must be between 1 and 600 minutes' }],
  ['a target of 12.5 minutes', 'routine.saveBlock', block({ targetMinutes: 12.5 }), { path: 'targetMinutes', zh: '目标时长应为整数', en: 'Target time must be a whole number' }],
  ['a 41-character block name', 'routine.saveBlock', block({ title: '名'.repeat(41) }), { path: 'title', zh: '名称最多 40 个字', en: 'Name can be at most 40 characters' }],
  ['an empty checklist item', 'routine.saveBlock', block({ checklist: [{ text: ' ' }] }), { path: 'checklist.0.text', zh: '请填写清单项', en: 'Checklist item is required' }],
  ['idle after 0 minutes', 'routine.updateSettings', { idleMinutes: 0 }, { path: 'idleMinutes', zh: '离开多久后询问应在 1–240 分钟之间', en: 'Ask after being away must be between 1 and 240 minutes' }],
  ['ship-due in 100 hours', 'reminders.updateSettings', { shipDueHours: 100 }, { path: 'shipDueHours', zh: '发货提醒时限应在 1–72 小时之间', en: 'Ship-due window must be between 1 and 72 hours' }],
  // 看数据 (issue 12): the note, the flag thresholds, the range.
  ['a period note', 'analytics.setNote', { granularity: 'week', date: '2026-08-03', text: '直播带货' }, null],
  ['a 201-character note', 'analytics.setNote', { granularity: 'week', date: '2026-08-03', text: '注'.repeat(201) }, { path: 'text', zh: '时段备注最多 200 个字', en: 'Period note can be at most 200 characters' }],
  ['a blank note', 'analytics.setNote', { granularity: 'day', date: '2026-08-03', text: '  ' }, { path: 'text', zh: '请填写时段备注', en: 'Period note is required' }],
  ['a note on 2026-02-30', 'analytics.setNote', { granularity: 'day', date: '2026-02-30', text: '活动' }, { path: 'date', zh: '备注日期应为真实的日期，格式 YYYY-MM-DD', en: 'Note date must be a real date as YYYY-MM-DD' }],
  ['a hit share of 150 %', 'analytics.updateSettings', { hitSharePercent: 150, hitRisePercent: 10, dropFallPercent: 30, dropMinOrders: 10 }, { path: 'hitSharePercent', zh: '爆款订单占比应在 0–100% 之间', en: 'Hit: share of orders must be between 0 and 100%' }],
  ['a drop after 0 orders', 'analytics.updateSettings', { hitSharePercent: 20, hitRisePercent: 10, dropFallPercent: 30, dropMinOrders: 0 }, { path: 'dropMinOrders', zh: '下滑最少订单数应在 1–1,000,000 个之间', en: 'Drop: minimum orders before must be between 1 and 1,000,000' }],
  ['a range ending before it starts', 'analytics.breakdown', { from: '2026-08-31', to: '2026-08-01', dimension: 'product' }, { path: 'to', zh: '结束日期不能小于开始日期', en: 'End date must not be less than start date' }],
  ['a range ending on 2026-13-01', 'analytics.volume', { from: '2026-08-01', to: '2026-13-01' }, { path: 'to', zh: '结束日期应为真实的日期，格式 YYYY-MM-DD', en: 'End date must be a real date as YYYY-MM-DD' }],
  ['an influencer', 'influencers.create', { nickname: '小美好物', douyinId: '7592255573464597541', fans: 12_000 }, null],
  ['an influencer without a nickname', 'influencers.create', { nickname: ' ' }, { path: 'nickname', zh: '请填写达人昵称', en: 'Influencer nickname is required' }],
  ['a 达人ID with letters', 'influencers.create', { nickname: '小美', douyinId: '75922x' }, { path: 'douyinId', zh: '达人ID只能是数字，最多 30 位', en: 'Influencer ID must be digits only, at most 30' }],
  ['−5 followers', 'influencers.update', { id: 1, patch: { fans: -5 } }, { path: 'patch.fans', zh: '粉丝数应在 0–2,000,000,000 个之间', en: 'Followers must be between 0 and 2,000,000,000' }],
  ['a contact without what was said', 'influencers.addContact', { influencerId: 1, on: '2026-12-06', channel: 'wechat', note: '' }, { path: 'note', zh: '请填写沟通内容', en: 'What was said is required' }],
  ['a daily goal of 0', 'influencers.updateSettings', { dailyGoal: 0 }, { path: 'dailyGoal', zh: '每日新增达人目标应在 1–500 个之间', en: 'Daily new influencers goal must be between 1 and 500' }],
  ['a sample freight of −8', 'samples.create', { influencerId: 1, productTitle: '凉席', freightFen: -800 }, { path: 'freightFen', zh: '寄样运费应在 ¥0–¥10,000,000 之间', en: 'Sample freight must be between ¥0 and ¥10,000,000' }],
  ['a sample sent on 2026-02-30', 'samples.move', { id: 1, to: 'sent', on: '2026-02-30' }, { path: 'on', zh: '日期应为真实的日期，格式 YYYY-MM-DD', en: 'Date must be a real date as YYYY-MM-DD' }],
];

describe('contract schemas accept good values and refuse bad ones with a field-level message', () => {
  it.each(ROWS)('%s', (_label, method, params, refused) => {
    const result = checkParams(methodSchemas[method], params);
    if (refused === null) {
      expect(result.ok).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.path === refused.path);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    if (!issue) return;
    expect(validationMessage(issue, 'zh-CN')).toBe(refused.zh);
    expect(validationMessage(issue, 'en-US')).toBe(refused.en);
    expect(issue.message).toBe(refused.en);
  });

  it('never reshapes an accepted value (no clamping, no rounding)', () => {
    const result = checkParams(methodSchemas['products.create'], { title: '凉席', commissionBp: 10_000, costFen: 0, couponFen: 1 });
    expect(result).toEqual({ ok: true, value: { title: '凉席', commissionBp: 10_000, costFen: 0, couponFen: 1 } });
  });
});
