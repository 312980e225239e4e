import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/shared/clock';
import { AppError } from '../../src/shared/errors';
import { createCore, type Core } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const ORDERS = join(__dirname, '../fixtures/douyin/orders-a.csv');
// The fixture's orders are paid 2026-08-31 (China time); its product is 3714290568812637505, code SKU-001.
const PRODUCT_ID = '3714290568812637505';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

async function start(at = '2026-09-01T02:00:00.000Z') {
  const clock = new AdjustableClock();
  clock.set(new Date(at));
  core = await createCore({ dataDir: tempDir(), log: silentLogger, testingClock: clock });
  return { core, clock };
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('sourcing through the core', () => {
  it('captures, flags a duplicate link, fills the cost stack, lists and counts today', async () => {
    const { core, clock } = await start();
    const first = await core.call('products.capture', { text: '【冰丝凉席三件套】 ¥39.9 https://haohuo.jinritemai.com/views/product/detail?id=42&origin_type=604 复制此链接' });
    expect(first.product).toMatchObject({ title: '冰丝凉席三件套', stage: 'candidate', costFen: 3990 });
    expect(first.duplicates).toEqual([]);
    const again = await core.call('products.capture', { text: 'https://HAOHUO.jinritemai.com/views/product/detail/?id=42&share_id=zz#x' });
    expect(again.duplicates).toEqual([{ id: first.product.id, title: '冰丝凉席三件套', stage: 'candidate', match: 'link' }]);
    await expect(core.call('products.capture', { text: 'no link here' })).rejects.toMatchObject({ code: 'VALIDATION' });

    const id = first.product.id;
    const saved = await core.call('products.update', {
      id,
      patch: { costFen: 2000, supplierFreightFen: 300, plannedPriceFen: 4990, commissionBp: 2000, platformFeeBp: 500, returnAllowanceBp: 300, targetMarginBp: 1000, plannedSlot: '12:00' },
    });
    expect(saved.status).toBe('saved');
    if (saved.status !== 'saved') return;
    expect(saved.product.costStack).toMatchObject({ breakEvenFen: 3195, minCampaignFen: 3713, atPlanned: { profitFen: 1292, marginBp: 2589 } });

    // Listing needs the verified stage first.
    expect((await core.call('products.move', { ids: [id], to: 'listed' })).refused).toEqual([{ id, problem: 'not_allowed' }]);
    await core.call('products.move', { ids: [id], to: 'verified' });
    let quota = await core.call('sourcing.quota', {});
    expect(quota.slots.find((s) => s.time === '12:00')?.planned).toEqual([{ id, title: '冰丝凉席三件套' }]);
    expect(quota.listedToday).toBe(0);

    const moved = await core.call('products.move', { ids: [id, again.product.id, 999], to: 'listed' });
    expect(moved.moved).toEqual([id]);
    expect(moved.refused).toEqual([
      { id: again.product.id, problem: 'not_allowed' },
      { id: 999, problem: 'not_found' },
    ]);
    quota = await core.call('sourcing.quota', {});
    expect(quota).toMatchObject({ today: '2026-09-01', listedToday: 1, state: 'below' });
    // Today's 选品 block shows the same count against the same target.
    const today = await core.call('routine.today', {});
    const sourcingBlock = today.blocks.find((b) => b.queue?.source === 'sourcing');
    expect(sourcingBlock?.queue).toMatchObject({ isAvailable: true, count: 1, target: { min: 10, max: 30 } });

    const detail = await core.call('products.get', { id });
    expect(detail.snapshot).toMatchObject({ priceFen: 4990, profitFen: 1292, marginBp: 2589 });
    expect(detail.drift).toEqual({ profitFen: 0, marginBp: 0 });

    // A cost rise after listing shows as drift and is logged as an optimisation only for logged fields.
    await core.call('products.update', { id, patch: { costFen: 2500, title: '冰丝凉席三件套 夏季' }, logReason: '供应商涨价' });
    const later = await core.call('products.get', { id });
    expect(later.drift).toEqual({ profitFen: -500, marginBp: -1002 }); // 25.89% → 15.87%
    expect(later.log.map((l) => [l.kind, l.before, l.after, l.reason])).toEqual([['title', '冰丝凉席三件套', '冰丝凉席三件套 夏季', '供应商涨价']]);

    // The day is a China day: 23:59 Beijing is still today, 00:00 the next day starts at zero.
    clock.set(new Date('2026-09-01T15:59:00.000Z'));
    expect((await core.call('sourcing.quota', {})).listedToday).toBe(1);
    clock.set(new Date('2026-09-01T16:00:00.000Z'));
    expect((await core.call('sourcing.quota', {})).listedToday).toBe(0);
  });

  it('links imported orders, moves the product to 已出单, warns about price changes and the missing return address', async () => {
    const { core } = await start();
    const supplier = await core.call('suppliers.create', { name: '义乌小王' });
    const { product } = await core.call('products.create', { title: '扫地机器人', supplierId: supplier.id, plannedPriceFen: 139900, costFen: 80000, douyinProductId: PRODUCT_ID });
    await core.call('products.move', { ids: [product.id], to: 'verified' });
    await core.call('products.move', { ids: [product.id], to: 'listed' });
    expect((await core.call('products.get', { id: product.id })).warnings).toEqual([]);

    // The listener runs after imports.finished; wait for its sourcing.changed.
    const changed = new Promise<void>((resolve) => {
      const off = core.onEvent((e) => {
        if (e.event !== 'sourcing.changed') return;
        off();
        resolve();
      });
    });
    await core.call('imports.run', { jobId: 'sourcing-test-1', sources: [{ type: 'path', path: ORDERS }] });
    await changed;

    const linked = await core.call('products.get', { id: product.id });
    expect(linked.stage).toBe('selling');
    expect(linked.firstOrderAt).not.toBeNull();
    expect(linked.orders.ordersAll).toBeGreaterThan(0);
    expect(linked.orders.orders7).toBe(linked.orders.ordersAll);
    expect(linked.warnings).toEqual(['supplier_missing_return_address', 'supplier_missing_return_rules']);
    expect((await core.call('suppliers.get', { id: supplier.id })).warnings).toEqual(['missing_return_address', 'missing_return_rules']);
    // …and the reminder engine asks for them.
    const asks = async () => (await core.call('reminders.due', { locale: 'zh-CN' })).reminders.filter((r) => r.kind === 'supplier.returnInfo');
    expect((await asks()).map((r) => [r.key, r.title])).toEqual([[`supplier.returnInfo:${supplier.id}:both`, '「扫地机器人」出单了：请向「义乌小王」要退货地址和退货规则']]);
    expect((await core.call('sourcing.linkOrders', {})).movedToSelling).toEqual([]);

    const warned = await core.call('products.update', { id: product.id, patch: { plannedPriceFen: 129900 } });
    expect(warned).toEqual({ status: 'price_change_warning', ordersAll: linked.orders.ordersAll, suggestion: 'add_cheaper_sku' });
    expect((await core.call('products.get', { id: product.id })).plannedPriceFen).toBe(139900);
    const forced = await core.call('products.update', { id: product.id, patch: { plannedPriceFen: 129900 }, confirmPriceChange: true, logReason: '活动价' });
    expect(forced.status).toBe('saved');

    await core.call('suppliers.addAddress', {
      supplierId: supplier.id,
      address: { provinceCode: '33', cityCode: '3307', districtCode: '330782', street: '福田街道 国际商贸城 3 区', recipient: '王五', phone: '13800138000' },
    });
    await core.call('suppliers.setRules', { id: supplier.id, rules: { noReason7Day: true, postagePayer: 'buyer', damagedHandling: '拍照补发', refusedParcel: '运费买家承担', windowDays: 7, notes: '' } });
    expect((await core.call('products.get', { id: product.id })).warnings).toEqual([]);
    expect(await asks()).toEqual([]);
    let card = (await core.call('suppliers.get', { id: supplier.id })).scorecard;
    expect(card).toMatchObject({ products: 1, listed: 1, orders: linked.orders.ordersAll, returnRateBp: 0 });
    // After-sales records of the same sub-orders make the return rate.
    await core.call('imports.run', { jobId: 'sourcing-test-2', sources: [{ type: 'path', path: join(__dirname, '../fixtures/douyin/aftersales.csv') }] });
    card = (await core.call('suppliers.get', { id: supplier.id })).scorecard;
    expect(card.returnRateBp).toBeGreaterThan(0);
    expect(card.defectRateBp).toBeGreaterThanOrEqual(0);
    expect(card.returnRateBp).toBeLessThanOrEqual(10_000);
  });

  it('validates return addresses against the division data', async () => {
    const { core } = await start();
    const s = await core.call('suppliers.create', { name: '广州档口' });
    const good = await core.call('suppliers.addAddress', {
      supplierId: s.id,
      address: { provinceCode: '44', cityCode: '4401', districtCode: '440106', street: '天河路 1 号', recipient: '陈', phone: '020-8888 8888' },
    });
    expect(good).toMatchObject({ province: '广东省', city: '广州市', district: '天河区', phone: '020-88888888' });
    await expect(
      core.call('suppliers.addAddress', {
        supplierId: s.id,
        address: { provinceCode: '44', cityCode: '4401', districtCode: '330782', street: 'x', recipient: 'y', phone: '13800138000' },
      }),
    ).rejects.toBeInstanceOf(AppError);
    // Named like the picker's refusal, so the form shows it under 省 / 市 / 区.
    await expect(
      core.call('suppliers.addAddress', { supplierId: s.id, address: { provinceCode: '44', cityCode: '4401', districtCode: '330782', street: 'x', recipient: 'y', phone: '13800138000' } }),
    ).rejects.toMatchObject({ details: { issues: [{ path: 'address.districtCode', field: 'regionCode', problem: 'format' }] } });
    expect((await core.call('suppliers.divisions', {})).length).toBe(31);
  });

  it('stores images by their magic bytes and refuses other files', async () => {
    const { core } = await start();
    const { product } = await core.call('products.create', { title: 'x' });
    const image = await core.call('products.addImage', { productId: product.id, fileName: '../../evil.png', dataBase64: PNG.toString('base64') });
    expect(image).toMatchObject({ mime: 'image/png', fileName: '.._.._evil.png' });
    expect((await core.call('products.image', { id: image.id })).dataBase64).toBe(PNG.toString('base64'));
    await expect(core.call('products.addImage', { productId: product.id, fileName: 'a.png', dataBase64: Buffer.from('<svg onload=alert(1)>').toString('base64') })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await core.call('products.get', { id: product.id })).mainImageId).toBe(image.id);
    expect(existsSync(join(core.dataDir, 'images', String(product.id)))).toBe(true);
    expect(await core.call('products.removeImage', { id: image.id })).toEqual({ removed: true });
  });

  it('exports products and suppliers formula-safe', async () => {
    const { core } = await start();
    await core.call('products.create', { title: '=HYPERLINK("http://x")', notes: '@SUM(1)' });
    await core.call('suppliers.create', { name: '+86 供应商', phone: '-1' });
    const products = await core.call('products.exportCsv', {});
    expect(products.rows).toBe(1);
    expect(products.csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(products.csv).toContain("'@SUM(1)");
    const suppliers = await core.call('suppliers.exportCsv', {});
    expect(suppliers.csv).toContain("'+86 供应商");
    expect(suppliers.csv).toContain("'-1");
  });

  it('keeps an edited quota and refuses a bad one', async () => {
    const { core } = await start();
    const view = await core.call('sourcing.setQuota', { quota: { min: 12, max: 20, slots: [{ time: '20:00', count: 5 }, { time: '09:30', count: 2 }] } });
    expect(view.quota.slots.map((s) => s.time)).toEqual(['09:30', '20:00']);
    await expect(core.call('sourcing.setQuota', { quota: { min: 12, max: 20, slots: [{ time: '20:00', count: 9 }] } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await core.call('sourcing.quota', {})).quota.min).toBe(12);
  });
});
