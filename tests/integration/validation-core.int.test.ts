import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * Issue 10 through the core as the app and the CLI call it: capture takes a share text's product
 * title (not "淘宝"), editing a routine block keeps today's ticks, and values the forms refuse are
 * refused by the core too, with the field named, and nothing written.
 */
const tempDir = useTempDirs();
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});
const start = async () => (core = await createCore({ dataDir: tempDir(), log: silentLogger, reminderCheckSeconds: 0 }));

describe('quick capture takes the product title of a share text', () => {
  it.each([
    ['淘宝', '【淘宝】7天无理由退货 https://m.tb.cn/h.gHk2Lx9?tk=nTy3W8kQbX2 CZ3457 「夏季冰丝凉席三件套 可水洗折叠空调软席」\n点击链接直接打开 或者 淘宝搜索直接打开', '夏季冰丝凉席三件套 可水洗折叠空调软席'],
    ['1688', '【1688】https://qr.1688.com/s/Ab3dEf9G CZ0001 「跨境冰丝凉席三件套 厂家直销批发」\n点击链接直接打开', '跨境冰丝凉席三件套 厂家直销批发'],
    ['抖音', '【抖音商城】https://v.douyin.com/iRNBho6u/ 夏季冰丝凉席三件套可水洗\n长按复制此条消息，打开抖音搜索，查看商品详情！', '夏季冰丝凉席三件套可水洗'],
    ['a bare link', 'https://detail.1688.com/offer/123.html?spm=a26352', 'detail.1688.com/offer/123.html'],
  ])('%s', async (_platform, text, title) => {
    const c = await start();
    const { product } = await c.call('products.capture', { text });
    expect(product.title).toBe(title);
  });

  it('refuses a title past 200 characters instead of cutting it', async () => {
    const c = await start();
    await expect(c.call('products.capture', { text: `「${'长'.repeat(201)}」 https://m.tb.cn/h.1` })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'text', field: 'productTitle', problem: 'tooLong', message: 'Product title can be at most 200 characters' }] },
    });
    expect(await c.call('products.list', {})).toEqual([]);
  });
});

describe('editing a routine block keeps today\'s ticks', () => {
  it('keeps the ticked items through a change of title, target and item text; a removed item goes', async () => {
    const c = await start();
    const block = (await c.call('routine.definition', {})).blocks[0];
    if (!block) throw new Error('the default routine has blocks');
    const [first, second, third, ...rest] = block.checklist;
    if (!first || !second || !third) throw new Error('the first block has a checklist');
    await c.call('routine.check', { itemId: first.id, checked: true });
    await c.call('routine.check', { itemId: third.id, checked: true });

    // Title, target and the first item's text change; the second item is removed.
    await c.call('routine.saveBlock', {
      key: block.key,
      title: '早上看数据',
      targetMinutes: 45,
      weekdays: block.weekdays,
      checklist: [{ id: first.id, text: '看实时成交' }, { id: third.id, text: third.text }, ...rest.map((i) => ({ id: i.id, text: i.text }))],
    });
    const today = (await c.call('routine.today', {})).blocks.find((b) => b.key === block.key);
    expect(today).toMatchObject({ title: '早上看数据', targetMinutes: 45 });
    expect(today?.checklist.map((i) => [i.id, i.text, i.checked])).toEqual([
      [first.id, '看实时成交', true],
      [third.id, third.text, true],
      ...rest.map((i) => [i.id, i.text, false]),
    ]);

    // Ticking after the edit works on the same items.
    await c.call('routine.check', { itemId: first.id, checked: false });
    const after = (await c.call('routine.today', {})).blocks.find((b) => b.key === block.key);
    expect(after?.checklist.filter((i) => i.checked).map((i) => i.id)).toEqual([third.id]);
  });
});

describe('the core refuses what the forms refuse, and writes nothing', () => {
  it.each([
    ['a deposit of −500', 'money.addLedgerEntry', { on: '2026-12-01', kind: 'paid', amountFen: -50_000 }, 'amountFen', 'Amount must be between ¥0.01 and ¥10,000,000'],
    ['settlement N −3', 'money.updateProfile', { perOrderDays: -3 }, 'perOrderDays', 'Settlement days N must be between 0 and 60 days'],
    ['fee 250 %', 'money.updateProfile', { platformFeePercent: 250 }, 'platformFeePercent', 'Platform fee must be between 0 and 50%'],
    ['体验分 9.9', 'money.updateProfile', { experienceScore: 9.9 }, 'experienceScore', 'Experience score must be between 0 and 5'],
    ['a target of −30 minutes', 'routine.saveBlock', { title: '看数据', targetMinutes: -30, weekdays: [1], checklist: [] }, 'targetMinutes', 'Target time must be between 1 and 600 minutes'],
    ['commission 150 %', 'products.create', { title: '凉席', commissionBp: 15_000 }, 'commissionBp', 'Commission must be between 0 and 100%'],
    ['a quota of 50 > 5', 'sourcing.setQuota', { quota: { min: 50, max: 5, slots: [{ time: '09:00', count: 3 }] } }, 'quota.max', 'Daily maximum must not be less than daily minimum'],
  ] as const)('%s', async (_label, method, params, path, message) => {
    const c = await start();
    const before = { profile: await c.call('money.profile', {}), deposit: await c.call('money.deposit', {}), quota: await c.call('sourcing.quota', {}), definition: await c.call('routine.definition', {}) };
    const refused = c.call(method, params as never);
    await expect(refused).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path, message }] } });
    expect(await c.call('money.profile', {})).toEqual(before.profile);
    expect((await c.call('money.deposit', {})).ledger).toEqual(before.deposit.ledger);
    expect((await c.call('sourcing.quota', {})).quota).toEqual(before.quota.quota);
    expect(await c.call('routine.definition', {})).toEqual(before.definition);
    expect(await c.call('products.list', {})).toEqual([]);
  });
});
