import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'shopdesk-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>ok</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'SECRET-PARENT');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'secret.txt'), 'SECRET-SIBLING');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

// A plain request-shaped object: the WHATWG Request refuses some hostile URLs (credentials) that
// Electron may still hand to the handler.
const get = (url: string, method = 'GET') => createAppProtocolHandler(root)({ url, method } as Request);

describe('app:// protocol handler', () => {
  it('serves index.html at the root with the CSP header', async () => {
    const response = await get('app://shop/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>ok</title>');
  });

  it('serves assets with their content type', async () => {
    const response = await get('app://shop/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers client-side routes (no extension) with index.html, missing files with 404', async () => {
    expect(await (await get('app://shop/orders/today')).text()).toContain('<title>ok</title>');
    expect((await get('app://shop/assets/missing.js')).status).toBe(404);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('refuses %s with 405', async (method) => {
    const response = await get('app://shop/index.html', method);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });

  it.each([
    ['parent via ..', 'app://shop/../secret.txt'],
    ['parent via %2e%2e', 'app://shop/%2e%2e/secret.txt'],
    ['parent via %2E%2E%2F', 'app://shop/%2E%2E%2Fsecret.txt'],
    ['parent via ..%2f', 'app://shop/..%2fsecret.txt'],
    ['encoded backslashes', 'app://shop/..%5c..%5csecret.txt'],
    ['encoded backslash prefix', 'app://shop/%5c..%5csecret.txt'],
    ['sibling prefix dir', 'app://shop/../renderer-evil/secret.txt'],
    ['encoded sibling prefix dir', 'app://shop/%2e%2e%2frenderer-evil%2fsecret.txt'],
    ['NUL byte', 'app://shop/index.html%00.js'],
    ['drive letter', 'app://shop/C:%5cWindows%5cwin.ini'],
    ['broken escape', 'app://shop/%E0%A4%A'],
    ['other host', 'app://shop.evil/index.html'],
    ['host prefix', 'app://evilshop/index.html'],
    ['credentials', 'app://user@shop/index.html'],
    ['other scheme', 'https://shop/index.html'],
  ])('refuses %s (%s)', async (_name, url) => {
    const response = await get(url);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('never reads a file outside the renderer folder, whatever the path', async () => {
    const read: string[] = [];
    const handler = createAppProtocolHandler(root, (path) => {
      read.push(path);
      return readFile(path);
    });
    const segment = fc.oneof(fc.constantFrom('..', '.', '%2e%2e', '%2E.', '%5c', '%2f', '%00', 'a', 'index.html', 'C:', '..%5c'), fc.string());
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 6 }), async (segments) => {
        let url: string;
        try {
          url = new URL(`app://shop/${segments.join('/')}`).href;
        } catch {
          return;
        }
        const response = await handler(new Request(url));
        expect(await response.text()).not.toContain('SECRET');
      }),
      { numRuns: 300 },
    );
    for (const path of read) expect(path.startsWith(root + sep)).toBe(true);
  });
});

describe('resolveAppPath', () => {
  it('maps / to index.html and keeps nested paths inside the root', () => {
    expect(resolveAppPath('/r', '/')).toBe(join('/r', 'index.html'));
    expect(resolveAppPath('/r', '/assets/a.js')).toBe(join('/r', 'assets', 'a.js'));
    expect(resolveAppPath('/r', '/a/../../x')).toBeNull();
  });
});
