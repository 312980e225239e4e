import type { AftersaleSettings } from '../../shared/rpc/domains/aftersales';
import type { AftersaleExecutor } from './aftersale-schema';

/**
 * Hours before the platform's 自动处理截止时间 the reminder comes and "deadline soon" starts. The
 * deadline itself is the platform's (from the export); only the lead is the seller's choice.
 */
export const DEFAULT_LEAD_HOURS = 12;

export async function readSettings(db: AftersaleExecutor): Promise<AftersaleSettings> {
  const row = await db.selectFrom('aftersale_settings').select('value').where('key', '=', 'leadHours').executeTakeFirst();
  const value = row ? Number(JSON.parse(row.value)) : NaN;
  // A hand-damaged value falls back to the default (the contract refuses such values on the way in).
  return { leadHours: Number.isInteger(value) && value >= 1 && value <= 72 ? value : DEFAULT_LEAD_HOURS };
}

export async function writeSettings(db: AftersaleExecutor, settings: AftersaleSettings, now: Date): Promise<AftersaleSettings> {
  const row = { key: 'leadHours', value: JSON.stringify(settings.leadHours), updated_at: now.toISOString() };
  await db.insertInto('aftersale_settings').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at })).execute();
  return readSettings(db);
}
