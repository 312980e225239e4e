import type { BrowserWindow, Dialog, RenderProcessGoneDetails, WebContents } from 'electron';
import type { Logger } from '../core/log';
import type { MainStrings } from './main-strings';

/** The parts of the main window this module uses (a fake in tests). */
export type RecoverableWindow = Pick<BrowserWindow, 'isDestroyed' | 'isVisible'> & {
  on(event: 'unresponsive' | 'responsive' | 'show', listener: () => void): unknown;
  readonly webContents: Pick<WebContents, 'reload' | 'forcefullyCrashRenderer'> & {
    on(event: 'render-process-gone', listener: (event: unknown, details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>) => void): unknown;
  };
};

export type RendererRecoveryInput = {
  window: RecoverableWindow;
  dialog: Pick<Dialog, 'showMessageBox'>;
  strings(): MainStrings;
  /** The page is gone: its connection to the core must close before the reloaded page speaks (relay.endPage). */
  onPageEnded(): void;
  isQuitting(): boolean;
  quit(): void;
  log: Logger;
  /** Crashes reloaded by themselves within `crashWindowMs`; one more and the user decides. */
  maxReloads?: number;
  crashWindowMs?: number;
  now?: () => number;
};

/**
 * Keeps the window's page usable when its renderer fails. A crashed renderer (render-process-gone)
 * is reloaded and the user is told so (when the window is hidden in the tray, once it is shown);
 * a renderer that keeps crashing is no longer reloaded by itself: the user chooses reload or quit.
 * A hung page ('unresponsive') gets a question, reload or wait, which closes by itself if the
 * page recovers; reload ends the hung renderer first, as Electron advises, so the reload runs in
 * a new process. The data is in the core, so a reload loses only what was typed and not saved.
 */
export function recoverRenderer(input: RendererRecoveryInput): void {
  const { window, dialog, log } = input;
  const contents = window.webContents;
  // The dialogs belong to the window (a sheet on macOS; `signal` needs a parent there).
  const parent = window as BrowserWindow;
  const maxReloads = input.maxReloads ?? 3;
  const crashWindowMs = input.crashWindowMs ?? 60_000;
  const now = input.now ?? Date.now;
  const crashes: number[] = [];
  let killedOnPurpose = false;
  let question: AbortController | null = null;

  const reload = () => {
    if (!window.isDestroyed()) contents.reload();
  };
  // A notice for a window hidden in the tray waits until it is shown (only the latest one).
  let untold: (() => void) | null = null;
  const tell = (notice: () => void) => {
    if (window.isVisible()) notice();
    else untold = notice;
  };
  window.on('show', () => {
    const notice = untold;
    untold = null;
    notice?.();
  });
  const dropQuestion = () => {
    question?.abort();
    question = null;
  };

  contents.on('render-process-gone', (_event, details) => {
    input.onPageEnded();
    dropQuestion();
    if (killedOnPurpose) {
      killedOnPurpose = false;
      return;
    }
    if (input.isQuitting() || window.isDestroyed()) return;
    log.error('the window’s renderer stopped', { reason: details.reason, exitCode: details.exitCode });
    const at = now();
    crashes.push(at);
    while (crashes.length > 0 && (crashes[0] ?? at) < at - crashWindowMs) crashes.shift();
    const s = input.strings();
    if (crashes.length > maxReloads) {
      tell(() => {
        void dialog
          .showMessageBox(parent, { type: 'error', title: s.pageCrashLoopTitle, message: s.pageCrashLoopTitle, detail: s.pageCrashLoopBody, buttons: [s.reloadPage, s.quit], defaultId: 0, cancelId: 1 })
          .then(({ response }) => (response === 0 ? reload() : input.quit()));
      });
      return;
    }
    reload();
    tell(() => void dialog.showMessageBox(parent, { type: 'warning', title: s.pageCrashedTitle, message: s.pageCrashedTitle, detail: s.pageCrashedBody, buttons: [s.ok] }));
  });

  window.on('unresponsive', () => {
    if (question !== null || input.isQuitting() || window.isDestroyed()) return;
    log.warn('the window’s renderer is not responding');
    const asked = new AbortController();
    question = asked;
    const s = input.strings();
    void dialog
      .showMessageBox(parent, { type: 'warning', title: s.pageUnresponsiveTitle, message: s.pageUnresponsiveTitle, detail: s.pageUnresponsiveBody, buttons: [s.reloadPage, s.wait], defaultId: 0, cancelId: 1, signal: asked.signal })
      .then(({ response }) => {
        if (question === asked) question = null;
        if (asked.signal.aborted || response !== 0 || window.isDestroyed()) return;
        input.onPageEnded();
        killedOnPurpose = true;
        contents.forcefullyCrashRenderer();
        contents.reload();
      });
  });
  // The page recovered by itself: the question closes as if "wait" had been chosen.
  window.on('responsive', dropQuestion);
}
