import { z } from 'zod';
import type { RoutineSettings } from '../../shared/rpc/domains/routine';
import type { RoutineExecutor } from './routine-db';

export const DEFAULT_ROUTINE_SETTINGS: RoutineSettings = { allowedMissesPerWeek: 1, idleMinutes: 10 };

const SCHEMA = { allowedMissesPerWeek: z.number().int().min(0).max(6), idleMinutes: z.number().int().min(1).max(240) };
const KEYS = Object.keys(SCHEMA) as (keyof RoutineSettings)[];

/** Stored as JSON per key; a missing or hand-damaged value falls back to its default. */
export async function readRoutineSettings(db: RoutineExecutor): Promise<RoutineSettings> {
  const rows = await db.selectFrom('routine_settings').select(['key', 'value']).where('key', 'in', KEYS).execute();
  const result: RoutineSettings = { ...DEFAULT_ROUTINE_SETTINGS };
  for (const row of rows) {
    const key = row.key as keyof RoutineSettings;
    try {
      const parsed = SCHEMA[key].safeParse(JSON.parse(row.value));
      if (parsed.success) result[key] = parsed.data;
    } catch {
      // keep the default
    }
  }
  return result;
}

export async function writeRoutineSettings(db: RoutineExecutor, patch: Partial<RoutineSettings>, now: Date): Promise<void> {
  for (const key of KEYS) {
    const value = patch[key];
    if (value === undefined) continue;
    const row = { key, value: JSON.stringify(value), updated_at: now.toISOString() };
    await db
      .insertInto('routine_settings')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }))
      .execute();
  }
}
