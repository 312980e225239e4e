import { EventEmitter } from 'node:events';
// Node's own, so a test that fakes the global timers still gets its waits re-checked.
import { setImmediate } from 'node:timers';
import { vi } from 'vitest';
import type { ElectronApi } from '../../src/main/electron-api';

/*
 * A stand-in for the 'electron' module, enough for the desktop host's bootstrap to run in plain
 * Node: the app lifecycle (whenReady, before-quit with preventDefault, quit), one window, the tray,
 * IPC registration and a scripted core utility process. Tests read what happened from `calls`
 * (ordered) and the spies, and wait with `until(check)` for what they expect: every observable
 * step of the fake (a window, a message sent or received, a notification, a dialog, the tray
 * menu, quitting) re-checks it, so a test waits on the event itself, never on a clock.
 */

const changes = new EventEmitter().setMaxListeners(0);
const changed = () => void changes.emit('change');
/** A spy that also tells waiting tests that something happened. */
const observed = <A extends unknown[], R>(impl: (...args: A) => R = (() => undefined) as unknown as (...args: A) => R) =>
  vi.fn((...args: A) => {
    const result = impl(...args);
    changed();
    return result;
  });

/**
 * Resolves once `check()` holds. It is re-checked after each step of the fake, once the promise
 * reactions that step set off have run; there is no deadline, so a busy machine only makes it later.
 */
export function until(check: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const test = () => {
      try {
        if (!check()) return;
      } catch (error) {
        reject(error);
      }
      changes.off('change', onChange);
      resolve();
    };
    const onChange = () => void setImmediate(test);
    changes.on('change', onChange);
    onChange();
  });
}

type Preventable = { preventDefault(): void; defaultPrevented: boolean };
const preventable = (extra: Record<string, unknown> = {}): Preventable => {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event;
};

export class FakeWebContents extends EventEmitter {
  readonly send = observed();
  readonly reload = vi.fn();
  readonly forcefullyCrashRenderer = vi.fn();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return false;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async () => {});
  readonly show = observed();
  readonly hide = observed();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly maximize = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    changed();
  }
  isDestroyed = () => false;
  visible = true;
  isVisible = () => this.visible;
  isMinimized = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 10, y: 20, width: 1200, height: 700 });
  /** What clicking the window's close button does: emits 'close' and reports whether it was refused. */
  userCloses(): boolean {
    const event = preventable();
    this.emit('close', event);
    return event.defaultPrevented;
  }
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  readonly setToolTip = vi.fn();
  readonly setContextMenu = observed();
  readonly setTitle = vi.fn();
  readonly destroy = observed();
  constructor(readonly image: unknown) {
    super();
    FakeTray.instances.push(this);
  }
}

/** A system notification; unsupported (as on a desktop without a notification daemon) unless asked for. */
export class FakeNotification extends EventEmitter {
  static supported = false;
  static instances: FakeNotification[] = [];
  static isSupported = () => FakeNotification.supported;
  readonly show = observed();
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeNotification.instances.push(this);
  }
}

/** A core process that answers settings calls from a small in-memory table and obeys shutdown. */
export class FakeUtilityProcess extends EventEmitter {
  readonly received: unknown[] = [];
  /** The methods of the requests answered so far, in order. */
  readonly answered: string[] = [];
  settings = { language: 'zh-CN', theme: 'system', startAtLogin: false, startHidden: true, closeToTrayExplained: false };
  exited = false;
  constructor(readonly modulePath: string, readonly args: string[]) {
    super();
  }
  postMessage(message: unknown) {
    this.received.push(message);
    changed();
    const m = message as { kind?: string; command?: string; id?: number; method?: string; params?: Record<string, unknown> };
    if (m.kind === 'control' && m.command === 'shutdown') {
      setTimeout(() => this.exit(0), 5);
      return;
    }
    if (m.kind !== 'request') return;
    let value: unknown = null;
    if (m.method === 'settings.update') {
      this.settings = { ...this.settings, ...m.params };
      setTimeout(() => {
        this.emit('message', { kind: 'event', event: 'settings.changed', payload: this.settings });
        changed();
      }, 0);
    }
    if (m.method === 'settings.get' || m.method === 'settings.update') value = this.settings;
    const method = m.method ?? '';
    setTimeout(() => {
      this.emit('message', { kind: 'response', id: m.id, ok: true, value });
      this.answered.push(method);
      changed();
    }, 0);
  }
  kill() {
    this.exit(-1);
    return true;
  }
  exit(code: number) {
    if (this.exited) return;
    this.exited = true;
    this.emit('exit', code);
    changed();
  }
  shutdownRequests() {
    return this.received.filter((m) => (m as { kind?: string }).kind === 'control').length;
  }
}

