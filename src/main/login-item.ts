import type { App } from 'electron';
import { HIDDEN_FLAG } from './launch-args';

/** The operating system's "start at login" entry for this app. */
export type LoginItem = {
  get(): boolean;
  /** `hidden`: start into the tray without showing the window. */
  set(enabled: boolean, hidden: boolean): void;
};

export type LoginItemApp = Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>;

/**
 * Windows and macOS through Electron's login item. Windows starts the app with `--hidden` when
 * asked to (the flag is honoured at start). macOS login items take no arguments; there the app
 * sees wasOpenedAtLogin and follows the startHidden setting (desktop-session.ts).
 * `extraArgs` carries an explicit `--data-dir` so a custom data folder is kept at login.
 * Windows matches the entry by its arguments, so reading checks both variants.
 */
export function createElectronLoginItem(app: LoginItemApp, extraArgs: readonly string[]): LoginItem {
  const argsFor = (hidden: boolean) => (hidden ? [...extraArgs, HIDDEN_FLAG] : [...extraArgs]);
  return {
    get: () => app.getLoginItemSettings({ args: argsFor(false) }).openAtLogin || app.getLoginItemSettings({ args: argsFor(true) }).openAtLogin,
    set: (enabled, hidden) => app.setLoginItemSettings({ openAtLogin: enabled, args: argsFor(hidden) }),
  };
}
