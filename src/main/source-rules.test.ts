import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Rules that hold by construction and must keep holding: each dangerous capability has exactly one
 * door, so a reviewer (and electronegativity) has one place to look.
 */
const root = join(import.meta.dirname, '..', '..');
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => join(dir, f));
const all = [...sources('src')];
const where = (pattern: RegExp) => all.filter((file) => pattern.test(readFileSync(join(root, file), 'utf8'))).map((f) => relative(root, join(root, f)));

describe('desktop host source rules', () => {
  it('has one window factory', () => {
    expect(where(/new\s+(?:\w+\.)?BrowserWindow\s*\(/)).toEqual(['src/main/main-window.ts']);
  });

  it('opens external URLs in one place', () => {
    expect(where(/shell\.openExternal\s*\(/)).toEqual(['src/main/external-links.ts']);
  });

  it('listens to IPC only through registerIpc', () => {
    expect(where(/ipcMain\.(?:on|once|handle|handleOnce)\s*\(/)).toEqual(['src/main/ipc-registry.ts']);
  });

  it('imports electron only in src/main and src/preload, and never in the core process entry', () => {
    const importers = where(/from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/);
    for (const file of importers) expect(file).toMatch(/^src\/(main|preload)\//);
    const runtimeImport = /^import\s+(?!type\b)[^;]*from\s+['"]electron['"]/m;
    for (const file of ['src/main/core-process.ts', 'src/main/core-process-runtime.ts']) {
      expect(runtimeImport.test(readFileSync(join(root, file), 'utf8'))).toBe(false);
    }
  });

  it('the preload imports only electron and src/shared (it is bundled alone; channel names live in src/shared)', () => {
    for (const file of sources('src/preload')) {
      const specifiers = [...readFileSync(join(root, file), 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
      for (const specifier of specifiers) expect(specifier, file).toMatch(/^(?:electron|\.\.\/shared\/.+)$/);
    }
  });

  it('keeps main-process files small', () => {
    for (const file of [...sources('src/main'), ...sources('src/preload')]) {
      expect(readFileSync(join(root, file), 'utf8').split('\n').length, file).toBeLessThanOrEqual(200);
    }
  });
});
