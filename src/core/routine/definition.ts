import type { Kysely } from 'kysely';
import { DEFAULT_ROUTINE } from '../../shared/domain/routine-defaults';
import { AppError } from '../../shared/errors';
import type { RoutineDefinition } from '../../shared/rpc/domains/routine';
import type { RoutineDatabase } from '../db/routine-schema';
import { maskFromWeekdays, weekdaysFromMask } from './day-state';
import type { RoutineExecutor } from './routine-db';
import { closeSegment, ensureDefaultRoutine, loadBlocks, loadChecklistItems, loadOpenSegment } from './routine-repository';
import { readRoutineSettings } from './routine-settings';

export type BlockInput = {
  key?: string | undefined;
  title: string;
  targetMinutes: number;
  weekdays: number[];
  checklist: { id?: number | undefined; text: string }[];
};

const DEFAULT_TITLES = new Map(DEFAULT_ROUTINE.map((b) => [b.key, Object.values(b.title)]));
const DEFAULT_ITEMS = new Map(DEFAULT_ROUTINE.flatMap((b) => b.checklist.map((i) => [i.key, Object.values(i.text)] as const)));

/**
 * A default block or item keeps its translation key while its text is still the default's in any
 * language: the English UI sends back "Orders" for 订单处理, which is no rename.
 */
export const keepsDefault = (defaults: ReadonlyMap<string, readonly string[]>, defaultKey: string | null, text: string): boolean =>
  defaultKey !== null && (defaults.get(defaultKey) ?? []).includes(text);

export async function loadDefinition(db: RoutineExecutor): Promise<RoutineDefinition> {
  const [blocks, items, settings] = await Promise.all([loadBlocks(db), loadChecklistItems(db), readRoutineSettings(db)]);
  return {
    blocks: blocks.map((b) => ({
      key: b.key,
      title: b.title,
      defaultKey: b.defaultKey,
      targetMinutes: b.targetMinutes,
      weekdays: weekdaysFromMask(b.weekdays),
      queue: b.queue,
      checklist: items.filter((i) => i.blockId === b.id).map((i) => ({ id: i.id, text: i.text, defaultKey: i.defaultKey })),
    })),
    settings,
  };
}

const nextCustomKey = (keys: readonly string[]): string => {
  const numbers = keys.map((k) => /^custom-(\d+)$/.exec(k)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return `custom-${Math.max(0, ...numbers) + 1}`;
};

/** Adds a block (no key) or changes one, with its checklist in the given order. Errors: NOT_FOUND. */
export async function saveBlock(db: Kysely<RoutineDatabase>, input: BlockInput, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await ensureDefaultRoutine(trx, now);
    const all = await loadBlocks(trx, { includeRemoved: true });
    const weekdays = maskFromWeekdays(input.weekdays);
    let blockId: number;
    if (input.key === undefined) {
      const position = Math.max(-1, ...all.filter((b) => !b.isRemoved).map((b) => b.position)) + 1;
      const row = await trx
        .insertInto('routine_blocks')
        .values({ key: nextCustomKey(all.map((b) => b.key)), title: input.title, default_key: null, position, target_minutes: input.targetMinutes, weekdays, queue: null, removed_at: null, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      blockId = row.id;
    } else {
      const block = all.find((b) => b.key === input.key && !b.isRemoved);
      if (!block) throw new AppError('NOT_FOUND', `no routine block "${input.key}"`, { block: input.key });
      const isDefault = keepsDefault(DEFAULT_TITLES, block.defaultKey, input.title);
      await trx
        .updateTable('routine_blocks')
        .set({
          title: isDefault ? block.title : input.title,
          default_key: isDefault ? block.defaultKey : null,
          target_minutes: input.targetMinutes,
          weekdays,
        })
        .where('id', '=', block.id)
        .execute();
      blockId = block.id;
    }
    await saveChecklist(trx, blockId, input.checklist, at);
  });
}

async function saveChecklist(db: RoutineExecutor, blockId: number, list: BlockInput['checklist'], at: string): Promise<void> {
  const existing = (await loadChecklistItems(db)).filter((i) => i.blockId === blockId);
  const kept = new Set<number>();
  for (const [position, entry] of list.entries()) {
    const item = entry.id === undefined ? undefined : existing.find((i) => i.id === entry.id);
    if (!item) {
      await db.insertInto('routine_checklist_items').values({ block_id: blockId, position, text: entry.text, default_key: null, removed_at: null, created_at: at }).execute();
      continue;
    }
    kept.add(item.id);
    const isDefault = keepsDefault(DEFAULT_ITEMS, item.defaultKey, entry.text);
    await db
      .updateTable('routine_checklist_items')
      .set({ position, text: isDefault ? item.text : entry.text, default_key: isDefault ? item.defaultKey : null })
      .where('id', '=', item.id)
      .execute();
  }
  const gone = existing.filter((i) => !kept.has(i.id)).map((i) => i.id);
  if (gone.length > 0) await db.updateTable('routine_checklist_items').set({ removed_at: at }).where('id', 'in', gone).execute();
}

/** Removes a block from the plan; its past days keep it. A running block is stopped. Errors: NOT_FOUND. */
export async function removeBlock(db: Kysely<RoutineDatabase>, key: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await ensureDefaultRoutine(trx, now);
    const block = (await loadBlocks(trx)).find((b) => b.key === key);
    if (!block) throw new AppError('NOT_FOUND', `no routine block "${key}"`, { block: key });
    const open = await loadOpenSegment(trx);
    if (open?.blockId === block.id) await closeSegment(trx, open, now);
    await trx.updateTable('routine_blocks').set({ removed_at: now.toISOString() }).where('id', '=', block.id).execute();
  });
}

/** Puts the blocks in the given order. Errors: VALIDATION unless every current key appears once. */
export async function reorderBlocks(db: Kysely<RoutineDatabase>, keys: readonly string[], now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await ensureDefaultRoutine(trx, now);
    const blocks = await loadBlocks(trx);
    const current = blocks.map((b) => b.key).sort();
    if (new Set(keys).size !== keys.length || [...keys].sort().join('\n') !== current.join('\n')) {
      throw new AppError('VALIDATION', 'the new order must name every block exactly once', { expected: current });
    }
    for (const [position, key] of keys.entries()) {
      await trx.updateTable('routine_blocks').set({ position }).where('key', '=', key).execute();
    }
  });
}
