import type { MenuItemConstructorOptions } from 'electron';
import type { RoutineStatus } from '../shared/rpc/contract';
import type { MainStrings } from './main-strings';
import type { TrayRoutineView } from './tray-routine';

/** What the tray menu shows: the login item and, once the core answered, today's routine. */
export type TrayState = {
  startAtLogin: boolean;
  routine?: RoutineStatus | null;
};

export type TrayLabels = Pick<MainStrings, 'trayOpen' | 'trayStartAtLogin' | 'trayQuit'>;

export type TrayActions = {
  open(): void;
  setStartAtLogin(enabled: boolean): void;
  quit(): void;
  /** The routine timer's controls (the routine lines appear only with them). */
  routine?: { pause(): void; resume(): void; next(): void };
};

/**
 * The tray's context menu as plain data: a pure function of the state and the labels, so every
 * variant is tested without Electron and the tray just rebuilds it when something changes.
 */
export function buildTrayMenuTemplate(state: TrayState, labels: TrayLabels, actions: TrayActions, routine: TrayRoutineView | null = null): MenuItemConstructorOptions[] {
  const controls = actions.routine;
  const routineItems: MenuItemConstructorOptions[] =
    routine && controls
      ? [
          { id: 'routine-status', label: routine.status, enabled: false },
          ...(routine.toggle
            ? [{ id: 'routine-toggle', label: routine.toggle.label, click: () => (routine.toggle?.kind === 'pause' ? controls.pause() : controls.resume()) }]
            : []),
          ...(routine.next ? [{ id: 'routine-next', label: routine.next, click: () => controls.next() }] : []),
          { id: 'routine-progress', label: routine.progress, enabled: false },
          { id: 'routine-influencers', label: routine.influencers, enabled: false },
          { type: 'separator' },
        ]
      : [];
  return [
    ...routineItems,
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
