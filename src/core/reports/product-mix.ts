import type { Kysely } from 'kysely';
import { sharePct } from '../../shared/domain/periods';
import type { AnalyticsBasis, ProductMixRow } from '../../shared/rpc/domains/analytics';
import type { Database } from '../db/schema';
import { MIX_SEPARATOR, MIX_STATES, type MixState } from './analytics-days';
import { sumsByKey } from './analytics-sums';
import { sql } from 'kysely';

/** Per product over [from, to]: lines closed before shipping, refunded, with any after-sales request, and their rates. */
export async function productMix(db: Kysely<Database>, p: { from: string; to: string; basis: AnalyticsBasis }): Promise<ProductMixRow[]> {
  const range = { from: p.from, to: p.to };
  const [lines, mix] = await Promise.all([sumsByKey(db, p.basis, 'product', range), sumsByKey(db, p.basis, 'mix', range)]);
  const counts = new Map<string, Record<MixState, number>>();
  for (const [key, totals] of mix) {
    const [product, state] = key.split(MIX_SEPARATOR) as [string, MixState];
    if (!(MIX_STATES as readonly string[]).includes(state)) continue;
    const c = counts.get(product) ?? { closedBeforeShip: 0, refunded: 0, aftersale: 0 };
    c[state] += totals.lines;
    counts.set(product, c);
  }
  const rows = [...lines.entries()].sort((a, b) => b[1].lines - a[1].lines || (a[0] < b[0] ? -1 : 1));
  const out: ProductMixRow[] = [];
  for (const [productId, totals] of rows) {
    const c = counts.get(productId) ?? { closedBeforeShip: 0, refunded: 0, aftersale: 0 };
    const name = productId === '' ? null : ((await sql<{ name: string | null }>`SELECT product_title AS name FROM order_lines WHERE product_id = ${productId} AND product_title IS NOT NULL LIMIT 1`.execute(db)).rows[0]?.name ?? null);
    out.push({
      productId,
      name,
      lines: totals.lines,
      ...c,
      closedBeforeShipPct: sharePct(c.closedBeforeShip, totals.lines),
      refundedPct: sharePct(c.refunded, totals.lines),
      aftersalePct: sharePct(c.aftersale, totals.lines),
    });
  }
  return out;
}
