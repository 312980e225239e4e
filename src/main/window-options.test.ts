import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from './window-options';

const bounds = { x: 10, y: 20, width: 1280, height: 800 };

/** The hardened preferences, frozen: changing one of them must be a deliberate edit of this test. */
const HARDENED = Object.freeze({
  preload: '/app/out/preload/index.cjs',
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
  disableBlinkFeatures: 'Auxclick',
});

const expected = (devTools: boolean) =>
  Object.freeze({
    x: 10,
    y: 20,
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'ShopDesk',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: { ...HARDENED, devTools },
  });

describe('buildWindowOptions', () => {
  it('production: hardened, no DevTools', () => {
    expect(buildWindowOptions({ isDev: false, preloadPath: HARDENED.preload, bounds, title: 'ShopDesk' })).toStrictEqual(expected(false));
  });

  it('development: the same, with DevTools', () => {
    expect(buildWindowOptions({ isDev: true, preloadPath: HARDENED.preload, bounds, title: 'ShopDesk' })).toStrictEqual(expected(true));
  });

  it('never enables Blink features or Node, whatever the input', () => {
    const prefs = buildWindowOptions({ isDev: true, preloadPath: 'x', bounds, title: 't', icon: '/i.png' }).webPreferences ?? {};
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.sandbox).toBe(true);
  });
});
