import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderFilter, OrderSort } from '../../src/shared/rpc/domains/orders';
import { classifyAftersale, lineStage } from '../../src/shared/domain/order-line-state';
import { rebuildShipQueue } from '../../src/core/orders/ship-queue';
import { classifyShipping, shipByMs } from '../../src/core/orders/shipping';
import { openOrdersShop, UNMASKED_ADDRESS, UNMASKED_NAME, UNMASKED_PHONE, type OrdersShop } from '../helpers/orders-shop';

/*
 * orders.list over a generated shop of 30,000 lines, every filter, the search and each sort
 * checked against a reference written straight from the rules (shipping.ts for ship-by and the
 * windows), paging walked to the end.
 */
const LINES = 30_000;
const AT = '2026-09-01T12:00:00+08:00';
let shop: OrdersShop;

type Line = {
  shipped_at: string | null;
  sub_order_id: string;
  order_id: string;
  product_id: string | null;
  product_title: string | null;
  payable_fen: number | null;
  status: string | null;
  aftersale_status: string | null;
  paid_at: string | null;
  submitted_at: string | null;
  promised_ship_at: string | null;
  province: string | null;
  influencer_id: string | null;
  traffic_source: string | null;
};
let lines: Line[];
/** Each line's purchase (status, supplier), from the purchases made in beforeAll through the core. */
let purchaseOf: Map<string, { status: string; supplier_id: number | null }>;
let suppliers: { a: number; b: number };

beforeAll(async () => {
  shop = await openOrdersShop(LINES, AT);
  // Two provinces the generator does not write, in both spellings the exports use.
  const extra = shop.sqlite.prepare(
    `INSERT INTO order_lines (sub_order_id, order_id, product_id, product_title, payable_fen, status, aftersale_status, paid_at, submitted_at, promised_ship_at, province, extra_json, first_import_id, last_import_id)
     VALUES (?, ?, '3', '广西沃柑', 1990, '待发货', '-', '2026-08-31 08:00:00', '2026-08-31 08:00:00', NULL, ?, '{}', 1, 1)`,
  );
  extra.run('9000000000000000001', '9000000000000000001', '广西壮族自治区');
  extra.run('9000000000000000002', '9000000000000000002', '广西');
  // As an import keeps it: Today's shipping queue for the day these lines were written on.
  rebuildShipQueue(shop.sqlite, ['2026-08-31']);
  // Purchases as a seller makes them: two suppliers assigned in bulk, some orders then marked 已下单 / 已付款.
  const toBuy = [...new Set((shop.sqlite.prepare(`SELECT order_id FROM order_lines WHERE status IN ('待发货', '备货中', '已支付', '部分发货') AND shipped_at IS NULL AND ifnull(aftersale_status, '-') IN ('-', '') ORDER BY sub_order_id`).all() as { order_id: string }[]).map((r) => r.order_id))];
  suppliers = { a: (await shop.core.call('suppliers.create', { name: '义乌榨汁杯厂' })).id, b: (await shop.core.call('suppliers.create', { name: '广州服装档口' })).id };
  await shop.core.call('purchases.assignSupplier', { orderIds: toBuy.slice(0, 400), supplierId: suppliers.a, rememberForProduct: false });
  await shop.core.call('purchases.assignSupplier', { orderIds: toBuy.slice(400, 700), supplierId: suppliers.b, rememberForProduct: false });
  await shop.core.call('purchases.move', { orderIds: toBuy.slice(0, 150), to: 'ordered' });
  await shop.core.call('purchases.move', { orderIds: toBuy.slice(100, 150), to: 'paid' });
  // 已付款 without a supplier, and 缺货 with a note (an exception).
  await shop.core.call('purchases.move', { orderIds: toBuy.slice(700, 760), to: 'paid' });
  await shop.core.call('purchases.move', { orderIds: toBuy.slice(380, 400), to: 'out_of_stock', note: '厂家断货' });
  purchaseOf = new Map((shop.sqlite.prepare('SELECT pl.sub_order_id, p.status, p.supplier_id FROM purchase_lines pl JOIN purchases p ON p.id = pl.purchase_id').all() as { sub_order_id: string; status: string; supplier_id: number | null }[]).map((r) => [r.sub_order_id, r]));
  lines = shop.sqlite.prepare('SELECT sub_order_id, order_id, product_id, product_title, payable_fen, status, shipped_at, aftersale_status, paid_at, submitted_at, promised_ship_at, province, influencer_id, traffic_source FROM order_lines').all() as Line[];
}, 240_000);

