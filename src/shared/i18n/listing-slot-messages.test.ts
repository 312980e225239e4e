import { describe, expect, it } from 'vitest';
import type { Locale } from './error-messages';
import { reminderText } from './reminder-messages';

describe('listing-slot reminder texts: how many to list now, and what is planned', () => {
  it.each<[string, Record<string, string | number>, Locale, { title: string; body: RegExp }]>([
    ['nothing planned (zh)', { slot: '12:00', count: 3, planned: 0, min: 10, max: 30 }, 'zh-CN', { title: '12:00 上新时段：现在上架 3 个商品', body: /还没有计划商品.*挑 3 个.*每天目标 10–30 个/ }],
    ['nothing planned (en)', { slot: '12:00', count: 3, planned: 0, min: 10, max: 30 }, 'en-US', { title: '12:00 listing slot: list 3 products now', body: /Nothing is planned.*pick 3 verified.*daily target 10–30/ }],
    ['two planned (zh)', { slot: '20:00', count: 4, planned: 2, min: 12, max: 20 }, 'zh-CN', { title: '20:00 上新时段：现在上架 4 个商品', body: /已计划 2 个商品.*每天目标 12–20 个/ }],
    ['two planned (en)', { slot: '20:00', count: 4, planned: 2, min: 12, max: 20 }, 'en-US', { title: '20:00 listing slot: list 4 products now', body: /Planned for this slot: 2\..*daily target 12–20/ }],
    ['fired before the quota held the slots (zh)', { slot: '09:00' }, 'zh-CN', { title: '上架时间到了（09:00）', body: /2–5 个/ }],
    ['fired before the quota held the slots (en)', { slot: '09:00' }, 'en-US', { title: 'Time to list products (09:00)', body: /2–5/ }],
  ])('%s', (_name, params, locale, expected) => {
    const text = reminderText('listing.slot', params, locale);
    expect(text.title).toBe(expected.title);
    expect(text.body).toMatch(expected.body);
    expect(text.body).not.toMatch(/\{\w+\}/);
  });
});
