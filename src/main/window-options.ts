import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_WINDOW_SIZE, type Rectangle } from './window-state';

export type WindowOptionsInput = {
  /** Development (not packaged): only then may DevTools open. */
  isDev: boolean;
  preloadPath: string;
  bounds: Rectangle;
  title: string;
  icon?: string;
};

/**
 * The options of the app's window, as one pure function so a test can freeze them. Each web
 * preference is written out even where it equals Electron's default, so a changed default or a
 * careless edit shows up in review and in the test (RELIABILITY.md R1–R3).
 */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...input.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: input.title,
    ...(input.icon === undefined ? {} : { icon: input.icon }),
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // A middle-click would otherwise open a link in a new window (electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
      devTools: input.isDev,
    },
  };
}
