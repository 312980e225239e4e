import { sql } from 'kysely';
import { AFTERSALE_TYPES, BUILTIN_TYPE_TEXTS, isAftersaleType, mapAftersaleType, normaliseTypeText, type AftersaleType } from '../../shared/domain/aftersale-type';
import { AppError } from '../../shared/errors';
import type { VocabularyEntry } from '../../shared/rpc/domains/aftersales';
import type { AftersaleExecutor } from './aftersale-schema';

/** The seller's mappings (exported text → type), normalised text as key. */
export async function loadMappings(db: AftersaleExecutor): Promise<Map<string, AftersaleType>> {
  const rows = await db.selectFrom('aftersale_type_mappings').select(['text', 'type']).execute();
  return new Map(rows.flatMap((r) => (isAftersaleType(r.type) ? [[r.text, r.type] as const] : [])));
}

export async function vocabulary(db: AftersaleExecutor): Promise<{ entries: VocabularyEntry[]; unmapped: { text: string; cases: number }[] }> {
  const mappings = await loadMappings(db);
  const builtin: VocabularyEntry[] = AFTERSALE_TYPES.filter((t) => !mappings.has(BUILTIN_TYPE_TEXTS[t])).map((type) => ({ text: BUILTIN_TYPE_TEXTS[type], type, builtin: true }));
  const own: VocabularyEntry[] = [...mappings].map(([text, type]) => ({ text, type, builtin: false }));
  const seen = (await sql<{ text: string | null; cases: number }>`SELECT aftersale_type AS text, COUNT(*) AS cases FROM aftersales GROUP BY aftersale_type`.execute(db)).rows;
  const unmapped = new Map<string, number>();
  for (const r of seen) {
    if (r.text === null || mapAftersaleType(r.text, mappings) !== 'unknown') continue;
    const key = normaliseTypeText(r.text);
    unmapped.set(key, (unmapped.get(key) ?? 0) + Number(r.cases));
  }
  return { entries: [...builtin, ...own], unmapped: [...unmapped].map(([text, cases]) => ({ text, cases })).sort((a, b) => b.cases - a.cases) };
}

export async function setMapping(db: AftersaleExecutor, text: string, type: AftersaleType, now: Date): Promise<VocabularyEntry> {
  const key = normaliseTypeText(text);
  if (key === '' || key === '-') throw new AppError('VALIDATION', 'type text is empty', { issues: [{ path: 'text', field: 'typeText', problem: 'required', message: 'Exported type text is required' }] });
  await db.insertInto('aftersale_type_mappings').values({ text: key, type, created_at: now.toISOString() }).onConflict((oc) => oc.column('text').doUpdateSet({ type })).execute();
  return { text: key, type, builtin: false };
}

export async function removeMapping(db: AftersaleExecutor, text: string): Promise<boolean> {
  const result = await db.deleteFrom('aftersale_type_mappings').where('text', '=', normaliseTypeText(text)).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