afterAll(async () => {
  shop.sqlite.close();
  await shop.core.close();
  rmSync(shop.dataDir, { recursive: true, force: true });
});

const now = new Date(AT);
// The reference is order-line-state.ts's own rule (DOUYIN_EXPORTS.md §3.1/§3.2), line by line.
const stage = (l: Line) => lineStage({ status: l.status, shippedAt: l.shipped_at, aftersaleStatus: l.aftersale_status });
const toShip = (l: Line) => stage(l) === 'toShip';
const openOnLine = (l: Line) => classifyAftersale(l.aftersale_status) === 'open';
const shipBy = (l: Line) => shipByMs({ promisedShipAt: l.promised_ship_at, paidAt: l.paid_at, submittedAt: l.submitted_at });
let kept: { within: Set<Line>; overdue: Set<Line> } | null = null;
const windows = () => {
  if (kept === null) {
    const { within, overdue } = classifyShipping(lines.filter(toShip).map((l) => ({ l, shipBy: shipBy(l) === null ? null : new Date(shipBy(l) as number) })), now, 24);
    kept = { within: new Set(within.map((w) => w.l)), overdue: new Set(overdue.map((w) => w.l)) };
  }
  return kept;
};

const SORT_KEY: Record<OrderSort, (l: Line) => number | string> = {
  shipBy: (l) => shipBy(l) ?? 1e16,
  paidAt: (l) => l.paid_at ?? '',
  amount: (l) => l.payable_fen ?? -1,
};

/** The orders in list order: each where its first matching line falls (key, then 子订单编号). */
function expectedOrders(match: (l: Line) => boolean, sort: OrderSort, direction: 'asc' | 'desc'): { ids: string[]; lines: number } {
  const key = SORT_KEY[sort];
  const cmp = (a: Line, b: Line) => {
    const ka = key(a), kb = key(b);
    const c = ka < kb ? -1 : ka > kb ? 1 : a.sub_order_id < b.sub_order_id ? -1 : a.sub_order_id > b.sub_order_id ? 1 : 0;
    return direction === 'asc' ? c : -c;
  };
  const matching = lines.filter(match).sort(cmp);
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const l of matching) {
    if (seen.has(l.order_id)) continue;
    seen.add(l.order_id);
    ids.push(l.order_id);
  }
  return { ids, lines: matching.length };
}

async function walk(filter: OrderFilter, sort: OrderSort = 'shipBy', direction: 'asc' | 'desc' = 'asc', limit = 997) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let total;
  let pages = 0;
  do {
    const page = await shop.core.call('orders.list', { filter, sort, direction, at: AT, cursor, limit });
    total = page.total;
    ids.push(...page.orders.map((o) => o.mainOrderId));
    for (const o of page.orders) expect(o.lines.length).toBeGreaterThan(0);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
    expect(pages).toBeLessThan(10_000);
  } while (cursor !== undefined);
  return { ids, total };
}

const someInfluencer = () => lines.find((l) => l.influencer_id)?.influencer_id as string;
const someProduct = () => lines.find((l) => l.product_id)?.product_id as string;
const someTitlePart = () => (lines.find((l) => (l.product_title ?? '').length > 6)?.product_title as string).slice(2, 6);

