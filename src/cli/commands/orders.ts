import { z } from 'zod';
import { isPurchaseStatus, PURCHASE_STATUSES } from '../../shared/domain/purchase-status';
import { AppError } from '../../shared/errors';
import type { OrderCount, OrderFilter, OrderSummary } from '../../shared/rpc/domains/orders';
import type { CommandGroup, CommandInput, FlagSpec } from '../command';
import { chinaDateTime } from '../format';
import { AT_FLAG, atFlag } from './at-flag';

const PAGE = 1000;
const DEFAULT_LIMIT = 100;

const FLAGS: FlagSpec[] = [
  { name: 'status', type: 'string', valueName: 'S', help: { zh: '只看这个订单状态（如 待发货）', en: 'Only this order status, as the export writes it (e.g. the one for awaiting shipment)' } },
  { name: 'due-within', type: 'string', valueName: 'HOURS', help: { zh: '这么多小时内必须发货的（与“今日”的 24 小时队列同一规则）', en: "Must ship within this many hours (the rule of Today's 24-hour queue)" } },
  { name: 'overdue', type: 'boolean', help: { zh: '已超过发货时间仍未发货的（与“今日”同一规则）', en: 'Past their ship-by time and not shipped (the rule of Today)' } },
  { name: 'refund-before-ship', type: 'boolean', help: { zh: '未发货且买家已申请退款的', en: 'Not shipped and the buyer asked for a refund' } },
  { name: 'province', type: 'string', valueName: 'P', help: { zh: '省份，简称或全称均可（广西 = 广西壮族自治区）', en: 'Province, short or full Chinese name (Guangxi short or full is the same province)' } },
  { name: 'influencer', type: 'string', valueName: 'ID', help: { zh: '达人ID', en: 'Influencer ID' } },
  { name: 'search', type: 'string', valueName: 'TEXT', help: { zh: '19 位订单号（可带 Excel 的制表符或空格）或商品名称的一部分', en: 'A 19-digit order number (Excel’s TAB or spaces are fine) or part of a product name' } },
  { name: 'supplier', type: 'string', valueName: 'ID', help: { zh: '只看采购给这个供应商的（供应商编号，见 shopdesk purchases）', en: 'Only lines purchased from this supplier (supplier id, as shopdesk purchases shows)' } },
  {
    name: 'purchase-status',
    type: 'string',
    valueName: 'S',
    help: { zh: `采购状态：${PURCHASE_STATUSES.join('|')}（pending 含尚未记录采购的待发货行）`, en: `Purchase status: ${PURCHASE_STATUSES.join('|')} (pending includes lines to ship with no purchase yet)` },
  },
  { name: 'from', type: 'string', valueName: 'D', help: { zh: '支付时间从这一天起（北京时间 YYYY-MM-DD）', en: 'Paid on or after this day (China time, YYYY-MM-DD)' } },
  { name: 'to', type: 'string', valueName: 'D', help: { zh: '支付时间到这一天止（含）', en: 'Paid on or before this day (inclusive)' } },
  AT_FLAG,
  { name: 'limit', type: 'string', valueName: 'N', help: { zh: '列出前 N 单（默认 100），total 仍是全部', en: 'List the first N orders (default 100); total still counts all' } },
];

const refuse = (flag: string, message: string, allowed: string) => new AppError('VALIDATION', `${flag}: ${message}`, { issues: [{ path: flag, message: allowed }] });

const stringFlag = (input: CommandInput, name: string): string | undefined => {
  const value = input.flags[name];
  return value === undefined || value === true ? undefined : value;
};

