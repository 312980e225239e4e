import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/core/db/migrations/index';
import { dataPaths } from '../../src/core/db/data-paths';
import { createCore, type Core } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { AppError } from '../../src/shared/errors';
import { line, writeExport } from '../helpers/purchase-exports';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * The influencer CRM over imported orders and the sample ledger, through the core. DOUYIN_EXPORTS.md
 * §1.4: "达人ID, 达人昵称 | Influencer who sold the item … Both blank for self-sold / product-card orders."
 */
const tempDir = useTempDirs();
const XM = '7592255573464597541';
const NO_NAME = '1234567890123';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

/** A clock the test moves by hand (China days matter here). */
const clockAt = (iso: string) => {
  let now = new Date(iso);
  return { clock: { now: () => now }, set: (next: string) => (now = new Date(next)) };
};

async function start(iso = '2026-11-20T02:00:00.000Z') {
  const c = clockAt(iso);
  core = await createCore({ dataDir: tempDir(), log: silentLogger, clock: c.clock, reminderCheckSeconds: 0 });
  return { core, files: tempDir(), setTime: c.set };
}

const viaInfluencer = (id: string, name: string | undefined) => ({ 达人ID: id, ...(name === undefined ? {} : { 达人昵称: name }), 流量来源: '精选联盟' });

async function importShop(c: Core, files: string) {
  // The older export: 小美好物 sells two lines of one order and one more; a 达人ID without 达人昵称; a self-sold line.
  await c.call('imports.run', {
    jobId: 'older-export',
    sources: [{ type: 'path', path: writeExport(files, 1788220000, [
      line('6938425630014476219', '6938425630014476219', { ...viaInfluencer(XM, '小美好物'), 订单应付金额: '39.90', 订单提交时间: '2026-10-28 10:00:00' }),
      line('6938425630014476219', '6938425630014476220', { ...viaInfluencer(XM, '小美好物'), 订单应付金额: '10.00', 订单提交时间: '2026-10-28 10:00:00' }),
      line('6938425630014476300', '6938425630014476300', { ...viaInfluencer(NO_NAME, undefined), 订单应付金额: '59.90' }),
      line('6938425630014476400', '6938425630014476400', { 订单应付金额: '49.90' }),
    ]) }],
  });
  // The newer export renames 小美好物 to 小美好物铺 and has a refunded line of hers in November.
  await c.call('imports.run', {
    jobId: 'newer-export',
    sources: [{ type: 'path', path: writeExport(files, 1788300000, [
      line('6938425630014476500', '6938425630014476500', { ...viaInfluencer(XM, '小美好物铺'), 订单应付金额: '29.90', 订单提交时间: '2026-11-10 09:00:00', 订单状态: '已关闭', 售后状态: '退款成功' }),
    ]) }],
  });
}

describe('influencers from imported orders', () => {
  it('every 达人ID is known, with the newest nickname, and sales counted like report orders', async () => {
    const { core: c, files } = await start();
    await importShop(c, files);
    const list = await c.call('influencers.list', {});
    expect(list.map((i) => [i.douyinId, i.nickname, i.source]).sort()).toEqual([
      [NO_NAME, '', 'orders'],
      [XM, '小美好物铺', 'orders'],
    ]);
    const xm = list.find((i) => i.douyinId === XM)!;
    expect(xm.sales).toEqual({ orders: 2, lines: 3, amountFen: 3990 + 1000 + 2990, refundedFen: 2990 });
    expect(list.find((i) => i.douyinId === NO_NAME)!.sales).toEqual({ orders: 1, lines: 1, amountFen: 5990, refundedFen: 0 });

    // The same lines `report orders` puts under 精选联盟; the self-sold line is in neither.
    const report = await c.call('reports.orders', { by: 'source' });
    const affiliate = report.groups.find((g) => g.key === '精选联盟')!;
    const sum = list.reduce((s, i) => ({ orders: s.orders + i.sales.orders, lines: s.lines + i.sales.lines, amountFen: s.amountFen + i.sales.amountFen }), { orders: 0, lines: 0, amountFen: 0 });
    expect(sum).toEqual({ orders: affiliate.orders, lines: affiliate.lines, amountFen: affiliate.amountFen });

    const detail = await c.call('influencers.get', { id: xm.id });
    expect(detail.byMonth.map((r) => [r.key, r.orders, r.lines, r.amountFen, r.refundedFen])).toEqual([['2026-10', 1, 2, 4990, 0], ['2026-11', 1, 1, 2990, 2990]]);
    expect(detail.exportNickname).toBe('小美好物铺');
  });

  it('commission: the product’s expected rate from 选品 when no funds flow is imported', async () => {
    const { core: c, files } = await start();
    await c.call('products.create', { title: '便携榨汁杯', douyinProductId: '3716630085112940216', commissionBp: 2000 });
    await importShop(c, files);
    const xm = (await c.call('influencers.list', {})).find((i) => i.douyinId === XM)!;
    // ⌈3990·20%⌉ + ⌈1000·20%⌉ + ⌈2990·20%⌉
    expect(xm.commission).toEqual({ fen: 798 + 200 + 598, fromFundsLines: 0, estimatedLines: 3, unknownLines: 0 });
  });

  it('a 达人ID entered by hand stays manual and keeps its nickname; the export name is beside it', async () => {
    const { core: c, files } = await start();
    const mine = await c.call('influencers.create', { nickname: '小美', douyinId: XM, stage: 'cooperating', wechat: 'xm_haowu' });
    await importShop(c, files);
    const again = await c.call('influencers.get', { id: mine.id });
    expect(again).toMatchObject({ nickname: '小美', source: 'manual', exportNickname: '小美好物铺', stage: 'cooperating', sales: { orders: 2, lines: 3 } });
    await expect(c.call('influencers.create', { nickname: '别的', douyinId: XM })).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'douyinId', problem: 'duplicate' }] } });
  });
});

