import { describe, expect, it, vi } from 'vitest';
import { allowOnlyClipboardWrite, type PermissionSession } from './permissions';

type Request = (contents: unknown, permission: string, callback: (ok: boolean) => void, details: { requestingUrl: string; isMainFrame: boolean }) => void;
type Check = (contents: unknown, permission: string, origin: string, details: { requestingUrl?: string; isMainFrame: boolean }) => boolean;

function handlers(origins: readonly string[] = ['app://shop']) {
  const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
  allowOnlyClipboardWrite(session as unknown as PermissionSession, origins);
  const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as Request;
  const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as Check;
  const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean;
  const asked = (permission: string, url: string, isMainFrame = true) => {
    const callback = vi.fn();
    request({}, permission, callback, { requestingUrl: url, isMainFrame });
    expect(callback).toHaveBeenCalledOnce();
    return callback.mock.calls[0]?.[0] as boolean;
  };
  const checked = (permission: string, origin: string, isMainFrame = true) => check({}, permission, origin, { requestingUrl: `${origin}/`, isMainFrame });
  return { asked, checked, device };
}

const OTHER_PERMISSIONS = ['clipboard-read', 'deprecated-sync-clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'fileSystem', 'unknown'];

describe('allowOnlyClipboardWrite', () => {
  it('lets the app’s own page write to the clipboard ("复制地址")', () => {
    const { asked, checked } = handlers();
    expect(asked('clipboard-sanitized-write', 'app://shop/#/suppliers')).toBe(true);
    expect(checked('clipboard-sanitized-write', 'app://shop')).toBe(true);
  });

  it.each(OTHER_PERMISSIONS)('refuses %s, also to the app’s own page', (permission) => {
    const { asked, checked } = handlers();
    expect(asked(permission, 'app://shop/')).toBe(false);
    expect(checked(permission, 'app://shop')).toBe(false);
  });

  it.each(['https://evil.com', 'http://localhost:5173', 'app://other', 'file://', 'null', 'data:text/html,x', ''])('refuses the clipboard to origin %j', (origin) => {
    const { asked, checked } = handlers();
    expect(asked('clipboard-sanitized-write', `${origin}/`)).toBe(false);
    expect(checked('clipboard-sanitized-write', origin)).toBe(false);
  });

  it('refuses an iframe, even one on app://shop', () => {
    const { asked, checked } = handlers();
    expect(asked('clipboard-sanitized-write', 'app://shop/', false)).toBe(false);
    expect(checked('clipboard-sanitized-write', 'app://shop', false)).toBe(false);
  });

  it('the dev server’s page gets it only when it is one of the app’s origins (electron-vite dev)', () => {
    expect(handlers(['app://shop', 'http://localhost:5173']).asked('clipboard-sanitized-write', 'http://localhost:5173/')).toBe(true);
    expect(handlers(['app://shop']).asked('clipboard-sanitized-write', 'http://localhost:5173/')).toBe(false);
  });

  it('refuses every device', () => {
    expect(handlers().device({ deviceType: 'usb', origin: 'app://shop' })).toBe(false);
  });
});
