import { AppError } from '../../shared/errors';
import type { ChannelEntry } from '../../shared/rpc/domains/purchases';
import type { PurchaseDb } from './purchase-schema';

/*
 * The editable list of purchase channels (微信, 1688, 供应链平台 …). Built-in ones carry a key the
 * renderer translates; the seller's own are shown by name. Removing hides a channel from the
 * picker (archived); purchases that used it keep showing its name.
 */
export async function listChannels(db: PurchaseDb): Promise<ChannelEntry[]> {
  const rows = await db.selectFrom('purchase_channels').select(['id', 'builtin', 'name']).where('archived', '=', 0).orderBy('position').orderBy('id').execute();
  return rows;
}

export async function addChannel(db: PurchaseDb, name: string): Promise<ChannelEntry> {
  const clean = name.trim();
  const existing = await db.selectFrom('purchase_channels').select(['id', 'builtin', 'name', 'archived']).where('name', '=', clean).executeTakeFirst();
  if (existing && existing.archived === 0) throw new AppError('VALIDATION', `channel ${clean} exists`, { issues: [{ path: 'name', message: 'duplicate' }] });
  if (existing) {
    await db.updateTable('purchase_channels').set({ archived: 0 }).where('id', '=', existing.id).execute();
    return { id: existing.id, builtin: existing.builtin, name: existing.name };
  }
  const max = await db.selectFrom('purchase_channels').select((eb) => eb.fn.max<number>('position').as('p')).executeTakeFirst();
  const row = await db.insertInto('purchase_channels').values({ name: clean, builtin: null, position: Number(max?.p ?? 0) + 1 }).returning(['id', 'builtin', 'name']).executeTakeFirstOrThrow();
  return row;
}

export async function removeChannel(db: PurchaseDb, id: number): Promise<boolean> {
  const result = await db.updateTable('purchase_channels').set({ archived: 1 }).where('id', '=', id).where('archived', '=', 0).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
