import { z } from 'zod';
import { DESKTOP_CHANNELS } from '../shared/ipc-channels';
import type { IpcRegistry } from './ipc-registry';

/** What the bridge's desktop-only calls do; implemented in desktop-session.ts. */
export type DesktopActions = {
  openDataFolder(): Promise<void>;
  /** Opens the data folder's logs/ (main-log.ts). */
  openLogFolder(): Promise<void>;
  /** Opens an allowlisted http(s) link in the browser (external-links.ts). */
  openLink(url: string): Promise<boolean>;
  getStartAtLogin(): boolean;
  setStartAtLogin(enabled: boolean, hidden: boolean): Promise<void>;
};

/** Argument tuples of each desktop channel; anything else is refused before the action runs. */
export const DESKTOP_ARGS = {
  openDataFolder: z.tuple([]),
  openLogFolder: z.tuple([]),
  openExternal: z.tuple([z.string().min(1).max(2048)]),
  getStartAtLogin: z.tuple([]),
  setStartAtLogin: z.tuple([z.boolean(), z.boolean()]),
} as const;

/** Registers `window.appBridge.desktop.*` through the sender-checking registry. */
export function registerDesktopIpc(registry: IpcRegistry, actions: DesktopActions): void {
  registry.handle(DESKTOP_CHANNELS.openDataFolder, DESKTOP_ARGS.openDataFolder, () => actions.openDataFolder());
  registry.handle(DESKTOP_CHANNELS.openLogFolder, DESKTOP_ARGS.openLogFolder, () => actions.openLogFolder());
  registry.handle(DESKTOP_CHANNELS.openExternal, DESKTOP_ARGS.openExternal, (_event, [url]) => actions.openLink(url));
  registry.handle(DESKTOP_CHANNELS.getStartAtLogin, DESKTOP_ARGS.getStartAtLogin, () => actions.getStartAtLogin());
  registry.handle(DESKTOP_CHANNELS.setStartAtLogin, DESKTOP_ARGS.setStartAtLogin, (_event, [enabled, hidden]) =>
    actions.setStartAtLogin(enabled, hidden),
  );
}
