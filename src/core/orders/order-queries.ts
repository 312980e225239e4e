import { sql, type Kysely, type Transaction } from 'kysely';
import { addDays } from '../../shared/domain/china-time';
import type { DailyOrders } from '../../shared/rpc/domains/routine';
import type { Database } from '../db/schema';
import { classifyAftersale, currentAftersaleStatus, UNSHIPPED_STATUSES, type AftersaleRequest } from '../../shared/domain/order-line-state';
import type { UnshippedLine } from './shipping';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Paid lines not shipped yet (订单状态 待发货 / 备货中 / 已支付, or a 部分发货 order's line without its own
 * 发货时间), with their current 售后状态 (the after-sales export's latest request, else the line's own).
 * `lineStage` (shared/domain/order-line-state.ts) splits them into to-ship and refund-requested.
 */
export async function loadUnshippedLines(db: Executor): Promise<(UnshippedLine & { status: string | null; shippedAt: string | null; aftersaleStatus: string | null })[]> {
  const [rows, requests] = await Promise.all([
    db
      .selectFrom('order_lines')
      .select(['order_id', 'sub_order_id', 'product_title', 'promised_ship_at', 'paid_at', 'submitted_at', 'status', 'shipped_at', 'aftersale_status'])
      .where('status', 'in', UNSHIPPED_STATUSES)
      .where('shipped_at', 'is', null)
      .execute(),
    loadLatestRequests(db),
  ]);
  return rows.map((r) => ({
    orderId: r.order_id,
    subOrderId: r.sub_order_id,
    productTitle: r.product_title,
    promisedShipAt: r.promised_ship_at,
    paidAt: r.paid_at,
    submittedAt: r.submitted_at,
    status: r.status,
    shippedAt: r.shipped_at,
    aftersaleStatus: currentAftersaleStatus(r.aftersale_status, requests.get(r.sub_order_id)),
  }));
}

/** Each sub-order's after-sales requests from the after-sales export (a small table), in table order. */
async function loadLatestRequests(db: Executor): Promise<Map<string, AftersaleRequest[]>> {
  const rows = await db.selectFrom('aftersales').select(['sub_order_id', 'status', 'applied_at']).execute();
  const bySub = new Map<string, AftersaleRequest[]>();
  for (const r of rows) {
    const request = { status: r.status, appliedAt: r.applied_at };
    const list = bySub.get(r.sub_order_id);
    if (list) list.push(request);
    else bySub.set(r.sub_order_id, [request]);
  }
  return bySub;
}

/**
 * Order lines whose current 售后状态 is open (`classifyAftersale`, DOUYIN_EXPORTS.md §3.2: "Still
 * open: 待收退货, 待退货, 售后待处理", and any wording not seen before — safer shown than hidden),
 * plus requests of the after-sales export whose order line is not imported (yet). Counted per
 * sub-order: the same definition money uses for "售后处理中".
 */
export async function countOpenAftersales(db: Executor): Promise<number> {
  const [lines, requests] = await Promise.all([
    db.selectFrom('order_lines').select(['sub_order_id', 'aftersale_status']).where('aftersale_status', 'is not', null).execute(),
    loadLatestRequests(db),
  ]);
  let open = 0;
  const seen = new Set<string>();
  for (const l of lines) {
    seen.add(l.sub_order_id);
    if (classifyAftersale(currentAftersaleStatus(l.aftersale_status, requests.get(l.sub_order_id))) === 'open') open += 1;
  }
  // Lines whose own 售后状态 is empty, and requests whose line is not imported (yet): the latest request decides.
  for (const [sub, list] of requests) {
    if (!seen.has(sub) && classifyAftersale(currentAftersaleStatus(null, list)) === 'open') open += 1;
  }
  return open;
}

export async function hasOrderData(db: Executor): Promise<boolean> {
  return (await db.selectFrom('order_lines').select('sub_order_id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Orders (distinct 主订单编号) and 订单应付金额 per China day of 订单提交时间, from `from` to `to`
 * inclusive, every day present (zeros included). Unpaid orders do not count: 待支付, and closed
 * or cancelled ones that were never paid.
 */
export async function loadDailyOrders(db: Executor, from: string, to: string): Promise<DailyOrders[]> {
  const rows = await db
    .selectFrom('order_lines')
    .select([
      sql<string>`substr(submitted_at, 1, 10)`.as('day'),
      (eb) => eb.fn.count<number>('order_id').distinct().as('orders'),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('payable_fen'), sql<number>`0`).as('amount'),
    ])
    .where('submitted_at', '>=', `${from} 00:00:00`)
    .where('submitted_at', '<', `${addDays(to, 1)} 00:00:00`)
    .where((eb) => eb.or([eb('status', 'is', null), eb('status', '!=', '待支付')]))
    .where((eb) => eb.not(eb.and([eb('status', 'in', ['已关闭', '已取消']), eb('paid_at', 'is', null)])))
    .groupBy('day')
    .execute();
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: DailyOrders[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const row = byDay.get(day);
    out.push({ date: day, orders: Number(row?.orders ?? 0), amountFen: Number(row?.amount ?? 0) });
  }
  return out;
}

/** Unix seconds of the newest order export imported (from its file name), if any says. */
export async function lastOrderExportTime(db: Executor): Promise<number | null> {
  const row = await db
    .selectFrom('imports')
    .select((eb) => eb.fn.max('export_time').as('t'))
    .where('kind', '=', 'orders')
    .where('status', '=', 'done')
    .executeTakeFirst();
  return typeof row?.t === 'number' ? row.t : null;
}

/** China date of the newest order in the data: days after it are unknown, not zero. */
export async function lastOrderDay(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('order_lines').select((eb) => eb.fn.max('submitted_at').as('last')).executeTakeFirst();
  return typeof row?.last === 'string' ? row.last.slice(0, 10) : null;
}
