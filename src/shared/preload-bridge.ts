import type { RpcMessage, Unsubscribe } from './rpc/envelope';

/**
 * Exactly what the desktop preload exposes as `window.appBridge`. Nothing else crosses
 * from the renderer to Electron: no channel names, no ipcRenderer.
 */
export type PreloadBridge = {
  /** Sends one envelope to the core (through main). */
  send(message: RpcMessage): void;
  /** Receives envelopes from the core (only those meant for this page; a reloaded page is a new one). */
  onMessage(listener: (message: RpcMessage) => void): Unsubscribe;
  /**
   * Called once the core has stopped for good (it crashed too often and main gave up restarting
   * it); at once if that has already happened. Every call is then answered with CORE_STOPPED.
   */
  onClosed(listener: () => void): Unsubscribe;
  desktop: {
    /** Opens the data folder in the system file manager. */
    openDataFolder(): Promise<void>;
    /** Opens the folder of the log file (`logs/` in the data folder) in the system file manager. */
    openLogFolder(): Promise<void>;
    /** Opens an http(s) link in the browser, if its host is on the allowlist. */
    openExternal(url: string): Promise<boolean>;
    /** The absolute path of a dropped file (Electron's webUtils), or '' when there is none. */
    pathForFile(file: object): string;
    /** Reads and sets the OS login item. */
    getStartAtLogin(): Promise<boolean>;
    setStartAtLogin(enabled: boolean, hidden: boolean): Promise<void>;
    /** Called with a reminder's subject when its system notification was clicked (main has shown the window). */
    onOpenSubject(listener: (subject: string) => void): Unsubscribe;
  };
};
