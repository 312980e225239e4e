import { sql, type Kysely, type Transaction } from 'kysely';
import { addDays } from '../../shared/domain/china-time';
import type { DailyOrders } from '../../shared/rpc/domains/routine';
import type { Database } from '../db/schema';
import { UNSHIPPED_STATUSES, type UnshippedLine } from './shipping';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * 售后状态 texts that mean the after-sale is over (DOUYIN_EXPORTS.md §3.2, older and newer
 * wording). Anything else that is not `-` is still open, including texts not seen before: an
 * unknown state is safer shown than hidden.
 */
export const AFTERSALE_DONE_STATUSES = [
  '售后关闭',
  '售后已拒绝',
  '换货成功',
  '补寄成功',
  '退款成功',
  '已全额退款',
  '同意退款，退款成功',
  '补寄/换货成功',
  '退货后拒绝退款',
  '售后成功',
  '拒绝售后',
  '售后失败',
  '商家二次拒绝',
  '已关闭',
] as const;
const NO_AFTERSALE = ['-', ''];

/** Paid lines not shipped yet: what the 订单处理 block works through. */
export async function loadUnshippedLines(db: Executor): Promise<UnshippedLine[]> {
  const rows = await db
    .selectFrom('order_lines')
    .select(['order_id', 'sub_order_id', 'product_title', 'promised_ship_at', 'paid_at', 'submitted_at'])
    .where('status', 'in', UNSHIPPED_STATUSES)
    .execute();
  return rows.map((r) => ({
    orderId: r.order_id,
    subOrderId: r.sub_order_id,
    productTitle: r.product_title,
    promisedShipAt: r.promised_ship_at,
    paidAt: r.paid_at,
    submittedAt: r.submitted_at,
  }));
}

/**
 * Open after-sales: rows of the after-sales export not finished, plus order lines whose 售后状态
 * says open and that the after-sales export does not cover (yet).
 */
export async function countOpenAftersales(db: Executor): Promise<number> {
  const done = [...AFTERSALE_DONE_STATUSES, ...NO_AFTERSALE];
  const fromExport = await db
    .selectFrom('aftersales')
    .select((eb) => eb.fn.count<number>('aftersale_id').distinct().as('n'))
    .where('status', 'is not', null)
    .where('status', 'not in', done)
    .where('closed_at', 'is', null)
    .where('finished_at', 'is', null)
    .executeTakeFirst();
  const fromOrders = await db
    .selectFrom('order_lines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('aftersale_status', 'is not', null)
    .where('aftersale_status', 'not in', done)
    .where('sub_order_id', 'not in', (eb) => eb.selectFrom('aftersales').select('sub_order_id'))
    .executeTakeFirst();
  return Number(fromExport?.n ?? 0) + Number(fromOrders?.n ?? 0);
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
