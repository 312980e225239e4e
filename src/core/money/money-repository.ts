import type { Kysely } from 'kysely';
import { parseChinaDateTime, chinaDate } from '../../shared/domain/china-time';
import { classifyAftersale } from '../../shared/domain/settlement-rules';
import type { DepositRate, EntityType, LedgerEntry, LedgerKind } from '../../shared/rpc/domains/money';
import { LEDGER_SIGN, recogniseDepositRow } from './deposit-rules';
import type { LineFacts, Movement } from './money-facts';
import type { MoneyDatabase } from './money-schema';
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
    .select(['flow_id', 'flow_at', 'direction', 'amount_fen', 'scene', 'note'])
    .where((eb) => eb.or([eb('scene', 'like', '%保证金%'), eb('scene', 'in', ['判罚扣款', '发货物流违规扣罚']), eb('note', 'like', '%保证金退款%')]))
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
      const entry = recogniseDepositRow({ flowId: r.flow_id, flowAt: r.flow_at, direction: r.direction, amountFen: r.amount_fen, scene: r.scene, note: r.note });
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

/** `YYYY-MM-DD HH:MM:SS` (China time) → China date. */
const dayOf = (text: string | null): string | null => {
  if (!text) return null;
  const instant = parseChinaDateTime(text);
  return instant ? chinaDate(instant) : text.slice(0, 10);
};

const UNPAID = new Set(['待支付', '待确认']);

/** The order lines money cares about (paid ones), with their after-sales state. */
export async function loadLineFacts(db: Kysely<MoneyDatabase>): Promise<LineFacts[]> {
  const lines = await db
    .selectFrom('order_lines')
    .select(['sub_order_id', 'order_id', 'product_title', 'payable_fen', 'platform_borne_fen', 'influencer_borne_fen', 'influencer_id', 'shipped_at', 'completed_at', 'status', 'aftersale_status'])
    .execute();
  const aftersales = await db.selectFrom('aftersales').select(['sub_order_id', 'status', 'refund_goods_fen', 'applied_at', 'closed_at', 'finished_at']).execute();
  const bySub = new Map<string, typeof aftersales>();
  for (const a of aftersales) bySub.set(a.sub_order_id, [...(bySub.get(a.sub_order_id) ?? []), a]);
  return lines
    .filter((l) => !UNPAID.has(l.status?.trim() ?? ''))
    .map((l) => {
      const grossFen = (l.payable_fen ?? 0) + (l.platform_borne_fen ?? 0) + (l.influencer_borne_fen ?? 0);
      const requests = (bySub.get(l.sub_order_id) ?? []).sort((a, b) => (a.applied_at ?? '').localeCompare(b.applied_at ?? ''));
      const latest = requests.at(-1);
      // The after-sales export is more detailed and newer than the order row's summary when present.
      const aftersale = classifyAftersale(latest?.status ?? l.aftersale_status);
      const refundRows = requests.filter((a) => classifyAftersale(a.status) === 'refunded');
      const refundedFen = aftersale === 'refunded' ? (refundRows.length > 0 ? refundRows.reduce((s, a) => s + (a.refund_goods_fen ?? 0), 0) : grossFen) : 0;
      const ended = [latest?.finished_at, latest?.closed_at].map((t) => dayOf(t ?? null)).filter((d): d is string => d !== null).sort().at(-1) ?? null;
      const shippedOn = dayOf(l.shipped_at);
      return {
        subOrderId: l.sub_order_id,
        orderId: l.order_id,
        product: l.product_title,
        grossFen,
        refundedFen: Math.min(refundedFen, grossFen),
        hasInfluencer: !!l.influencer_id,
        shippedOn,
        confirmedOn: dayOf(l.completed_at),
        aftersale,
        aftersaleEndedOn: ended,
        isClosed: (l.status?.trim() ?? '') === '已关闭' && shippedOn === null,
      };
    });
}

export async function loadMovements(db: Kysely<MoneyDatabase>): Promise<{ funds: Movement[]; bill: Movement[] }> {
  const funds = await db
    .selectFrom('funds_flows')
    .select([
      'flow_id', 'flow_at', 'direction', 'amount_fen', 'signed_amount_fen', 'scene', 'note', 'sub_order_id', 'influencer_id', 'order_paid_fen',
      'platform_subsidy_fen', 'other_platform_subsidy_fen', 'influencer_subsidy_fen', 'douyin_pay_subsidy_fen', 'douyin_monthly_subsidy_fen',
      'bank_subsidy_fen', 'platform_fee_fen', 'commission_fen', 'provider_commission_fen', 'channel_share_fen', 'recruiter_fee_fen',
      'offsite_promo_fen', 'other_share_fen',
    ])
    .execute();
  const bill = await db
    .selectFrom('settlement_lines')
    .select([
      'settlement_key', 'settled_at', 'sub_order_id', 'amount_fen', 'settle_type', 'income_total_fen', 'platform_fee_fen', 'commission_fen',
      'channel_share_fen', 'recruiter_fee_fen', 'offsite_promo_fen', 'other_share_fen',
    ])
    .execute();
  return { funds: funds.map(movementOfFunds), bill: bill.map(movementOfBill) };
}
