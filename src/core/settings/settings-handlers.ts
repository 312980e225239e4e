import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { DEFAULT_SETTINGS, readSettings, writeSettings } from './settings-repository';

type SettingsHandlers = Pick<Handlers, 'settings.get' | 'settings.update'>;

export const createSettingsHandlers = (ctx: CoreContext): SettingsHandlers => ({
  // Readable in recovery mode too (defaults), so the recovery screen speaks the right language.
  'settings.get': async () => (ctx.session.current.mode === 'normal' ? readSettings(ctx.session.require().db) : { ...DEFAULT_SETTINGS }),
  'settings.update': async (patch) => {
    const settings = await writeSettings(ctx.session.require().db, patch, ctx.clock.now());
    ctx.emit('settings.changed', settings);
    return settings;
  },
});