/** Where a packaged app's built files would be: bootstrap() is given these in the fake desktop tests. */
export const FAKE_APP_PATHS = {
  preload: '/app/out/preload/index.cjs',
  renderer: '/app/out/renderer',
  coreProcess: '/app/out/main/core-process.js',
  appIcon: '/app/out/main/icons/icon.png',
  trayIcon: '/app/out/main/icons/tray-icon.png',
  trayIcon2x: '/app/out/main/icons/tray-icon@2x.png',
};

export type FakeElectron = ReturnType<typeof createFakeElectron>;

export function createFakeElectron(options: { lock?: boolean; isPackaged?: boolean; notifications?: boolean } = {}) {
  const calls: string[] = [];
  const appEvents = new EventEmitter();
  const forks: FakeUtilityProcess[] = [];
  let quitted = false;
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.instances = [];
  FakeNotification.supported = options.notifications ?? false;

  const app = {
    isPackaged: options.isPackaged ?? true,
    setPath: vi.fn((name: string) => calls.push(`setPath:${name}`)),
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('requestSingleInstanceLock');
      return options.lock ?? true;
    }),
    whenReady: vi.fn(() => {
      calls.push('whenReady');
      return Promise.resolve();
    }),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
      appEvents.on(event, listener);
      return app;
    }),
    /** Like Electron: 'before-quit' first; the app quits only if nobody prevented it. */
    quit: vi.fn(() => {
      calls.push('quit');
      const event = preventable();
      appEvents.emit('before-quit', event);
      if (!event.defaultPrevented) quitted = true;
      changed();
    }),
    relaunch: observed(),
    setAppUserModelId: vi.fn(),
    getLoginItemSettings: vi.fn(() => ({ openAtLogin: false, wasOpenedAtLogin: false })),
    setLoginItemSettings: vi.fn(),
  };

  const electron = {
    app,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
    ipcMain: { on: vi.fn(), handle: vi.fn() },
    BrowserWindow: FakeBrowserWindow,
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    Tray: FakeTray,
    Notification: FakeNotification,
    nativeImage: { createFromPath: vi.fn(() => ({ addRepresentation: vi.fn(), toDataURL: () => 'data:image/png;base64,' })) },
    dialog: { showMessageBox: observed(async (_options: Record<string, unknown>) => ({ response: 0, checkboxChecked: false })) },
    shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async () => '') },
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    powerMonitor: Object.assign(new EventEmitter(), { getSystemIdleTime: vi.fn(() => 0) }),
    utilityProcess: {
      fork: vi.fn((modulePath: string, args: string[]) => {
        calls.push('utilityProcess.fork');
        const child = new FakeUtilityProcess(modulePath, args);
        forks.push(child);
        return child;
      }),
    },
  };

  return {
    electron,
    /** The same object typed as the host expects it. */
    api: electron as unknown as ElectronApi,
    calls,
    forks,
    emitApp: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    hasQuit: () => quitted,
    until,
    windows: () => FakeBrowserWindow.instances,
    trays: () => FakeTray.instances,
    notifications: () => FakeNotification.instances,
  };
}
