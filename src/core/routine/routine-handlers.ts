import { chinaDate } from '../../shared/domain/china-time';
import type { RoutineEvents } from '../../shared/rpc/domains/routine';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { readSettings } from '../settings/settings-repository';
import { loadDefinition, removeBlock, reorderBlocks, saveBlock } from './definition';
import { closeDay, loadHistory, loadStreak } from './history';
import { reportIdle, resolveIdle } from './idle-actions';
import { routineDb } from './routine-db';
import { isPrepared, loadStatus, prepareRoutine } from './routine-now';
import { readRoutineSettings, writeRoutineSettings } from './routine-settings';
import { setChecked } from './routine-repository';
import { finishBlock, nextBlock } from './timer-actions';
import { pauseCall, resumeCall, runTimerCall, startCall } from './timer-calls';
import { loadTodayView } from './today-view';
import { campaignDb } from '../campaigns/campaign-schema';
import { ensureSeeded, mayNeedSeeding } from '../campaigns/campaign-seed';
import { AppError } from '../../shared/errors';

type RoutineMethod = Extract<keyof Handlers, `routine.${string}`>;
type RoutineHandlers = Pick<Handlers, RoutineMethod>;
type Reason = RoutineEvents['routine.changed']['reason'];

/**
 * The routine's handlers. Every change emits `routine.changed` (the UI and the tray refresh) and
 * asks the reminder scheduler to look again (a block started now may reach its target later).
 * Writes wait for a running import (rpc/write-policy.ts) except start/pause/resume, which answer
 * at once (timer-calls.ts); reads seed the default routine through the write scheduler.
 */
export function createRoutineHandlers(ctx: CoreContext, onChanged: () => void): RoutineHandlers {
  const db = () => routineDb(ctx);
  const now = () => ctx.clock.now();
  const changed = (reason: Reason) => {
    ctx.emit('routine.changed', { date: chinaDate(now()), reason });
    onChanged();
  };
  const afterTimer = async (action: () => Promise<void>, reason: Reason = 'timer') => {
    await prepareRoutine(db(), now());
    await action();
    changed(reason);
    return loadStatus(db(), now());
  };
  const locale = async () => (await readSettings(ctx.session.require().db)).language;
  const prepared = async () => {
    if (!isPrepared(db())) await ctx.session.writes.write(() => prepareRoutine(db(), now()));
    // Today's 活动报名 block lists the platform calendar, seeded on first use (a write: not during an import).
    if (mayNeedSeeding(db(), now())) await ctx.session.writes.write(() => ensureSeeded(campaignDb(ctx), now()));
  };

  return {
    'routine.today': async () => {
      await prepared();
      return loadTodayView(db(), now(), await locale());
    },
    'routine.status': async () => {
      await prepared();
      return loadStatus(db(), now());
    },
    'routine.start': ({ block }) => runTimerCall(ctx, startCall(block), changed),
    'routine.pause': () => runTimerCall(ctx, pauseCall, changed),
    'routine.resume': ({ block }) => runTimerCall(ctx, resumeCall(block), changed),
    'routine.finish': ({ block }) => afterTimer(() => finishBlock(db(), block, now())),
    'routine.next': () => afterTimer(() => nextBlock(db(), now())),
    'routine.check': ({ itemId, checked }) =>
      afterTimer(async () => {
        const item = await db().selectFrom('routine_checklist_items').select('id').where('id', '=', itemId).where('removed_at', 'is', null).executeTakeFirst();
        if (!item) throw new AppError('NOT_FOUND', `no checklist item ${itemId}`, { itemId });
        await setChecked(db(), chinaDate(now()), itemId, checked ? now() : null);
      }, 'checklist'),
    'routine.reportIdle': ({ from, to }) => afterTimer(() => reportIdle(db(), new Date(from), new Date(to), now()), 'idle'),
    'routine.resolveIdle': ({ id, action }) => afterTimer(() => resolveIdle(db(), id, action, now()), 'idle'),
    'routine.closeDay': async ({ date }) => {
      await prepareRoutine(db(), now());
      const day = await closeDay(db(), date, now());
      changed('closed');
      return day;
    },
    'routine.history': async ({ from, to }) => {
      await prepared();
      const [days, streak] = await Promise.all([loadHistory(db(), from, to, now()), loadStreak(db(), now())]);
      return { from, to, days, streak };
    },
    'routine.definition': async () => {
      await prepared();
      return loadDefinition(db());
    },
    'routine.saveBlock': async (input) => {
      await saveBlock(db(), input, now());
      changed('definition');
      return loadDefinition(db());
    },
    'routine.removeBlock': async ({ key }) => {
      await removeBlock(db(), key, now());
      changed('definition');
      return loadDefinition(db());
    },
    'routine.reorder': async ({ keys }) => {
      await reorderBlocks(db(), keys, now());
      changed('definition');
      return loadDefinition(db());
    },
    'routine.updateSettings': async (patch) => {
      await writeRoutineSettings(db(), patch, now());
      changed('settings');
      return readRoutineSettings(db());
    },
  };
}
