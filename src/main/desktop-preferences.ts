import type { Logger } from '../core/log';
import type { RpcClient } from '../shared/rpc/client';
import type { Settings } from '../shared/rpc/contract';
import type { LoginItem } from './login-item';
import type { TrayController } from './tray-controller';

export type DesktopPreferences = {
  /** The core's settings as last read or pushed; null until the first answer. */
  settings(): Settings | null;
  getStartAtLogin(): boolean;
  /** Sets the OS login item and records the choice in the core's settings. */
  setStartAtLogin(enabled: boolean, hidden: boolean): Promise<void>;
  markCloseToTrayExplained(): Promise<void>;
};

/**
 * Main's view of the user's preferences. The core owns them (settings.get / settings.changed);
 * the OS owns the login item, which the tray's checkbox always shows as it really is.
 */
export function createDesktopPreferences(deps: {
  client: RpcClient;
  loginItem: LoginItem;
  tray: TrayController;
  log: Logger;
  /** Called once with the settings first read from the core. */
  onFirstSettings?: (settings: Settings) => void;
}): DesktopPreferences {
  const { client, loginItem, tray, log } = deps;
  let current: Settings | null = null;

  const readLoginItem = (): boolean => {
    try {
      return loginItem.get();
    } catch (error) {
      log.warn('could not read the login item', { detail: (error as Error).message });
      return false;
    }
  };
  const apply = (settings: Settings) => {
    current = settings;
    tray.update({ language: settings.language, state: { startAtLogin: readLoginItem() } });
  };

  client.on('settings.changed', apply);
  client.call('settings.get', {}).then(
    (settings) => {
      if (current === null) apply(settings);
      deps.onFirstSettings?.(settings);
    },
    (error: unknown) => log.warn('could not read the settings', { detail: (error as Error).message }),
  );
  tray.update({ state: { startAtLogin: readLoginItem() } });

  return {
    settings: () => current,
    getStartAtLogin: readLoginItem,
    async setStartAtLogin(enabled, hidden) {
      try {
        loginItem.set(enabled, hidden);
      } finally {
        tray.update({ state: { startAtLogin: readLoginItem() } });
      }
      await client.call('settings.update', { startAtLogin: enabled, startHidden: hidden }).catch((error: unknown) => {
        log.warn('could not save the start-at-login setting', { detail: (error as Error).message });
      });
    },
    async markCloseToTrayExplained() {
      await client.call('settings.update', { closeToTrayExplained: true });
    },
  };
}
