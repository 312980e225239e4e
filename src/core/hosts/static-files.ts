import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { contentTypeFor } from '../../shared/content-types';


export type RequestPath = { kind: 'path'; segments: string[] } | { kind: 'forbidden' } | { kind: 'bad-request' };

/**
 * Turns the raw request target into path segments below the served folder, without trusting
 * any URL normaliser: `..`, `.`, hidden names, backslashes (also as %5c), NUL and drive-letter
 * colons are refused after percent-decoding, so `/%2e%2e/` and `/..%5c..%5c` cannot climb out.
 */
export function parseRequestPath(rawUrl: string | undefined): RequestPath {
  const raw = (rawUrl ?? '').split(/[?#]/, 1)[0] ?? '';
  if (!raw.startsWith('/')) return { kind: 'bad-request' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { kind: 'bad-request' };
  }
  if (/[\\\0:]/.test(decoded)) return { kind: 'forbidden' };
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'forbidden' };
  return { kind: 'path', segments };
}

export type StaticTarget = { kind: 'file'; file: string; size: number } | { kind: 'not-found' } | { kind: 'forbidden' } | { kind: 'bad-request' };

const isInside = (root: string, file: string): boolean => {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
};

const fileAt = (root: string, segments: string[]): StaticTarget => {
  const file = join(root, ...segments);
  if (!isInside(root, file)) return { kind: 'forbidden' };
  try {
    // A symlink inside the folder must not lead outside it either.
    const real = realpathSync(file);
    if (!isInside(realpathSync(root), real)) return { kind: 'forbidden' };
    const stat = statSync(real);
    return stat.isFile() ? { kind: 'file', file: real, size: stat.size } : { kind: 'not-found' };
  } catch {
    return { kind: 'not-found' };
  }
};

/**
 * Which file answers a request. The app is a single-page app: a path without a file extension
 * (a client-side route such as /orders/42) gets index.html; a missing asset is a plain 404, so
 * a broken script tag never receives HTML.
 */
export function resolveStaticTarget(root: string, rawUrl: string | undefined): StaticTarget {
  const parsed = parseRequestPath(rawUrl);
  if (parsed.kind !== 'path') return parsed;
  const { segments } = parsed;
  if (segments.length === 0) return fileAt(root, ['index.html']);
  const found = fileAt(root, segments);
  if (found.kind !== 'not-found') return found;
  const last = segments[segments.length - 1] ?? '';
  return extname(last) === '' ? fileAt(root, ['index.html']) : found;
}

const STATUS_TEXT = { 'not-found': [404, 'Not Found'], forbidden: [403, 'Forbidden'], 'bad-request': [400, 'Bad Request'] } as const;

/** Answers a GET or HEAD from the folder; headers common to every response are set by the caller. */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const target = resolveStaticTarget(root, req.url);
  if (target.kind !== 'file') {
    const [status, text] = STATUS_TEXT[target.kind];
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(req.method === 'HEAD' ? undefined : text);
    return;
  }
  res.writeHead(200, { 'Content-Type': contentTypeFor(target.file), 'Content-Length': target.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(target.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
