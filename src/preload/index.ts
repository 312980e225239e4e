/*
 * The preload of the app's window (built as out/preload/index.cjs: a sandboxed preload must be a
 * single CommonJS file). It exposes exactly `window.appBridge` as typed in src/shared — one
 * function per purpose on fixed channels, never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { PreloadBridge } from '../shared/preload-bridge';
import type { RpcMessage } from '../shared/rpc/envelope';
import { DESKTOP_CHANNELS, DESKTOP_EVENTS, RPC_CHANNEL } from '../main/ipc-channels';

/** Longest subject passed on (reminder subjects are `type:id`, far shorter). */
const MAX_SUBJECT = 200;

const appBridge = {
  send(message: RpcMessage) {
    ipcRenderer.send(RPC_CHANNEL, message);
  },
  onMessage(listener: (message: RpcMessage) => void) {
    // Only the message crosses to the page, never the IPC event (it carries `sender`).
    const forward = (_event: IpcRendererEvent, message: RpcMessage) => listener(message);
    ipcRenderer.on(RPC_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(RPC_CHANNEL, forward);
    };
  },
  desktop: {
    openDataFolder: (): Promise<void> => ipcRenderer.invoke(DESKTOP_CHANNELS.openDataFolder),
    openLogFolder: (): Promise<void> => ipcRenderer.invoke(DESKTOP_CHANNELS.openLogFolder),
    openExternal: (url: string): Promise<boolean> => ipcRenderer.invoke(DESKTOP_CHANNELS.openExternal, url),
    pathForFile(file: object): string {
      try {
        return webUtils.getPathForFile(file as File);
      } catch {
        return '';
      }
    },
    getStartAtLogin: (): Promise<boolean> => ipcRenderer.invoke(DESKTOP_CHANNELS.getStartAtLogin),
    setStartAtLogin: (enabled: boolean, hidden: boolean): Promise<void> => ipcRenderer.invoke(DESKTOP_CHANNELS.setStartAtLogin, enabled, hidden),
    onOpenSubject(listener: (subject: string) => void) {
      // Only a short string crosses to the page: never the IPC event, nothing of another shape.
      const forward = (_event: IpcRendererEvent, subject: unknown) => {
        if (typeof subject === 'string' && subject.length <= MAX_SUBJECT) listener(subject);
      };
      ipcRenderer.on(DESKTOP_EVENTS.openSubject, forward);
      return () => {
        ipcRenderer.removeListener(DESKTOP_EVENTS.openSubject, forward);
      };
    },
  },
} satisfies PreloadBridge;

contextBridge.exposeInMainWorld('appBridge', appBridge);
