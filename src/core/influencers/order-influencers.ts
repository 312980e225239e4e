import { sql } from 'kysely';
import type { AttributedLine, AttributionFacts } from './attribution';
import type { InfluencerDb, InfluencerExecutor } from './influencer-schema';

/*
 * The order side of the CRM: the lines sold through influencers (read by 0007's index on 达人ID), the facts their attribution needs, and the step that makes every 达人ID of the
 * imported orders known to the CRM.
 */

type LineRow = {
  sub_order_id: string; order_id: string; influencer_id: string; influencer_name: string | null; product_id: string | null; product_title: string | null;
  submitted_at: string | null; payable_fen: number | null; aftersale_status: string | null; export_time: number | null; last_import_id: number;
};

/** Lines with a 达人ID, optionally of one influencer. */
export async function loadInfluencerLines(db: InfluencerExecutor, douyinId?: string): Promise<AttributedLine[]> {
  const where = douyinId === undefined ? sql`influencer_id IS NOT NULL AND influencer_id <> ''` : sql`influencer_id = ${douyinId}`;
  const r = await sql<LineRow>`SELECT sub_order_id, order_id, influencer_id, influencer_name, product_id, product_title, submitted_at, payable_fen,
      aftersale_status, export_time, last_import_id FROM order_lines WHERE ${where}`.execute(db);
  return r.rows.map((l) => ({
    subOrderId: l.sub_order_id, orderId: l.order_id, influencerId: l.influencer_id, influencerName: l.influencer_name, productId: l.product_id,
    productTitle: l.product_title, submittedAt: l.submitted_at, payableFen: l.payable_fen, aftersaleStatus: l.aftersale_status, exportTime: l.export_time, lastImportId: l.last_import_id,
  }));
}

/** After-sales requests, funds-flow commission and expected rates for the influencer lines (joined, not an IN list: a big shop exceeds SQLite's bound variables). */
export async function loadAttributionFacts(db: InfluencerExecutor, douyinId?: string): Promise<AttributionFacts> {
  const lineWhere = douyinId === undefined ? sql`ol.influencer_id IS NOT NULL AND ol.influencer_id <> ''` : sql`ol.influencer_id = ${douyinId}`;
  const after = await sql<{ sub_order_id: string; status: string | null; applied_at: string | null; refund_goods_fen: number | null }>`
    SELECT a.sub_order_id, a.status, a.applied_at, a.refund_goods_fen FROM aftersales a JOIN order_lines ol ON ol.sub_order_id = a.sub_order_id WHERE ${lineWhere}`.execute(db);
  const funds = await sql<{ sub_order_id: string; commission: number }>`
    SELECT f.sub_order_id, -sum(f.commission_fen) AS commission FROM funds_flows f JOIN order_lines ol ON ol.sub_order_id = f.sub_order_id
    WHERE ${lineWhere} AND f.commission_fen IS NOT NULL GROUP BY f.sub_order_id`.execute(db);
  const rates = await db.selectFrom('products').select(['douyin_product_id', 'commission_bp']).where('douyin_product_id', '<>', '').orderBy('id').execute();
  const aftersales = new Map<string, { status: string | null; appliedAt: string | null; refundFen: number | null }[]>();
  for (const a of after.rows) {
    const list = aftersales.get(a.sub_order_id) ?? [];
    list.push({ status: a.status, appliedAt: a.applied_at, refundFen: a.refund_goods_fen });
    aftersales.set(a.sub_order_id, list);
  }
  return {
    aftersales,
    fundsCommission: new Map(funds.rows.map((f) => [f.sub_order_id, Number(f.commission)])),
    // The newest product record of a 商品ID wins (orderBy id).
    productRates: new Map(rates.map((p) => [p.douyin_product_id, p.commission_bp])),
  };
}

/**
 * Every 达人ID of the imported orders becomes an influencer (source 'orders') if the CRM does not
 * know it, and every influencer's `export_nickname` is the newest export's; an influencer found in
 * orders (not entered by hand) takes that as its nickname, so a rename between exports shows the
 * newest name. Returns the ids created or renamed.
 */
export async function syncOrderInfluencers(db: InfluencerDb, now: Date): Promise<number[]> {
  const newest = await sql<{ influencer_id: string; name: string | null }>`
    SELECT influencer_id, (SELECT o2.influencer_name FROM order_lines o2 WHERE o2.influencer_id = o.influencer_id AND ifnull(o2.influencer_name, '') <> ''
      ORDER BY o2.export_time IS NULL, o2.export_time DESC, o2.last_import_id DESC LIMIT 1) AS name
    FROM order_lines o WHERE influencer_id IS NOT NULL AND influencer_id <> '' GROUP BY influencer_id`.execute(db);
  if (newest.rows.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const known = new Map((await trx.selectFrom('influencers').select(['id', 'douyin_id', 'source', 'nickname', 'export_nickname']).where('douyin_id', 'is not', null).execute()).map((r) => [r.douyin_id!, r]));
    const at = now.toISOString();
    const changed: number[] = [];
    for (const { influencer_id: douyinId, name } of newest.rows) {
      const row = known.get(douyinId);
      if (!row) {
        const created = await trx.insertInto('influencers').values({ douyin_id: douyinId, nickname: name ?? '', source: 'orders', export_nickname: name, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
        changed.push(created.id);
        continue;
      }
      if (row.export_nickname === name) continue;
      const set = row.source === 'orders' && name !== null ? { export_nickname: name, nickname: name, updated_at: at } : { export_nickname: name, updated_at: at };
      await trx.updateTable('influencers').set(set).where('id', '=', row.id).execute();
      changed.push(row.id);
    }
    return changed;
  });
}

/** Changes whenever an order import is added or undone: the list's catch-up runs only then. */
export async function ordersVersion(db: InfluencerExecutor): Promise<string> {
  const r = await sql<{ n: number; last: number | null; undone: number | null }>`
    SELECT count(*) AS n, max(id) AS last, sum(status = 'undone') AS undone FROM imports WHERE kind = 'orders'`.execute(db);
  const row = r.rows[0];
  return `${row?.n ?? 0}:${row?.last ?? 0}:${row?.undone ?? 0}`;
}
