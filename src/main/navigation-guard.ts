import type { WebContents } from 'electron';

/** What a guarded webContents needs: Electron's events and the window-open handler. */
export type GuardableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Locks a webContents to the page it was given: it never navigates, redirects, attaches a
 * <webview> or opens a window. A link the user clicked (same-window or target=_blank) is offered
 * to `openExternal`, which opens it in the browser only if it is on the allowlist.
 */
export function guardWebContents(contents: GuardableContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openExternal(event.url);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}
