import type { MenuItemConstructorOptions } from 'electron';
import type { MainStrings } from './main-strings';

/** What the tray menu shows. Later issues add the running routine timer here. */
export type TrayState = {
  startAtLogin: boolean;
};

export type TrayLabels = Pick<MainStrings, 'trayOpen' | 'trayStartAtLogin' | 'trayQuit'>;

export type TrayActions = {
  open(): void;
  setStartAtLogin(enabled: boolean): void;
  quit(): void;
};

/**
 * The tray's context menu as plain data: a pure function of the state and the labels, so every
 * variant is tested without Electron and the tray just rebuilds it when something changes.
 */
export function buildTrayMenuTemplate(state: TrayState, labels: TrayLabels, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { id: 'open', label: labels.trayOpen, click: () => actions.open() },
    {
      id: 'start-at-login',
      label: labels.trayStartAtLogin,
      type: 'checkbox',
      checked: state.startAtLogin,
      // Electron flips `checked` before calling click, so the item holds the wanted value.
      click: (item) => actions.setStartAtLogin(item.checked),
    },
    { type: 'separator' },
    { id: 'quit', label: labels.trayQuit, click: () => actions.quit() },
  ];
}
