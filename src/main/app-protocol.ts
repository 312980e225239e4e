import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { contentTypeFor } from '../shared/content-types';

/*
 * The app's pages come from `app://shop/…`, never from file:// (Electron security checklist
 * item 18): a custom standard scheme gives the page a real origin, so the CSP's 'self', the
 * sender check and the navigation guard all have something precise to compare with.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'shop';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

/** Passed to protocol.registerSchemesAsPrivileged before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  bypassCSP: false,
  stream: false,
} as const;

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

const status = (code: number, extra: Record<string, string> = {}): Response =>
  new Response(null, { status: code, headers: { ...SECURITY_HEADERS, ...extra } });

/**
 * Maps a URL path to a file strictly inside `root`, or null. Decodes once and then refuses
 * anything that could mean something else on some OS: `..`/`.` segments (also when they were
 * percent-encoded), backslashes (a separator on Windows), NUL bytes and drive letters (`:`).
 * The final `relative()` check is the belt to those braces.
 */
export function resolveAppPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '.' || s === '..' || s.includes(':'))) return null;
  const full = resolve(root, segments.length === 0 ? 'index.html' : segments.join(sep));
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return full;
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

/**
 * The `app://` handler: a pure `(Request) => Promise<Response>` over the built renderer folder,
 * so it is tested in plain Node. Only GET, only host `shop`, only files under `rendererDir`.
 * A path without an extension that is not a file gets index.html (client-side routes).
 */
export function createAppProtocolHandler(rendererDir: string, readFile: ReadFile = fsReadFile) {
  const root = resolve(rendererDir);
  const indexFile = resolve(root, 'index.html');

  const tryRead = async (file: string): Promise<Uint8Array | null> => {
    try {
      return await readFile(file);
    } catch {
      return null;
    }
  };

  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET') return status(405, { Allow: 'GET' });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return status(400);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
      return status(403);
    }
    const file = resolveAppPath(root, url.pathname);
    if (file === null) return status(403);

    let served = file;
    let body = await tryRead(file);
    if (body === null && extname(file) === '') {
      served = indexFile;
      body = await tryRead(indexFile);
    }
    if (body === null) return status(404);
    const contentType = contentTypeFor(served);
    return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } });
  };
}
