import { AppError } from '../../shared/errors';
import type { CauseEntry } from '../../shared/rpc/domains/aftersales';
import type { AftersaleExecutor } from './aftersale-schema';

/*
 * The editable list of dispute causes (DOMAIN.md: "afterwards record the cause (unclear
 * description, slow logistics…) and fix that link"). Built-ins carry a key the renderer translates;
 * removing hides a cause from the picker, closed cases keep showing it.
 */
export async function listCauses(db: AftersaleExecutor): Promise<CauseEntry[]> {
  const rows = await db.selectFrom('aftersale_causes').select(['id', 'builtin', 'name']).where('archived', '=', 0).orderBy('position').orderBy('id').execute();
  return rows;
}

export async function addCause(db: AftersaleExecutor, name: string): Promise<CauseEntry> {
  const clean = name.trim();
  const existing = await db.selectFrom('aftersale_causes').select(['id', 'builtin', 'name', 'archived']).where('name', '=', clean).executeTakeFirst();
  if (existing && existing.archived === 0) throw new AppError('VALIDATION', 'cause exists', { issues: [{ path: 'name', field: 'causeName', problem: 'duplicate', message: 'Cause name must not repeat' }] });
  if (existing) {
    await db.updateTable('aftersale_causes').set({ archived: 0 }).where('id', '=', existing.id).execute();
    return { id: existing.id, builtin: existing.builtin, name: existing.name };
  }
  const max = await db.selectFrom('aftersale_causes').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  const row = await db.insertInto('aftersale_causes').values({ builtin: null, name: clean, position: Number(max?.p ?? 0) + 1 }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, builtin: null, name: clean };
}

export async function removeCause(db: AftersaleExecutor, id: number): Promise<boolean> {
  const result = await db.updateTable('aftersale_causes').set({ archived: 1 }).where('id', '=', id).where('archived', '=', 0).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