const CASES: [string, () => OrderFilter, (l: Line) => boolean][] = [
  ['everything', () => ({}), () => true],
  ['status 待发货', () => ({ status: '待发货' }), (l) => l.status === '待发货'],
  // "找出未发货订单，尤其是 24 小时内必须发货或揽收的订单" (DOMAIN.md, 订单处理): Today's windows exactly.
  ['ship within 24 h', () => ({ queue: 'due24h' }), (l) => windows().within.has(l)],
  ['overdue', () => ({ queue: 'overdue' }), (l) => windows().overdue.has(l)],
  ['due within 72 h', () => ({ dueWithinHours: 72 }), (l) => toShip(l) && (shipBy(l) ?? Infinity) > now.getTime() && (shipBy(l) ?? Infinity) <= now.getTime() + 72 * 3600_000],
  ['待采购', () => ({ queue: 'toPurchase' }), toShip],
  ['refund requested before shipping', () => ({ queue: 'refundBeforeShip' }), (l) => stage(l) === 'refundBeforeShip'],
  ['after-sales open', () => ({ queue: 'afterSalesOpen' }), openOnLine],
  // "流量来源 contains 精选联盟 and 达人ID is present" (DOUYIN_EXPORTS.md §1.5).
  ['精选联盟', () => ({ source: 'affiliate' }), (l) => (l.traffic_source ?? '').includes('精选联盟') && !!l.influencer_id],
  ['self-sold', () => ({ source: 'self' }), (l) => !((l.traffic_source ?? '').includes('精选联盟') && !!l.influencer_id)],
  ['paid 2026-08-25 to 2026-08-27', () => ({ paidFrom: '2026-08-25', paidTo: '2026-08-27' }), (l) => (l.paid_at ?? '') >= '2026-08-25 00:00:00' && (l.paid_at ?? '') < '2026-08-28 00:00:00'],
  ['product id', () => ({ product: someProduct() }), (l) => l.product_id === someProduct()],
  ['product title part', () => ({ product: someTitlePart() }), (l) => (l.product_title ?? '').includes(someTitlePart())],
  ['province short name 广东', () => ({ province: '广东' }), (l) => l.province === '广东省' || l.province === '广东'],
  ['province 广西 (both spellings stored)', () => ({ province: '广西' }), (l) => l.province === '广西壮族自治区' || l.province === '广西'],
  ['province full name 广西壮族自治区', () => ({ province: '广西壮族自治区' }), (l) => l.province === '广西壮族自治区' || l.province === '广西'],
  ['influencer', () => ({ influencer: someInfluencer() }), (l) => l.influencer_id === someInfluencer()],
  ['search: title part', () => ({ search: someTitlePart() }), (l) => (l.product_title ?? '').includes(someTitlePart())],
  ['status and province together', () => ({ status: '已完成', province: '北京' }), (l) => l.status === '已完成' && l.province === '北京市'],
  // Issue 11: "Filters: … supplier, purchase status." A line's supplier and status are its purchase's.
  ['supplier', () => ({ supplierId: suppliers.a }), (l) => purchaseOf.get(l.sub_order_id)?.supplier_id === suppliers.a],
  ['other supplier, with a status', () => ({ supplierId: suppliers.b, status: '待发货' }), (l) => purchaseOf.get(l.sub_order_id)?.supplier_id === suppliers.b && l.status === '待发货'],
  ['purchase 已下单', () => ({ purchaseStatus: 'ordered' }), (l) => purchaseOf.get(l.sub_order_id)?.status === 'ordered'],
  ['purchase 已付款', () => ({ purchaseStatus: 'paid' }), (l) => purchaseOf.get(l.sub_order_id)?.status === 'paid'],
  ['purchase 缺货, with its supplier', () => ({ purchaseStatus: 'out_of_stock', supplierId: suppliers.a }), (l) => purchaseOf.get(l.sub_order_id)?.status === 'out_of_stock'],
  // 待采购: a 待采购 purchase, or a line still to ship that no purchase covers yet.
  ['purchase 待采购 (recorded or not yet)', () => ({ purchaseStatus: 'pending' }), (l) => {
    const p = purchaseOf.get(l.sub_order_id);
    return ['待发货', '备货中', '已支付', '部分发货'].includes(l.status ?? '') && (p ? p.status === 'pending' : toShip(l));
  }],
  ['purchase 待采购 due within 24 h', () => ({ purchaseStatus: 'pending', queue: 'due24h' }), (l) => windows().within.has(l) && (purchaseOf.get(l.sub_order_id)?.status ?? 'pending') === 'pending'],
];

