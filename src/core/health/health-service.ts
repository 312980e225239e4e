import { AppError } from '../../shared/errors';
import { DEFAULT_HEALTH_SETTINGS, healthWarnings } from '../../shared/domain/shop-health';
import type { HealthEntry, HealthLog, HealthMetric, HealthSettings } from '../../shared/rpc/domains/health';
import type { HealthExecutor, ShopHealthTable } from './health-schema';
import { loadSpotShare } from './spot-share';

/** Each metric's column (rates as percentages). */
const COLUMN: Record<HealthMetric, keyof ShopHealthTable> = {
  experienceScore: 'experience_score',
  productScore: 'product_score',
  logisticsScore: 'logistics_score',
  serviceScore: 'service_score',
  dsr: 'dsr',
  goodReviewPct: 'good_review_pct',
  visitors: 'visitors',
  clickers: 'clickers',
  ctrPct: 'ctr_pct',
  conversionPct: 'conversion_pct',
  reply3mPct: 'reply_3m_pct',
};
const METRICS = Object.keys(COLUMN) as HealthMetric[];

const entryOf = (row: ShopHealthTable): HealthEntry => {
  const out = { date: row.on_date, note: row.note, updatedAt: row.updated_at } as HealthEntry;
  for (const m of METRICS) out[m] = row[COLUMN[m]] as number | null;
  return out;
};

export type HealthInput = { date: string; note?: string } & Partial<Record<HealthMetric, number | null>>;

/** Saves the day's entry whole (a second save of a date replaces it); one statement, so nothing is half-written. */
export async function saveEntry(db: HealthExecutor, input: HealthInput, now: Date): Promise<{ entry: HealthEntry; replaced: boolean }> {
  const at = now.toISOString();
  const existing = await db.selectFrom('shop_health').select(['on_date', 'created_at']).where('on_date', '=', input.date).executeTakeFirst();
  const row: ShopHealthTable = { on_date: input.date, note: input.note ?? '', created_at: existing?.created_at ?? at, updated_at: at } as ShopHealthTable;
  for (const m of METRICS) (row as unknown as Record<string, unknown>)[COLUMN[m]] = input[m] ?? null;
  await db
    .insertInto('shop_health')
    .values(row)
    .onConflict((oc) => oc.column('on_date').doUpdateSet(row))
    .execute();
  return { entry: entryOf(row), replaced: existing !== undefined };
}

export async function removeEntry(db: HealthExecutor, date: string): Promise<{ removed: boolean }> {
  const result = await db.deleteFrom('shop_health').where('on_date', '=', date).executeTakeFirst();
  return { removed: Number(result.numDeletedRows) > 0 };
}

export async function readHealthSettings(db: HealthExecutor): Promise<HealthSettings> {
  const rows = await db.selectFrom('shop_health_settings').select(['key', 'value']).execute();
  const out: HealthSettings = { ...DEFAULT_HEALTH_SETTINGS };
  for (const r of rows) {
    if (!Object.hasOwn(DEFAULT_HEALTH_SETTINGS, r.key)) continue;
    const value: unknown = JSON.parse(r.value);
    if (typeof value === 'number' && Number.isFinite(value)) out[r.key as keyof HealthSettings] = value;
  }
  return out;
}

/** Changes some thresholds; refused whole when the floor would end up above the reminder line. */
export async function updateHealthSettings(db: HealthExecutor, patch: Partial<HealthSettings>, now: Date): Promise<HealthSettings> {
  const next = { ...(await readHealthSettings(db)), ...patch };
  if (next.spotFloorPct > next.spotWarnPct) {
    throw new AppError('VALIDATION', 'spotWarnPct below spotFloorPct', {
      issues: [{ path: patch.spotWarnPct !== undefined ? 'spotWarnPct' : 'spotFloorPct', message: 'healthSpotWarn', field: 'healthSpotWarn', problem: 'minAboveMax' }],
    });
  }
  const at = now.toISOString();
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    await db
      .insertInto('shop_health_settings')
      .values({ key, value: JSON.stringify(value), updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at }))
      .execute();
  }
  return next;
}

export async function latestEntry(db: HealthExecutor): Promise<HealthEntry | null> {
  const row = await db.selectFrom('shop_health').selectAll().orderBy('on_date', 'desc').limit(1).executeTakeFirst();
  return row ? entryOf(row) : null;
}

/** The log between two dates (oldest first), the thresholds, the spot share and what warns now (the newest entry's figures). */
export async function loadHealthLog(db: HealthExecutor, range: { from?: string; to?: string }, now: Date): Promise<HealthLog> {
  let q = db.selectFrom('shop_health').selectAll().orderBy('on_date', 'asc');
  if (range.from) q = q.where('on_date', '>=', range.from);
  if (range.to) q = q.where('on_date', '<=', range.to);
  const [rows, settings, spot, latest] = await Promise.all([q.execute(), readHealthSettings(db), loadSpotShare(db, now), latestEntry(db)]);
  return { entries: rows.map(entryOf), settings, spot, warnings: healthWarnings(latest, spot, settings) };
}
