import type { Kysely } from 'kysely';
import type { OrderSummary } from '../../shared/rpc/domains/orders';
import type { CoreContext } from '../core-context';
import type { Database } from '../db/schema';
import type { Handlers } from '../rpc/dispatcher';
import { toCsv } from '../sourcing/csv-export';
import { addOrderNote, loadOrderDetail, removeOrderNote, updateOrderNote } from './order-detail';
import { countMatches, listOrders, pageOrders, type ListQuery } from './order-list';

type OrderMethod = Extract<keyof Handlers, `orders.${string}`>;

const EXPORT_HEADER = [
  '主订单编号', '子订单编号', '商品ID', '选购商品', '商品规格', '商家编码', '商品数量', '订单应付金额', '订单状态', '售后状态',
  '订单提交时间', '支付完成时间', '承诺发货时间', '最晚发货时间(北京时间)', '发货时间', '省', '市', '达人ID', '达人昵称', '流量来源',
];

const yuan = (fen: number | null) => (fen === null ? null : (fen / 100).toFixed(2));
const chinaText = (iso: string | null) => (iso === null ? null : new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' '));

/** CSV rows of a page: one per line, money in yuan, the ship-by instant in China time. */
const csvRows = (orders: readonly OrderSummary[]) =>
  orders.flatMap((o) =>
    o.lines.map((l) => [
      o.mainOrderId, l.subOrderId, l.productId, l.productTitle, l.productSpec, l.skuCode, l.quantity, yuan(l.payableFen), l.status, l.aftersaleStatus,
      l.submittedAt, l.paidAt, l.promisedShipAt, chinaText(l.shipBy), l.shippedAt, l.province, l.city, l.influencerId, l.influencerName, l.trafficSource,
    ]),
  );

export const createOrderHandlers = (ctx: CoreContext): Pick<Handlers, OrderMethod> => {
  const db = () => ctx.session.require().db as unknown as Kysely<Database>;
  const now = (at: string | undefined) => (at === undefined ? ctx.clock.now() : new Date(at));
  return {
    'orders.list': ({ filter, sort, direction, at, cursor, limit, withTotal }) => listOrders(db(), { filter, sort, direction, now: now(at), cursor, limit, withTotal }),
    'orders.count': ({ filter, at }) => countMatches(db(), filter, now(at)),
    'orders.get': ({ orderId }) => loadOrderDetail(db(), orderId),
    'orders.exportCsv': async ({ filter, sort, direction, at }) => {
      const q: ListQuery = { filter, sort, direction, now: now(at), limit: 1000 };
      const rows: ReturnType<typeof csvRows> = [];
      for (let cursor: string | undefined, first = true; first || cursor !== undefined; first = false) {
        const page = await pageOrders(db(), { ...q, cursor });
        rows.push(...csvRows(page.orders));
        cursor = page.nextCursor ?? undefined;
      }
      return { csv: toCsv(EXPORT_HEADER, rows), rows: rows.length };
    },
    'orders.addNote': ({ orderId, text }) => addOrderNote(db(), orderId, text, ctx.clock.now()),
    'orders.updateNote': ({ id, text }) => updateOrderNote(db(), id, text, ctx.clock.now()),
    'orders.removeNote': ({ id }) => removeOrderNote(db(), id),
  };
};
