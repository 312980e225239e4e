/*
 * The preload of the app's window (built as out/preload/index.cjs: a sandboxed preload must be a
 * single CommonJS file). It exposes exactly `window.appBridge` as typed in src/shared — one
 * function per purpose on fixed channels, never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { DESKTOP_CHANNELS, DESKTOP_EVENTS, RPC_CHANNEL } from '../shared/ipc-channels';
import { messageFor, pageKeyFrom, type PageFrame } from '../shared/page-frame';
import type { PreloadBridge } from '../shared/preload-bridge';
import type { RpcMessage } from '../shared/rpc/envelope';

/** Longest subject passed on (reminder subjects are `type:id`, far shorter). */
const MAX_SUBJECT = 200;

/** This document's key: the preload runs anew for every load and reload, so each page has its own. */
const PAGE = pageKeyFrom(crypto.getRandomValues(new Uint8Array(16)));

/** Main said the core has stopped for good; kept, so a listener that comes later still hears it. */
let isCoreStopped = false;
ipcRenderer.on(DESKTOP_EVENTS.coreStopped, () => {
  isCoreStopped = true;
});

const appBridge = {
  send(message: RpcMessage) {
    ipcRenderer.send(RPC_CHANNEL, { page: PAGE, message } satisfies PageFrame);
  },
  onMessage(listener: (message: RpcMessage) => void) {
    // Only the envelope crosses to the page, never the IPC event (it carries `sender`), and only
    // when it is tagged for this page.
    const forward = (_event: IpcRendererEvent, frame: unknown) => {
      const message = messageFor(frame, PAGE);
      if (message !== null) listener(message as RpcMessage);
    };
    ipcRenderer.on(RPC_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(RPC_CHANNEL, forward);
    };
  },
  onClosed(listener: () => void) {
    const forward = () => listener();
    if (isCoreStopped) queueMicrotask(forward);
    ipcRenderer.on(DESKTOP_EVENTS.coreStopped, forward);
    return () => {
      ipcRenderer.removeListener(DESKTOP_EVENTS.coreStopped, forward);
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
