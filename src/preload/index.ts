/*
 * The preload of the app's window (built as out/preload/index.cjs: a sandboxed preload must be a
 * single CommonJS file). It exposes exactly `window.appBridge` as typed in src/shared — one
 * function per purpose on fixed channels, never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { PreloadBridge } from '../shared/preload-bridge';
import type { RpcMessage } from '../shared/rpc/envelope';
import { DESKTOP_CHANNELS, RPC_CHANNEL } from '../main/ipc-channels';

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
  },
} satisfies PreloadBridge;

contextBridge.exposeInMainWorld('appBridge', appBridge);