const whole = (min: number, max: number) => z.string().regex(/^\d{1,7}$/).transform(Number).pipe(z.number().int().min(min).max(max));
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The flags as an orders.list filter and limit. Errors: VALIDATION naming the flag and what it takes. */
export function ordersQuery(input: CommandInput): { filter: OrderFilter; limit: number } {
  const filter: OrderFilter = {};
  const status = stringFlag(input, 'status');
  if (status !== undefined) {
    if (status.trim() === '' || status.length > 20) throw refuse('--status', `not a status: ${status}`, 'an order status such as 待发货');
    filter.status = status.trim();
  }
  const due = stringFlag(input, 'due-within');
  if (due !== undefined) {
    const parsed = whole(1, 24 * 90).safeParse(due);
    if (!parsed.success) throw refuse('--due-within', `not a whole number of hours from 1 to 2160: ${due}`, 'whole number of hours from 1 to 2160');
    filter.dueWithinHours = parsed.data;
  }
  const picked = [input.flags.overdue === true && 'overdue', input.flags['refund-before-ship'] === true && 'refundBeforeShip'].filter((q): q is 'overdue' | 'refundBeforeShip' => q !== false);
  if (picked.length > 1 || (picked.length === 1 && due !== undefined)) {
    throw refuse('--overdue', 'choose one of --due-within, --overdue, --refund-before-ship', 'one of --due-within, --overdue, --refund-before-ship');
  }
  if (picked[0] !== undefined) filter.queue = picked[0];
  const province = stringFlag(input, 'province');
  if (province !== undefined) filter.province = province;
  const influencer = stringFlag(input, 'influencer');
  if (influencer !== undefined) {
    if (!/^\d{1,30}$/.test(influencer.trim())) throw refuse('--influencer', `not an influencer ID: ${influencer}`, 'digits (达人ID)');
    filter.influencer = influencer.trim();
  }
  const supplier = stringFlag(input, 'supplier');
  if (supplier !== undefined) {
    const parsed = whole(1, 9_999_999).safeParse(supplier.trim());
    if (!parsed.success) throw refuse('--supplier', `not a supplier id: ${supplier}`, 'a supplier id (whole number from 1)');
    filter.supplierId = parsed.data;
  }
  const purchaseStatus = stringFlag(input, 'purchase-status');
  if (purchaseStatus !== undefined) {
    if (!isPurchaseStatus(purchaseStatus.trim())) throw refuse('--purchase-status', `not a purchase status: ${purchaseStatus}`, PURCHASE_STATUSES.join('|'));
    filter.purchaseStatus = purchaseStatus.trim() as (typeof PURCHASE_STATUSES)[number];
  }
  const search = stringFlag(input, 'search');
  if (search !== undefined) filter.search = search;
  for (const [flag, key] of [['from', 'paidFrom'], ['to', 'paidTo']] as const) {
    const day = stringFlag(input, flag);
    if (day === undefined) continue;
    if (!DAY.test(day)) throw refuse(`--${flag}`, `not a day: ${day}`, 'a China day YYYY-MM-DD');
    filter[key] = day;
  }
  if (filter.paidFrom && filter.paidTo && filter.paidFrom > filter.paidTo) throw refuse('--to', `${filter.paidTo} is before --from ${filter.paidFrom}`, 'a day on or after --from');
  const limitText = stringFlag(input, 'limit');
  let limit = DEFAULT_LIMIT;
  if (limitText !== undefined) {
    const parsed = whole(1, 1_000_000).safeParse(limitText);
    if (!parsed.success) throw refuse('--limit', `not a whole number from 1 to 1000000: ${limitText}`, 'whole number from 1 to 1000000');
    limit = parsed.data;
  }
  return { filter, limit };
}

/** The `shopdesk orders --json` shape (issue 11; kept stable for scripts). Nothing personal: no notes, no recipient. */
export function ordersJson(total: OrderCount, orders: readonly OrderSummary[]) {
  return {
    total: { orders: total.orders, lines: total.lines },
    orders: orders.map((o) => ({
      mainOrderId: o.mainOrderId,
      shipBy: o.shipBy,
      purchaseStatus: o.purchaseStatus,
      lines: o.lines.map((l) => ({ subOrderId: l.subOrderId, product: l.productTitle, quantity: l.quantity, amountFen: l.payableFen, status: l.status, afterSaleStatus: l.aftersaleStatus })),
    })),
  };
}

export const orderCommands: CommandGroup = {
  name: 'orders',
  summary: { zh: '订单', en: 'Orders' },
  commands: [],
  defaultCommand: {
    name: '',
    summary: { zh: '列出订单（按最晚发货时间，可筛选），并给出符合条件的总数', en: 'List orders by ship-by time, filtered, with the total that match' },
    flags: FLAGS,
    async run(ctx, input) {
      const { filter, limit } = ordersQuery(input);
      const core = await ctx.core({ at: atFlag(input) });
      const orders: OrderSummary[] = [];
      let cursor: string | undefined;
      let total: OrderCount | undefined;
      // Every page measures the windows from the first page's moment.
      let at: string | undefined;
      do {
        const page = await core.call('orders.list', { filter, sort: 'shipBy', direction: 'asc', at, cursor, limit: Math.min(PAGE, limit - orders.length) });
        total ??= page.total ?? undefined;
        at ??= page.at;
        orders.push(...page.orders);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined && orders.length < limit);
      total ??= { orders: 0, lines: 0 };
      const data = ordersJson(total, orders);
      const t = (zh: string, en: string) => ctx.t({ zh, en });
      const lines = orders.map((o) => {
        const when = o.shipBy === null ? t('无发货时间', 'no ship-by') : chinaDateTime(o.shipBy).slice(0, 16);
        const items = o.lines.map((l) => `    ${l.subOrderId}  ${l.productTitle ?? '-'} ×${l.quantity ?? '-'}  ${l.status ?? '-'}${l.aftersaleStatus && l.aftersaleStatus !== '-' ? ` / ${l.aftersaleStatus}` : ''}`);
        return [`${o.mainOrderId}  ${t('最晚发货', 'ship by')} ${when}`, ...items].join('\n');
      });
      const summary = t(`共 ${total.orders} 单（${total.lines} 行）符合条件，列出了 ${orders.length} 单。`, `${total.orders} orders (${total.lines} lines) match; ${orders.length} listed.`);
      const text = total.orders === 0 ? t('没有符合条件的订单。', 'No orders match.') : [...lines, '', summary].join('\n');
      return { data, text };
    },
  },
};
