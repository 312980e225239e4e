import { sql, type Kysely } from 'kysely';
import { isChinaDate } from '../../shared/domain/china-time';
import { classifyAftersale, currentAftersaleStatus } from '../../shared/domain/order-line-state';
import type { DayRange, DepositRate, EntityType, LedgerEntry, LedgerKind } from '../../shared/rpc/domains/money';
import { mergeRanges } from './coverage';
import { LEDGER_SIGN, recogniseDepositRow } from './deposit-rules';
import type { LineFacts, Movement } from './money-facts';
import type { MoneyDatabase } from './money-schema';
import { linkByOrder, loadOrderLinesOf, ordersToLink } from './link-by-order';
import { movementOfBill, movementOfFunds } from './movements';

export async function listRates(db: Kysely<MoneyDatabase>): Promise<DepositRate[]> {
  const rows = await db.selectFrom('deposit_rates').selectAll().orderBy('position').orderBy('category').orderBy('entity').execute();
  return rows.map((r) => ({ entity: r.entity, category: r.category, amountFen: r.amount_fen }));
}

export async function setRate(db: Kysely<MoneyDatabase>, entity: EntityType, category: string, amountFen: number | null): Promise<void> {
  const existing = await db.selectFrom('deposit_rates').select('position').where('category', '=', category).executeTakeFirst();
  const max = await db.selectFrom('deposit_rates').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst();
  const position = existing?.position ?? Number(max?.max ?? 0) + 1;
  await db
    .insertInto('deposit_rates')
    .values({ entity, category, amount_fen: amountFen, position })
    .onConflict((oc) => oc.columns(['entity', 'category']).doUpdateSet({ amount_fen: amountFen }))
    .execute();
}

