import { chinaDayRange } from '../../shared/domain/china-time';
import type { AftersaleResults, CauseReportRow } from '../../shared/rpc/domains/aftersales';
import type { AftersaleExecutor } from './aftersale-schema';
import { caseRows } from './case-list';

/**
 * Closed disputes' causes grouped by product and supplier (DOMAIN.md: "record the cause … and fix
 * that link"): the product or supplier whose cases keep closing on 描述不符 or 质量 is the link to fix.
 * `from` / `to` are China days of the seller's close.
 */
export async function causeReport(db: AftersaleExecutor, range: { from?: string | undefined; to?: string | undefined }, now: Date): Promise<AftersaleResults['aftersales.causeReport']> {
  const from = range.from === undefined ? null : chinaDayRange(range.from).from.toISOString();
  const to = range.to === undefined ? null : chinaDayRange(range.to).to.toISOString();
  // Only the seller closes a case with a cause: the touched cases (hand-made, or closed by the seller) hold them all.
  const { rows } = await caseRows(db, now, { touched: true });
  const closed = rows.filter((r) => r.closedAt !== null && (from === null || r.closedAt >= from) && (to === null || r.closedAt < to));
  const groups = new Map<string, CauseReportRow>();
  let withoutCause = 0;
  for (const r of closed) {
    if (r.causeId === null) {
      withoutCause += 1;
      continue;
    }
    const key = `${r.productId ?? r.productTitle ?? ''}|${r.supplierId ?? ''}`;
    const group = groups.get(key) ?? { productId: r.productId, productTitle: r.productTitle, supplierId: r.supplierId, supplierName: r.supplierName, total: 0, causes: [] };
    group.total += 1;
    const cause = group.causes.find((c) => c.causeId === r.causeId);
    if (cause) cause.count += 1;
    else group.causes.push({ causeId: r.causeId, name: r.causeName ?? '', count: 1 });
    groups.set(key, group);
  }
  const out = [...groups.values()];
  for (const g of out) g.causes.sort((a, b) => b.count - a.count || a.causeId - b.causeId);
  out.sort((a, b) => b.total - a.total || (a.productTitle ?? '').localeCompare(b.productTitle ?? ''));
  return { rows: out, closed: closed.length, withoutCause };
}
