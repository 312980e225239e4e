import { afterEach, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/shared/clock';
import { createCore, type Core } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

async function start(at: string, dataDir = tempDir()) {
  const clock = new AdjustableClock();
  clock.set(new Date(at));
  core = await createCore({ dataDir, log: silentLogger, testingClock: clock });
  return { core, clock, dataDir };
}

const SEEDED_2026 = ['2026 抖音年货节', '2026 三八女神节', '2026 618 好物节', '2026 818 新潮好物节', '2026 七夕节', '2026 双11 好物节', '2026 双12 好物年终盛典'];

/** The product of cost-stack.test.ts: cost ¥20 + freight ¥3, 20% / 5% / 3%; break-even ¥31.95, ¥37.13 keeps the 10% target. */
async function typicalProduct(c: Core) {
  const { product } = await c.call('products.create', { title: '冰丝凉席三件套', costFen: 2000, supplierFreightFen: 300, plannedPriceFen: 4990, commissionBp: 2000, platformFeeBp: 500, returnAllowanceBp: 300, targetMarginBp: 1000 });
  return product;
}

describe('campaigns through the core', () => {
  it('seeds the year’s platform calendar once, with estimated dates; a deleted seed stays deleted', async () => {
    const { core } = await start('2026-05-01T02:00:00.000Z');
    const first = await core.call('campaigns.list', {});
    expect(first.map((c) => c.name)).toEqual(SEEDED_2026);
    expect(first.every((c) => c.origin === 'platform' && c.datesEstimated && c.status === 'planned' && c.seedKey !== null)).toBe(true);
    const again = await core.call('campaigns.list', {});
    expect(again.map((c) => c.id)).toEqual(first.map((c) => c.id));
    const women = first.find((c) => c.seedKey === 'women');
    expect(await core.call('campaigns.remove', { id: women?.id ?? 0 })).toEqual({ removed: true });
    expect((await core.call('campaigns.list', {})).map((c) => c.seedKey)).not.toContain('women');
    // Next year's estimates come when the seller looks at it; past years are not invented.
    expect((await core.call('campaigns.list', { year: 2027 })).map((c) => c.name)).toContain('2027 双11 好物节');
    expect(await core.call('campaigns.list', { year: 2025 })).toEqual([]);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { core } = await start('2026-05-01T02:00:00.000Z');
    const issues = async (promise: Promise<unknown>) => {
      const error = (await promise.then(() => null, (e: unknown) => e)) as { code: string; details: { issues: { path: string; field?: string; problem: string }[] } } | null;
      expect(error?.code).toBe('VALIDATION');
      return error?.details.issues.map((i) => [i.path, i.field, i.problem]);
    };
    expect(await issues(core.call('campaigns.create', { name: '店庆', runStart: '2026-07-10', runEnd: '2026-07-01' }))).toEqual([['runEnd', 'campaignRunEnd', 'beforeStart']]);
    expect(await issues(core.call('campaigns.create', { name: '店庆', runStart: '2026-02-30', runEnd: '2026-07-01' }))).toEqual([['runStart', 'campaignRunStart', 'format']]);
    expect(await issues(core.call('campaigns.create', { name: '  ', runStart: '2026-07-01', runEnd: '2026-07-01' }))).toEqual([['name', 'campaignName', 'required']]);
    expect(await issues(core.call('campaigns.create', { name: '店庆', runStart: '2026-07-01', runEnd: '2026-07-02', tools: ['coupon', 'lottery' as 'coupon'] }))).toEqual([['tools.1', 'campaignTools', 'invalid']]);
    expect(await issues(core.call('campaigns.updateSettings', { signupLeadDays: 31 }))).toEqual([['signupLeadDays', 'signupLeadDays', 'range']]);
    const own = await core.call('campaigns.create', { name: '店庆', runStart: '2026-07-01', runEnd: '2026-07-03', tools: ['coupon', 'fullReduction'] });
    expect(own).toMatchObject({ origin: 'own', signupDeadline: null, isOpen: false, year: 2026, tools: ['coupon', 'fullReduction'] });
    // A patch is checked against what is stored: an end before the stored start is refused and nothing changes.
    expect(await issues(core.call('campaigns.update', { id: own.id, patch: { runEnd: '2026-06-30', notes: '不该保存' } }))).toEqual([['patch.runEnd', 'campaignRunEnd', 'beforeStart']]);
    expect(await core.call('campaigns.get', { id: own.id })).toMatchObject({ runEnd: '2026-07-03', notes: '' });
    const product = await typicalProduct(core);
    expect(await issues(core.call('campaigns.addProduct', { campaignId: own.id, productId: product.id, priceFen: 0 }))).toEqual([['priceFen', 'campaignPrice', 'range']]);
    expect(await issues(core.call('campaigns.addProduct', { campaignId: own.id, productId: product.id, priceFen: 39.9 }))).toEqual([['priceFen', 'campaignPrice', 'decimals']]);
    await core.call('campaigns.addProduct', { campaignId: own.id, productId: product.id, priceFen: 3990 });
    expect(await issues(core.call('campaigns.addProduct', { campaignId: own.id, productId: product.id, priceFen: 3500 }))).toEqual([['productId', 'campaignProduct', 'duplicate']]);
    expect((await core.call('campaigns.get', { id: own.id })).products.map((p) => p.priceFen)).toEqual([3990]);
    await expect(core.call('campaigns.get', { id: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('flags a campaign price below break-even or the target margin, with the numbers, before sign-up', async () => {
    const { core } = await start('2026-05-01T02:00:00.000Z');
    const product = await typicalProduct(core);
    expect(await core.call('campaigns.checkPrice', { productId: product.id, priceFen: 2990 })).toMatchObject({ flags: ['belowBreakEven'], breakEvenFen: 3195, marginFloorFen: 3713, title: '冰丝凉席三件套' });
    const c618 = (await core.call('campaigns.list', { open: true })).find((c) => c.seedKey === '618');
    expect(c618).toBeDefined();
    const entered = await core.call('campaigns.addProduct', { campaignId: c618?.id ?? 0, productId: product.id, priceFen: 2990 });
    expect(entered.flagged).toBe(1);
    expect(entered.products[0]).toMatchObject({ title: '冰丝凉席三件套', priceFen: 2990, plannedPriceFen: 4990, check: { flags: ['belowBreakEven'], profitFen: -148, breakEvenFen: 3195 } });
    const raised = await core.call('campaigns.updateProduct', { id: entered.products[0]?.id ?? 0, priceFen: 3500 });
    expect(raised.products[0]?.check.flags).toEqual(['belowTargetMargin']);
    // The cost stack is read live: a cheaper supplier price clears the flag.
    await core.call('products.update', { id: product.id, patch: { costFen: 1500 } });
    expect((await core.call('campaigns.get', { id: raised.id })).flagged).toBe(0);
  });

  it('reminds of the sign-up deadline (editable lead), then at the start and the end once signed up; Today lists what is open', async () => {
    const { core, clock } = await start('2026-05-01T02:00:00.000Z');
    const today = await core.call('routine.today', {});
    const block = today.blocks.find((b) => b.key === 'campaigns');
    expect(block?.queue).toMatchObject({ source: 'campaigns', count: 1, items: [{ id: 'signupOpen', count: 1 }, { id: 'signupClosing', count: 0 }, { id: 'belowFloor', count: 0 }] });
    expect(block?.queue?.rows.map((r) => [r.title, r.dueAt])).toEqual([['2026 618 好物节', '2026-05-15T16:00:00.000Z']]);
    const c618 = (await core.call('campaigns.list', { open: true }))[0];
    const campaignDue = async () => (await core.call('reminders.due', { locale: 'zh-CN', kinds: ['campaign'] })).reminders.map((r) => [r.key, r.title]);

    // Three days before the deadline at 09:00 China time, by default.
    clock.set(new Date('2026-05-12T08:59:00+08:00'));
    expect(await campaignDue()).toEqual([]);
    clock.set(new Date('2026-05-12T09:00:00+08:00'));
    expect(await campaignDue()).toEqual([[`campaign:${c618?.id}:signupDeadline:2026-05-15`, '「2026 618 好物节」2026-05-15 报名截止']]);
    expect((await core.call('routine.today', {})).blocks.find((b) => b.key === 'campaigns')?.queue?.items[1]).toMatchObject({ id: 'signupClosing', count: 1 });
    // A seeded campaign is named in the reader's language until the seller renames it.
    expect((await core.call('reminders.due', { locale: 'en-US', kinds: ['campaign'] })).reminders.map((r) => r.title)).toEqual(['“2026 618 Shopping Festival”: sign-up closes on 2026-05-15']);
    await core.call('settings.update', { language: 'en-US' });
    expect((await core.call('routine.today', {})).blocks.find((b) => b.key === 'campaigns')?.queue?.rows[0]?.title).toBe('2026 618 Shopping Festival');
    await core.call('campaigns.update', { id: c618?.id ?? 0, patch: { name: '618 主会场' } });
    expect((await core.call('reminders.due', { locale: 'en-US', kinds: ['campaign'] })).reminders.map((r) => r.title)).toEqual(['“618 主会场”: sign-up closes on 2026-05-15']);
    await core.call('campaigns.update', { id: c618?.id ?? 0, patch: { name: '2026 618 好物节' } });
    // A longer lead brings it earlier.
    clock.set(new Date('2026-05-10T09:30:00+08:00'));
    expect(await campaignDue()).toEqual([]);
    expect(await core.call('campaigns.updateSettings', { signupLeadDays: 5 })).toEqual({ signupLeadDays: 5 });
    expect((await campaignDue()).map(([key]) => key)).toEqual([`campaign:${c618?.id}:signupDeadline:2026-05-15`]);

    // Signed up: no deadline reminder; the start reminds when its China day begins, the end when its last day is over.
    await core.call('campaigns.setStatus', { id: c618?.id ?? 0, status: 'signedUp' });
    expect(await campaignDue()).toEqual([]);
    clock.set(new Date('2026-05-25T00:00:00+08:00'));
    expect(await campaignDue()).toEqual([[`campaign:${c618?.id}:start:2026-05-25`, '「2026 618 好物节」今天开始']]);
    clock.set(new Date('2026-06-18T23:59:00+08:00'));
    expect(await campaignDue()).toEqual([]);
    clock.set(new Date('2026-06-19T00:00:00+08:00'));
    expect(await campaignDue()).toEqual([[`campaign:${c618?.id}:end:2026-06-18`, '「2026 618 好物节」已结束']]);
  });
});

describe('shopdesk campaigns', () => {
  it('prints the stable JSON, --open only the open ones; the deadline is in `shopdesk reminders` as kind campaign', async () => {
    const dataDir = tempDir();
    expect((await cli(dataDir, 'backup', 'create')).code).toBe(0);
    const started = await start('2026-05-01T02:00:00.000Z', dataDir);
    const product = await typicalProduct(started.core);
    const c618 = (await started.core.call('campaigns.list', { open: true }))[0];
    await started.core.call('campaigns.addProduct', { campaignId: c618?.id ?? 0, productId: product.id, priceFen: 2990 });
    await started.core.close();
    core = null;

    const open = await cli(dataDir, 'campaigns', '--open', '--json', '--at', '2026-05-12T10:00:00+08:00');
    expect(open.code).toBe(0);
    expect(JSON.parse(open.stdout)).toEqual([
      {
        id: c618?.id,
        name: '2026 618 好物节',
        origin: 'platform',
        status: 'planned',
        signupStart: '2026-04-25',
        signupDeadline: '2026-05-15',
        runStart: '2026-05-25',
        runEnd: '2026-06-18',
        datesEstimated: true,
        open: true,
        tools: ['coupon', 'fullReduction', 'flashSale', 'groupBuy'],
        products: [{ productId: product.id, title: '冰丝凉席三件套', priceFen: 2990, breakEvenFen: 3195, marginFloorFen: 3713, targetMarginBp: 1000, profitFen: -148, marginBp: -495, flags: ['belowBreakEven'] }],
      },
    ]);
    const all = JSON.parse((await cli(dataDir, 'campaigns', '--json', '--at', '2026-05-12T10:00:00+08:00')).stdout) as { name: string; open: boolean }[];
    expect(all.map((c) => c.name)).toEqual(SEEDED_2026);
    expect(all.filter((c) => c.open).map((c) => c.name)).toEqual(['2026 618 好物节']);
    const text = await cli(dataDir, 'campaigns', '--open', '--at', '2026-05-12T10:00:00+08:00');
    expect(text.stdout).toContain('⚠ 冰丝凉席三件套  ¥29.90  利润 ¥-1.48，毛利率 -4.95%  — 低于保本价 ¥31.95');
    expect(text.stdout).toContain('日期为预估');
    const en = await cli(dataDir, 'campaigns', '--open', '--lang', 'en', '--at', '2026-05-12T10:00:00+08:00');
    expect(en.stdout).toContain('below break-even ¥31.95');
    const bad = await cli(dataDir, 'campaigns', '--year', '26');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--year');

    const reminders = JSON.parse((await cli(dataDir, 'reminders', '--json', '--at', '2026-05-12T10:00:00+08:00')).stdout) as { key: string; kind: string; title: string }[];
    expect(reminders.filter((r) => r.kind === 'campaign')).toEqual([
      expect.objectContaining({ key: `campaign:${c618?.id}:signupDeadline:2026-05-15`, kind: 'campaign', title: '「2026 618 好物节」2026-05-15 报名截止' }),
    ]);
  });
});
