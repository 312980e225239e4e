import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTypeFor } from '../../shared/content-types';
import { parseRequestPath, resolveStaticTarget } from './static-files';

const base = mkdtempSync(join(tmpdir(), 'shopdesk-static-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
writeFileSync(join(base, 'secret.txt'), 'secret');
mkdirSync(join(base, 'renderer-evil'));
writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const target = (url: string) => {
  const t = resolveStaticTarget(root, url);
  return t.kind === 'file' ? t.file.slice(root.length) : t.kind;
};

describe('resolveStaticTarget', () => {
  it.each([
    ['/', '/index.html'],
    ['/index.html', '/index.html'],
    ['/assets/app.js', '/assets/app.js'],
    ['/assets/app.js?v=1#x', '/assets/app.js'],
    ['//assets//app.js', '/assets/app.js'],
    ['/orders/42', '/index.html'],
    ['/today?token=abc', '/index.html'],
    ['/assets/missing.js', 'not-found'],
    ['/assets', '/index.html'],
  ])('%s → %s', (url, expected) => {
    expect(target(url)).toBe(expected);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/..%5c..%5csecret.txt',
    '/..\\secret.txt',
    '/assets/../../secret.txt',
    '/assets/./app.js',
    '/../renderer-evil/x.js',
    '/%00',
    '/C:/Windows/win.ini',
    '/.env',
    '/assets/link.txt',
  ])('refuses %s', (url) => {
    expect(target(url)).toBe('forbidden');
  });

  it.each(['', 'assets/app.js', 'http://evil.example/', '/%E0%A4%A'])('rejects the malformed target %j', (url) => {
    expect(target(url)).toBe('bad-request');
  });

  it('never resolves a file outside the folder, whatever the path', () => {
    const segment = fc.oneof(fc.constantFrom('..', '.', '%2e%2e', '%2E.', '..%5c', '%5c', 'assets', 'app.js', '', '%00', 'secret.txt'), fc.string());
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const t = resolveStaticTarget(root, `/${segments.join('/')}`);
        if (t.kind === 'file') expect(t.file.startsWith(`${root}/`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseRequestPath', () => {
  it('splits and decodes', () => {
    expect(parseRequestPath('/a%20b/c')).toEqual({ kind: 'path', segments: ['a b', 'c'] });
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['a.svg', 'image/svg+xml'],
    ['README', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
