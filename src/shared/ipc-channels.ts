/*
 * The only IPC channel names in the app. Main and the preload import them from here, so a
 * channel is spelled once; the renderer never sees them (it talks to `window.appBridge`).
 * Pure constants: the preload bundles this file, so it must not import anything.
 */

/** Carries RPC envelopes both ways: renderer → core requests, core → renderer responses and events. */
export const RPC_CHANNEL = 'shopdesk:rpc';

/** One `ipcMain.handle` channel per desktop-only call of the bridge. */
export const DESKTOP_CHANNELS = {
  openDataFolder: 'shopdesk:desktop:open-data-folder',
  openLogFolder: 'shopdesk:desktop:open-log-folder',
  openExternal: 'shopdesk:desktop:open-external',
  getStartAtLogin: 'shopdesk:desktop:get-start-at-login',
  setStartAtLogin: 'shopdesk:desktop:set-start-at-login',
} as const;

export type DesktopChannel = (typeof DESKTOP_CHANNELS)[keyof typeof DESKTOP_CHANNELS];

/** Main → window pushes outside the RPC protocol (main's own doings, not the core's). */
export const DESKTOP_EVENTS = {
  /** A system notification was clicked: open its subject (`supplier:12`, `slot:09:00` …). */
  openSubject: 'shopdesk:desktop:open-subject',
  /** The core crashed too often and is not restarted: the page's calls are answered with CORE_STOPPED from now on. */
  coreStopped: 'shopdesk:desktop:core-stopped',
} as const;
