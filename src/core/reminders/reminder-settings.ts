import { z } from 'zod';
import { REMINDER_KINDS, type ReminderKind, type ReminderSettings } from '../../shared/rpc/domains/reminders';
import type { RoutineExecutor } from '../routine/routine-db';

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  isEnabled: true,
  kinds: Object.fromEntries(REMINDER_KINDS.map((k) => [k, true])) as Record<ReminderKind, boolean>,
  listingLeadMinutes: 0,
  shipDueHours: 24,
  quietHours: { isEnabled: true, start: '22:00', end: '08:00' },
};

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const SCHEMA = {
  isEnabled: z.boolean(),
  kinds: z.partialRecord(z.enum(REMINDER_KINDS), z.boolean()),
  listingLeadMinutes: z.number().int().min(0).max(120),
  shipDueHours: z.number().int().min(1).max(72),
  quietHours: z.object({ isEnabled: z.boolean(), start: clock, end: clock }),
};
const KEYS = Object.keys(SCHEMA) as (keyof ReminderSettings)[];

/**
 * One JSON value per key; a missing or hand-damaged value falls back to its default. Rows of keys
 * no longer known are ignored: `listingSlots` was stored here before the 选品 quota's slots became
 * the only listing slots.
 */
export async function readReminderSettings(db: RoutineExecutor): Promise<ReminderSettings> {
  const rows = await db.selectFrom('reminder_settings').select(['key', 'value']).execute();
  const result: ReminderSettings = structuredClone(DEFAULT_REMINDER_SETTINGS);
  for (const row of rows) {
    if (!(KEYS as string[]).includes(row.key)) continue;
    const key = row.key as keyof ReminderSettings;
    let value: unknown;
    try {
      value = JSON.parse(row.value);
    } catch {
      continue;
    }
    const parsed = SCHEMA[key].safeParse(value);
    if (!parsed.success) continue;
    if (key === 'kinds') result.kinds = { ...result.kinds, ...(parsed.data as Partial<Record<ReminderKind, boolean>>) };
    else Object.assign(result, { [key]: parsed.data });
  }
  return result;
}

export async function writeReminderSettings(db: RoutineExecutor, patch: Partial<ReminderSettings>, now: Date): Promise<void> {
  for (const key of KEYS) {
    const value = patch[key];
    if (value === undefined) continue;
    const row = { key, value: JSON.stringify(value), updated_at: now.toISOString() };
    await db
      .insertInto('reminder_settings')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }))
      .execute();
  }
}
