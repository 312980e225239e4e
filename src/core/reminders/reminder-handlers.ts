import type { Locale } from '../../shared/i18n/error-messages';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { routineDb } from '../routine/routine-db';
import { readSettings } from '../settings/settings-repository';
import { dismissReminder, listDue, loadCentre, snoozeReminder } from './reminder-service';
import { readReminderSettings, writeReminderSettings } from './reminder-settings';

type ReminderMethod = Extract<keyof Handlers, `reminders.${string}`>;
type ReminderHandlers = Pick<Handlers, ReminderMethod>;

export function createReminderHandlers(ctx: CoreContext, onChanged: () => void): ReminderHandlers {
  const db = () => routineDb(ctx);
  const now = () => ctx.clock.now();
  const locale = async (asked?: Locale) => asked ?? (await readSettings(ctx.session.require().db)).language;
  const changed = (key: string | null) => {
    ctx.emit('reminders.changed', { key });
    onChanged();
  };
  return {
    'reminders.due': async ({ locale: asked, kinds, offset, limit }) => listDue(db(), now(), await locale(asked), { kinds, offset, limit }),
    'reminders.list': async ({ locale: asked, limit }) => loadCentre(db(), now(), await locale(asked), limit),
    'reminders.snooze': async ({ key, choice }) => {
      const entry = await snoozeReminder(db(), key, choice, now(), await locale());
      changed(key);
      return entry;
    },
    'reminders.dismiss': async ({ key }) => {
      const entry = await dismissReminder(db(), key, now(), await locale());
      changed(key);
      return entry;
    },
    'reminders.settings': () => readReminderSettings(db()),
    'reminders.updateSettings': async (patch) => {
      const current = await readReminderSettings(db());
      await writeReminderSettings(db(), { ...patch, kinds: patch.kinds ? { ...current.kinds, ...patch.kinds } : undefined }, now());
      changed(null);
      return readReminderSettings(db());
    },
  };
}
