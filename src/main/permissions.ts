import type { Session } from 'electron';
import { originOf } from './ipc-registry';

export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** The one permission the page uses: writing text to the clipboard ("复制地址", navigator.clipboard.writeText). */
export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

/**
 * Electron grants every permission by default (camera, notifications from the page, geolocation,
 * HID …). ShopDesk's page needs only the sanitized clipboard write, and only its own top frame
 * (app://shop, plus the dev server while developing) gets it; every other permission, origin or
 * frame, and every device, is refused.
 */
export function allowOnlyClipboardWrite(session: PermissionSession, appOrigins: readonly string[]): void {
  const allowed = (permission: string, url: string | undefined, isMainFrame: boolean) => {
    const origin = url === undefined ? null : originOf(url);
    return permission === ALLOWED_PERMISSION && isMainFrame && origin !== null && appOrigins.includes(origin);
  };
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details.requestingUrl, details.isMainFrame)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => allowed(permission, requestingOrigin, details.isMainFrame));
  session.setDevicePermissionHandler(() => false);
}