describe('orders.list: every filter against the reference', () => {
  it.each(CASES)('%s', async (_name, filter, match) => {
    const expected = expectedOrders(match, 'shipBy', 'asc');
    const { ids, total } = await walk(filter());
    expect(total).toEqual({ orders: expected.ids.length, lines: expected.lines });
    expect(ids).toEqual(expected.ids);
  }, 120_000);

  it.each([
    ['amount', 'desc'],
    ['paidAt', 'asc'],
  ] as const)('a supplier and a purchase status in the %s %s sort too', async (sort, direction) => {
    for (const [filter, match] of [
      [{ supplierId: suppliers.a }, (l: Line) => purchaseOf.get(l.sub_order_id)?.supplier_id === suppliers.a],
      [{ purchaseStatus: 'pending' }, (l: Line) => ['待发货', '备货中', '已支付', '部分发货'].includes(l.status ?? '') && (purchaseOf.get(l.sub_order_id)?.status ?? (toShip(l) ? 'pending' : null)) === 'pending'],
    ] as const) {
      const expected = expectedOrders(match, sort, direction);
      const { ids, total } = await walk(filter as OrderFilter, sort, direction, 401);
      expect(total).toEqual({ orders: expected.ids.length, lines: expected.lines });
      expect(ids).toEqual(expected.ids);
    }
  }, 120_000);

  it('each listed order says its purchase state and its suppliers', async () => {
    const page = await shop.core.call('orders.list', { filter: { supplierId: suppliers.a }, at: AT, limit: 1000 });
    for (const o of page.orders) {
      expect(o.suppliers).toEqual([{ id: suppliers.a, name: '义乌榨汁杯厂' }]);
      const mine = o.lines.map((l) => purchaseOf.get(l.subOrderId)?.status).filter((x) => x !== undefined);
      expect(mine, o.mainOrderId).toContain(o.purchaseStatus);
    }
    expect(page.orders.some((o) => o.purchaseStatus === 'out_of_stock')).toBe(true);
    const none = await shop.core.call('orders.list', { filter: { status: '已完成' }, at: AT, limit: 5 });
    for (const o of none.orders) expect([o.purchaseStatus, o.suppliers]).toEqual([null, []]);
  });

  it('refuses a purchase status that does not exist and a supplier that is not an id', async () => {
    await expect(shop.core.call('orders.list', { filter: { purchaseStatus: 'bought' as never } })).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'filter.purchaseStatus' }] } });
    await expect(shop.core.call('orders.count', { filter: { supplierId: 0 } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('has data in every case (a filter matching nothing would prove nothing)', () => {
    for (const [name, , match] of CASES) expect(lines.filter(match).length, name).toBeGreaterThan(0);
  });
});

describe('orders.list: sorts and paging', () => {
  it.each([
    ['shipBy', 'desc'],
    ['paidAt', 'asc'],
    ['paidAt', 'desc'],
    ['amount', 'asc'],
    ['amount', 'desc'],
  ] as const)('sort %s %s walks every order once, in order', async (sort, direction) => {
    const expected = expectedOrders(() => true, sort, direction);
    const { ids } = await walk({}, sort, direction, 1000);
    expect(ids).toEqual(expected.ids);
  }, 120_000);

  it('gives the same pages for any page size, and stable pages when asked again', async () => {
    const filter: OrderFilter = { queue: 'toPurchase' };
    const small = await walk(filter, 'paidAt', 'desc', 37);
    const big = await walk(filter, 'paidAt', 'desc', 1000);
    expect(small.ids).toEqual(big.ids);
    const first = await shop.core.call('orders.list', { filter, at: AT, limit: 50 });
    const again = await shop.core.call('orders.list', { filter, at: AT, limit: 50 });
    expect(again).toEqual(first);
  }, 120_000);

  it('pages of 1 and of 1000 are the bounds; 0 and 1001 are refused', async () => {
    const one = await shop.core.call('orders.list', { limit: 1, at: AT });
    expect(one.orders).toHaveLength(1);
    expect(one.nextCursor).not.toBeNull();
    await expect(shop.core.call('orders.list', { limit: 0 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(shop.core.call('orders.list', { limit: 1001 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses a cursor of another sort, a made-up cursor and an unknown province', async () => {
    const page = await shop.core.call('orders.list', { sort: 'amount', limit: 5, at: AT });
    await expect(shop.core.call('orders.list', { sort: 'paidAt', cursor: page.nextCursor ?? '', at: AT })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(shop.core.call('orders.list', { cursor: 'bm90IGEgY3Vyc29y', at: AT })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(shop.core.call('orders.list', { filter: { province: '火星' } })).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'province' }] } });
    await expect(shop.core.call('orders.list', { filter: { paidFrom: '2026-09-02', paidTo: '2026-09-01' } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('orders.list: search by order number', () => {
  it.each([
    ['as typed', (id: string) => id],
    ["pasted from Excel with its leading TAB", (id: string) => `\t${id}`],
    ['with spaces around', (id: string) => `  ${id} `],
    ["with Excel's text quote", (id: string) => `'${id}`],
  ])('%s', async (_name, paste) => {
    const multi = lines.find((l) => lines.filter((m) => m.order_id === l.order_id).length > 1) as Line;
    const page = await shop.core.call('orders.list', { filter: { search: paste(multi.order_id) }, at: AT });
    expect(page.orders.map((o) => o.mainOrderId)).toEqual([multi.order_id]);
    expect(page.orders[0]?.lines.map((l) => l.subOrderId).sort()).toEqual(lines.filter((l) => l.order_id === multi.order_id).map((l) => l.sub_order_id).sort());
  });

  it('finds the order of a 子订单编号', async () => {
    const line = lines.find((l) => l.sub_order_id !== l.order_id) as Line;
    const page = await shop.core.call('orders.list', { filter: { search: line.sub_order_id }, at: AT });
    expect(page.orders.map((o) => o.mainOrderId)).toEqual([line.order_id]);
  });
});

describe("the shipping filters are Today's queues", () => {
  it('overdue and due-within-24h count what routine.today counts', async () => {
    const { queues } = await shop.core.call('routine.today', {});
    const overdue = await shop.core.call('orders.list', { filter: { queue: 'overdue' }, at: AT, limit: 1 });
    const due = await shop.core.call('orders.list', { filter: { queue: 'due24h' }, at: AT, limit: 1 });
    expect(overdue.total).toEqual({ orders: queues.shipOverdue.orders, lines: queues.shipOverdue.lines });
    expect(due.total).toEqual({ orders: queues.shipWithin24h.orders, lines: queues.shipWithin24h.lines });
    expect(overdue.total?.lines).toBeGreaterThan(0);
    expect(due.total?.lines).toBeGreaterThan(0);
  });

  it('the stored ship-by equals shipByMs on every line', () => {
    const stored = new Map((shop.sqlite.prepare('SELECT sub_order_id, ship_by_key FROM order_lines').all() as { sub_order_id: string; ship_by_key: number }[]).map((r) => [r.sub_order_id, r.ship_by_key]));
    for (const l of lines) expect(stored.get(l.sub_order_id), l.sub_order_id).toBe(shipBy(l) ?? 1e16);
  });
});

describe('buyer data', () => {
  it('no recipient value and no note is in any list, export or drawer answer', async () => {
    const answers: unknown[] = [];
    for (const [, filter] of CASES.slice(0, 8)) answers.push(await shop.core.call('orders.list', { filter: filter(), at: AT, limit: 1000 }));
    const csv = await shop.core.call('orders.exportCsv', { filter: { queue: 'toPurchase' }, at: AT });
    answers.push(csv);
    const withNote = lines.find((l) => l.status !== null) as Line;
    answers.push(await shop.core.call('orders.get', { orderId: withNote.order_id }));
    const text = JSON.stringify(answers);
    for (const value of [UNMASKED_PHONE, UNMASKED_NAME, UNMASKED_ADDRESS]) expect(text).not.toContain(value);
    const listed = JSON.stringify(answers.slice(0, 8));
    for (const note of ['尺码拍错了', '周末配送', '已催上游发货']) expect(listed).not.toContain(note);
  });
});
