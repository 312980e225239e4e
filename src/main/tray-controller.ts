import type { Menu as ElectronMenu, NativeImage, Tray as ElectronTray } from 'electron';
import type { Language } from '../shared/rpc/contract';
import { mainStrings } from './main-strings';
import { buildTrayMenuTemplate, type TrayActions, type TrayState } from './tray-menu';
import { trayRoutineView } from './tray-routine';

export type TrayControllerInput = {
  Tray: typeof ElectronTray;
  Menu: Pick<typeof ElectronMenu, 'buildFromTemplate'>;
  icon: NativeImage | string;
  actions: TrayActions;
  /** macOS shows a title beside the tray icon (the running block and its time); elsewhere none. */
  showsTitle?: boolean;
};

export type TrayController = {
  /** Rebuilds the menu after the state or the app's language changed. */
  update(change: { state?: Partial<TrayState>; language?: Language }): void;
  destroy(): void;
};

/** The tray icon; its menu is always rebuilt from {@link buildTrayMenuTemplate}. */
export function createTrayController(input: TrayControllerInput): TrayController {
  const tray = new input.Tray(input.icon);
  let state: TrayState = { startAtLogin: false };
  let language: Language | undefined;
  let destroyed = false;

  const render = () => {
    if (destroyed) return;
    const strings = mainStrings(language);
    const routine = state.routine ? trayRoutineView(state.routine, strings, language ?? 'zh-CN') : null;
    // The tooltip names the running block and its time, so hovering the icon is enough.
    tray.setToolTip(routine && state.routine?.running ? `${strings.appName}\n${routine.status}` : strings.appName);
    if (input.showsTitle) tray.setTitle(routine?.title ?? '');
    tray.setContextMenu(input.Menu.buildFromTemplate(buildTrayMenuTemplate(state, strings, input.actions, routine)));
  };

  // A left click opens the window on Windows; elsewhere the menu's first item does.
  tray.on('click', () => input.actions.open());
  render();

  return {
    update(change) {
      state = { ...state, ...change.state };
      language = change.language ?? language;
      render();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      tray.destroy();
    },
  };
}