describe('the after-import step and the migration', () => {
  it('an import makes its 达人IDs known by itself (influencers.changed)', async () => {
    const { core: c, files } = await start();
    const events: number[][] = [];
    const seen = new Promise<void>((resolve) => {
      c.onEvent((e) => {
        if (e.event !== 'influencers.changed') return;
        events.push((e.payload as { ids: number[] }).ids);
        if (events.flat().length >= 2) resolve();
      });
    });
    await importShop(c, files);
    await seen;
    // Two 达人IDs created by the first import; the second export renamed 小美好物.
    expect(events.flat().length).toBeGreaterThanOrEqual(2);
  });

  it('migration 0012 backfills the 达人IDs imported before it, with the newest export’s nickname', async () => {
    const dataDir = tempDir();
    const files = tempDir();
    // The imports and lines as they were before 0012: imported today (the importer writes today's columns),
    // then copied into a shop at version 11, column by column where both schemas have one.
    const today = tempDir();
    const current = await createCore({ dataDir: today, log: silentLogger, reminderCheckSeconds: 0 });
    await importShop(current, files);
    await current.close();
    const old = await createCore({ dataDir, log: silentLogger, reminderCheckSeconds: 0, migrations: migrations.filter((m) => m.version < 12) });
    await old.close();
    const copy = new Database(dataPaths(dataDir).dbFile);
    copy.prepare('ATTACH ? AS src').run(dataPaths(today).dbFile);
    for (const table of ['imports', 'order_lines']) {
      const names = (schema: string) => (copy.prepare(`SELECT name FROM pragma_table_xinfo(?, ?) WHERE hidden = 0`).pluck().all(table, schema) as string[]);
      const own = new Set(names('main'));
      const columns = names('src').filter((c) => own.has(c)).join(', ');
      copy.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM src.${table}`);
    }
    copy.exec('DETACH src');
    copy.close();
    const upgraded = await createCore({ dataDir, log: silentLogger, reminderCheckSeconds: 0 });
    await upgraded.close();
    const sqlite = new Database(dataPaths(dataDir).dbFile, { readonly: true });
    const rows = sqlite.prepare('SELECT douyin_id, nickname, source, export_nickname FROM influencers ORDER BY douyin_id').all();
    sqlite.close();
    expect(rows).toEqual([
      { douyin_id: NO_NAME, nickname: '', source: 'orders', export_nickname: null },
      { douyin_id: XM, nickname: '小美好物铺', source: 'orders', export_nickname: '小美好物铺' },
    ]);
  });
});

describe('samples', () => {
  it('cost from the cost stack, the 5-day and content-due reminders, 履约率 and ROI in fen', async () => {
    const { core: c, files, setTime } = await start('2026-11-01T02:00:00.000Z');
    const { product } = await c.call('products.create', { title: '便携榨汁杯', costFen: 2350, supplierFreightFen: 500 });
    const xm = await c.call('influencers.create', { nickname: '小美', douyinId: XM });
    const sample = await c.call('samples.create', { influencerId: xm.id, productId: product.id, freightFen: 800 });
    expect(sample).toMatchObject({ productTitle: '便携榨汁杯', costFen: 2850, freightFen: 800, state: 'to_send' });

    // An illegal move is refused, in words naming both states, and nothing changes.
    const refused = await c.call('samples.move', { id: sample.id, to: 'signed' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { zh: '样品不能从「待寄」改为「已签收」（可改为：已寄出）' } });
    expect((await c.call('samples.list', {}))[0]?.state).toBe('to_send');

    await c.call('samples.move', { id: sample.id, to: 'sent', on: '2026-11-01', trackingNo: 'SF0220481613112' });
    // Issue 13: "not signed for 5 days after sending" — due on 11-06 at 09:00 China time, not before.
    setTime('2026-11-05T12:00:00.000Z');
    expect(await c.call('samples.list', { due: true })).toEqual([]);
    setTime('2026-11-06T01:00:00.000Z');
    const due = (await c.call('reminders.due', { locale: 'zh-CN', kinds: ['sample'] })).reminders;
    expect(due.map((r) => [r.kind, r.subject, r.title])).toEqual([['sample', `sample:${sample.id}`, '寄给「小美」的样品 5 天未签收']]);
    expect((await c.call('samples.list', { due: true })).map((s) => s.due)).toEqual([{ rule: 'unsigned', dueOn: '2026-11-06', isLate: true }]);

    await c.call('samples.move', { id: sample.id, to: 'signed', on: '2026-11-06' });
    await c.call('samples.update', { id: sample.id, patch: { contentDueOn: '2026-11-10' } });
    // "content not delivered by its due date": late from the day after.
    setTime('2026-11-11T01:00:00.000Z');
    expect((await c.call('reminders.due', { locale: 'en-US', kinds: ['sample'] })).reminders.map((r) => r.title)).toEqual(['“小美” has not delivered the sample’s content']);

    await c.call('samples.move', { id: sample.id, to: 'content', contentLink: 'https://v.douyin.com/iRNBho6/', on: '2026-11-11' });
    expect((await c.call('reminders.due', { locale: 'en-US', kinds: ['sample'] })).reminders).toEqual([]);

    // Sales since the first sample (11-01): her 11-10 line (29.90), not the October ones.
    await importShop(c, files);
    const after = await c.call('influencers.get', { id: xm.id });
    expect(after).toMatchObject({ samples: { sent: 1, signed: 1, withContent: 1 }, fulfilmentBp: 10_000, sampleCostFen: 3650, salesSinceFirstSampleFen: 2990 });
    // 2990 / 3650 = 0.8191… → 8191 bp (成交金额 / 花费).
    expect(after.roiBp).toBe(8191);
  });

  it('a follow-up date reminds on that day (kind influencer); the daily goal counts China days', async () => {
    const { core: c, setTime } = await start('2026-12-05T15:30:00.000Z'); // 23:30 in China on 12-05
    for (let i = 0; i < 10; i += 1) await c.call('influencers.create', { nickname: `达人${i}` });
    setTime('2026-12-05T16:30:00.000Z'); // 00:30 on 12-06 in China: a new day
    const a = await c.call('influencers.create', { nickname: '晚到的达人' });
    await c.call('influencers.addContact', { influencerId: a.id, on: '2026-12-06', channel: 'wechat', note: '加了微信，发了凉席链接', nextContactOn: '2026-12-08' });
    expect(await c.call('influencers.goal', {})).toMatchObject({ today: '2026-12-06', addedToday: 1, goal: 10, streak: 1, isMet: false });
    await c.call('influencers.updateSettings', { dailyGoal: 1 });
    expect(await c.call('influencers.goal', {})).toMatchObject({ addedToday: 1, goal: 1, streak: 2, isMet: true });
    const status = await c.call('routine.status', {});
    expect(status.influencers).toEqual({ added: 1, goal: 1, streak: 2 });

    setTime('2026-12-08T01:00:00.000Z');
    const due = (await c.call('reminders.due', { locale: 'zh-CN', kinds: ['influencer'] })).reminders;
    expect(due.map((r) => [r.subject, r.title])).toEqual([[`influencer:${a.id}`, '今天跟进达人「晚到的达人」']]);
    expect((await c.call('influencers.list', { followUpDue: true })).map((i) => i.id)).toEqual([a.id]);
  });
});

describe('CSV', () => {
  it('exports formula-safe and imports all rows or none', async () => {
    const { core: c } = await start();
    await c.call('influencers.create', { nickname: '=HYPERLINK("x")', tags: ['美妆'] });
    const { csv } = await c.call('influencers.exportCsv', {});
    expect(csv).toContain("'=HYPERLINK");
    const good = Buffer.from('达人昵称,达人ID,粉丝数,阶段,标签\n小美,7592255573464597541,1.2万,沟通中,美妆、母婴\n阿杰,,3000,added,\n').toString('base64');
    expect(await c.call('influencers.importCsv', { dataBase64: good })).toEqual({ created: 2, updated: 0, rows: 2 });
    const xm = (await c.call('influencers.list', { search: '小美' }))[0]!;
    expect(xm).toMatchObject({ fans: 12_000, stage: 'talking', tags: ['美妆', '母婴'] });
    const bad = Buffer.from('达人昵称,达人ID,粉丝数\n新人,123,100\n,456,abc\n').toString('base64');
    const error = await c.call('influencers.importCsv', { dataBase64: bad }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION' });
    expect(((error as AppError).details?.issues as { path: string }[]).map((i) => i.path)).toEqual(['row 3.nickname', 'row 3.fans']);
    expect((await c.call('influencers.list', { search: '新人' }))).toEqual([]);
  });
});
