import type { BrowserWindow as ElectronBrowserWindow } from 'electron';
import { buildWindowOptions, type WindowOptionsInput } from './window-options';
import type { WindowState } from './window-state';

export type MainWindowInput = Omit<WindowOptionsInput, 'bounds'> & {
  BrowserWindow: typeof ElectronBrowserWindow;
  state: WindowState;
  /** app://shop/ in production, the dev server's address under `electron-vite dev`. */
  startUrl: string;
  /** False when started at login into the tray. */
  showOnReady: boolean;
};

export type MainWindow = {
  readonly window: ElectronBrowserWindow;
  /** Shows, restores and focuses the window (tray, second launch, notification click). */
  show(): void;
  /** Where the window is now, for remembering it. */
  currentState(): WindowState;
};

/**
 * The app's only `new BrowserWindow`. Navigation, pop-ups and <webview> are locked down for every
 * webContents in bootstrap ('web-contents-created'), so this window gets that guard too.
 */
export function createMainWindow(input: MainWindowInput): MainWindow {
  const { BrowserWindow, state } = input;
  const window = new BrowserWindow(buildWindowOptions({ ...input, bounds: state }));
  // Maximizing a hidden window would show it, so it waits for the first show.
  let maximizeOnShow = state.isMaximized;

  const show = () => {
    if (window.isDestroyed()) return;
    if (maximizeOnShow) {
      maximizeOnShow = false;
      window.maximize();
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  window.once('ready-to-show', () => {
    if (input.showOnReady) show();
  });
  void window.loadURL(input.startUrl);

  return {
    window,
    show,
    currentState: () => ({ ...window.getNormalBounds(), isMaximized: window.isMaximized() || maximizeOnShow }),
  };
}