export async function removeCategory(db: Kysely<MoneyDatabase>, category: string): Promise<number> {
  const result = await db.deleteFrom('deposit_rates').where('category', '=', category).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Typed-in entries plus the deposit rows recognised in the funds flow (each 动账流水号 once), by date. */
export async function loadLedger(db: Kysely<MoneyDatabase>): Promise<LedgerEntry[]> {
  const manual = await db.selectFrom('deposit_ledger').selectAll().execute();
  const funds = await db
    .selectFrom('funds_flows')
    .select(['flow_id', 'flow_at', 'direction', 'amount_fen', 'account', 'scene', 'note'])
    // Candidates only: recogniseDepositRow decides (the deposit account, or a transfer to or from it).
    .where((eb) => eb.or([eb('account', 'like', '%保证金%'), eb('scene', 'like', '%保证金%'), eb('note', 'like', '%保证金%')]))
    .execute();
  const entries: LedgerEntry[] = [
    ...manual.map((r) => ({
      id: `m:${r.id}`,
      on: r.on_date,
      kind: r.kind,
      amountFen: LEDGER_SIGN[r.kind] * r.amount_fen,
      note: r.note,
      source: 'manual' as const,
      scene: null,
    })),
    ...funds.flatMap((r) => {
      const entry = recogniseDepositRow({ flowId: r.flow_id, flowAt: r.flow_at, direction: r.direction, amountFen: r.amount_fen, account: r.account, scene: r.scene, note: r.note });
      return entry ? [entry] : [];
    }),
  ];
  return entries.sort((a, b) => b.on.localeCompare(a.on) || b.id.localeCompare(a.id));
}

export async function addLedgerEntry(db: Kysely<MoneyDatabase>, e: { on: string; kind: LedgerKind; amountFen: number; note: string }, now: Date): Promise<void> {
  await db.insertInto('deposit_ledger').values({ on_date: e.on, kind: e.kind, amount_fen: e.amountFen, note: e.note, created_at: now.toISOString() }).execute();
}

export async function removeLedgerEntry(db: Kysely<MoneyDatabase>, id: number): Promise<number> {
  const result = await db.deleteFrom('deposit_ledger').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * `YYYY-MM-DD HH:MM:SS` (China time) → China date: its first ten characters. Reading the text as
 * an instant and back gave the same (the time is below 24:00 and the zone is the text's own), and
 * anything else was cut to ten characters anyway; the slice does it without a Date per line.
 */
export const dayOf = (text: string | null): string | null => (text ? text.slice(0, 10) : null);

const UNPAID = new Set(['待支付', '待确认']);

type AftersaleRow = { sub_order_id: string; status: string | null; refund_goods_fen: number | null; applied_at: string | null; closed_at: string | null; finished_at: string | null };
type LineRow = Pick<
  MoneyDatabase['order_lines'],
  'sub_order_id' | 'payable_fen' | 'platform_borne_fen' | 'influencer_borne_fen' | 'influencer_id' | 'shipped_at' | 'completed_at' | 'status' | 'aftersale_status'
>;

/** After-sales requests by sub-order, in table order (a line has none, one, or a few); of `only` these sub-orders when given. */
async function loadAftersales(db: Kysely<MoneyDatabase>, only?: readonly string[]): Promise<Map<string, AftersaleRow[]>> {
  let query = db.selectFrom('aftersales').select(['sub_order_id', 'status', 'refund_goods_fen', 'applied_at', 'closed_at', 'finished_at']);
  // Through the sub-order index, then in table order as the whole read meets them.
  if (only !== undefined) query = query.where('sub_order_id', 'in', only).orderBy(sql`rowid`);
  const rows = await query.execute();
  const bySub = new Map<string, AftersaleRow[]>();
  for (const a of rows) {
    const list = bySub.get(a.sub_order_id);
    if (list) list.push(a);
    else bySub.set(a.sub_order_id, [a]);
  }
  return bySub;
}

const NO_REQUESTS: AftersaleRow[] = [];

/**
 * One copy of each repeated text (days, product titles) for one load: 500k lines share a few
 * hundred days and products, and each row from SQLite is a fresh string otherwise.
 */
export function createInterner(): (text: string | null) => string | null {
  const seen = new Map<string, string>();
  return (text) => {
    if (text === null) return null;
    const known = seen.get(text);
    if (known !== undefined) return known;
    seen.set(text, text);
    return text;
  };
}

const asIs = (text: string | null): string | null => text;

/** One paid order line as money sees it (null for an unpaid one), with its after-sales requests. */
export function lineFactsOf(
  l: LineRow & { order_id: string; product_title: string | null },
  requestsInTableOrder: AftersaleRow[] | undefined,
  intern: (text: string | null) => string | null = asIs,
): LineFacts | null {
  const status = l.status?.trim() ?? '';
  if (UNPAID.has(status)) return null;
  const grossFen = (l.payable_fen ?? 0) + (l.platform_borne_fen ?? 0) + (l.influencer_borne_fen ?? 0);
  const requests = requestsInTableOrder ? [...requestsInTableOrder].sort((a, b) => (a.applied_at ?? '').localeCompare(b.applied_at ?? '')) : NO_REQUESTS;
  const latest = requests.at(-1);
  // The after-sales export is more detailed and newer than the order row's summary when present (one definition with Today's queues).
  const aftersale = classifyAftersale(currentAftersaleStatus(l.aftersale_status, requests.map((a) => ({ status: a.status, appliedAt: a.applied_at }))));
  let refundedFen = 0;
  if (aftersale === 'refunded') {
    const refundRows = requests.filter((a) => classifyAftersale(a.status) === 'refunded');
    refundedFen = refundRows.length > 0 ? refundRows.reduce((s, a) => s + (a.refund_goods_fen ?? 0), 0) : grossFen;
  }
  const ended = latest ? ([dayOf(latest.finished_at), dayOf(latest.closed_at)].filter((d): d is string => d !== null).sort().at(-1) ?? null) : null;
  const shippedOn = intern(dayOf(l.shipped_at));
  return {
    subOrderId: l.sub_order_id,
    orderId: l.order_id,
    product: intern(l.product_title),
    grossFen,
    refundedFen: Math.min(refundedFen, grossFen),
    hasInfluencer: !!l.influencer_id,
    shippedOn,
    confirmedOn: intern(dayOf(l.completed_at)),
    aftersale,
    aftersaleEndedOn: ended,
    isClosed: status === '已关闭' && shippedOn === null,
  };
}

const LINE_COLUMNS = ['sub_order_id', 'payable_fen', 'platform_borne_fen', 'influencer_borne_fen', 'influencer_id', 'shipped_at', 'completed_at', 'status', 'aftersale_status'] as const;

/** The order lines money cares about (paid ones), with their after-sales state. */
export async function loadLineFacts(db: Kysely<MoneyDatabase>): Promise<LineFacts[]> {
  const lines = await db
    .selectFrom('order_lines')
    .select([...LINE_COLUMNS, 'order_id', 'product_title'])
    // Import order: the `all` list's order, which loadLinePage reads a page of.
    .orderBy(sql`rowid`)
    .execute();
  const bySub = await loadAftersales(db);
  const intern = createInterner();
  const facts: LineFacts[] = [];
  for (const l of lines) {
    const f = lineFactsOf(l, bySub.get(l.sub_order_id), intern);
    if (f) facts.push(f);
  }
  return facts;
}

/**
 * The paid lines at `offset`, `offset + limit` of loadLineFacts' list, read from its start in
 * import order (an unpaid line is skipped after reading, as loadLineFacts does), with only their
 * own after-sales requests: a page near the start costs a few hundred rows, not every line.
 */
export async function loadLinePage(db: Kysely<MoneyDatabase>, offset: number, limit: number): Promise<LineFacts[]> {
  const rows: (LineRow & { order_id: string; product_title: string | null; seq: number })[] = [];
  let paid = 0;
  let after = 0;
  for (;;) {
    const batch = await db
      .selectFrom('order_lines')
      .select([...LINE_COLUMNS, 'order_id', 'product_title', sql<number>`rowid`.as('seq')])
      .where(sql<boolean>`rowid > ${after}`)
      .orderBy(sql`rowid`)
      .limit(500)
      .execute();
    for (const r of batch) {
      if (UNPAID.has(r.status?.trim() ?? '')) continue;
      if (paid >= offset && paid < offset + limit) rows.push(r);
      paid += 1;
    }
    if (batch.length < 500 || paid >= offset + limit) break;
    after = batch.at(-1)!.seq;
  }
  const requests = rows.length === 0 ? new Map<string, AftersaleRow[]>() : await loadAftersales(db, rows.map((r) => r.sub_order_id));
  return rows.flatMap((r) => lineFactsOf(r, requests.get(r.sub_order_id)) ?? []);
}

/**
 * The same lines without their names (order id and product title are left empty): what the
 * forecast needs, read without the two widest text columns.
 */
export async function loadUnnamedLineFacts(db: Kysely<MoneyDatabase>): Promise<LineFacts[]> {
  const lines = await db.selectFrom('order_lines').select(LINE_COLUMNS).execute();
  const bySub = await loadAftersales(db);
  const intern = createInterner();
  const facts: LineFacts[] = [];
  for (const l of lines) {
    const f = lineFactsOf({ ...l, order_id: '', product_title: null }, bySub.get(l.sub_order_id), intern);
    if (f) facts.push(f);
  }
  return facts;
}

/**
 * The days each imported funds flow and settlement bill covers: per import that brought or last
 * updated rows, its first to its last row day (动账时间 / 结算时间), merged.
 */
export async function loadCoverage(db: Kysely<MoneyDatabase>): Promise<DayRange[]> {
  const span = (table: 'funds_flows' | 'settlement_lines', column: 'flow_at' | 'settled_at', by: 'first_import_id' | 'last_import_id') =>
    sql<DayRange>`SELECT min(substr(${sql.ref(column)}, 1, 10)) AS "from", max(substr(${sql.ref(column)}, 1, 10)) AS "to"
      FROM ${sql.table(table)} WHERE length(${sql.ref(column)}) >= 10 GROUP BY ${sql.ref(by)}`.execute(db);
  const results = await Promise.all([
    span('funds_flows', 'flow_at', 'first_import_id'),
    span('funds_flows', 'flow_at', 'last_import_id'),
    span('settlement_lines', 'settled_at', 'first_import_id'),
    span('settlement_lines', 'settled_at', 'last_import_id'),
  ]);
  const rows = results.flatMap((r) => r.rows);
  return mergeRanges(rows.filter((r) => isChinaDate(r.from) && isChinaDate(r.to)));
}

const FUNDS_COLUMNS = [
  'flow_id', 'flow_at', 'direction', 'amount_fen', 'signed_amount_fen', 'scene', 'note', 'sub_order_id', 'order_id', 'influencer_id', 'order_paid_fen',
  'platform_subsidy_fen', 'other_platform_subsidy_fen', 'influencer_subsidy_fen', 'douyin_pay_subsidy_fen', 'douyin_monthly_subsidy_fen',
  'bank_subsidy_fen', 'platform_fee_fen', 'commission_fen', 'provider_commission_fen', 'channel_share_fen', 'recruiter_fee_fen',
  'offsite_promo_fen', 'other_share_fen',
] as const;
const BILL_COLUMNS = [
  'settlement_key', 'settled_at', 'sub_order_id', 'order_id', 'amount_fen', 'settle_type', 'income_total_fen', 'platform_fee_fen', 'commission_fen',
  'channel_share_fen', 'recruiter_fee_fen', 'offsite_promo_fen', 'other_share_fen',
] as const;

export async function loadMovements(db: Kysely<MoneyDatabase>): Promise<{ funds: Movement[]; bill: Movement[] }> {
  const funds = await db.selectFrom('funds_flows').select(FUNDS_COLUMNS).execute();
  const bill = await db.selectFrom('settlement_lines').select(BILL_COLUMNS).execute();
  // A blank 子订单号 links by 订单号 when that order has one line (link-by-order.ts).
  const fundsMoves = funds.map(movementOfFunds);
  const billMoves = bill.map(movementOfBill);
  const linesOf = await loadOrderLinesOf(db, ordersToLink([...fundsMoves, ...billMoves]));
  return { funds: linkByOrder(fundsMoves, linesOf), bill: linkByOrder(billMoves, linesOf) };
}

/**
 * The movements `loadMovements` would link to these lines, read through the sub-order and order
 * indexes (migration 0021): the rows naming their sub-orders, and the rows with a blank 子订单号
 * naming their orders (linked only where the order has this one line, as linkByOrder decides).
 */
export async function loadMovementsOf(db: Kysely<MoneyDatabase>, lines: readonly Pick<LineFacts, 'subOrderId' | 'orderId'>[]): Promise<{ funds: Movement[]; bill: Movement[] }> {
  const subs = [...new Set(lines.map((l) => l.subOrderId))];
  const orders = [...new Set(lines.map((l) => l.orderId))];
  const funds: Movement[] = [];
  const bill: Movement[] = [];
  // Chunked: SQLite limits bound variables.
  for (let i = 0; i < Math.max(subs.length, orders.length); i += 400) {
    const s = subs.slice(i, i + 400);
    const o = orders.slice(i, i + 400);
    const theirs = sql<boolean>`(sub_order_id IN (${sql.join(s.length > 0 ? s : [null])}) OR ((sub_order_id IS NULL OR sub_order_id = '') AND order_id IN (${sql.join(o.length > 0 ? o : [null])})))`;
    funds.push(...(await db.selectFrom('funds_flows').select(FUNDS_COLUMNS).where(theirs).orderBy(sql`rowid`).execute()).map(movementOfFunds));
    bill.push(...(await db.selectFrom('settlement_lines').select(BILL_COLUMNS).where(theirs).orderBy(sql`rowid`).execute()).map(movementOfBill));
  }
  const linesOf = await loadOrderLinesOf(db, ordersToLink([...funds, ...bill]));
  return { funds: linkByOrder(funds, linesOf), bill: linkByOrder(bill, linesOf) };
}
