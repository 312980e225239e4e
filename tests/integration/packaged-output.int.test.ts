import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy';

/*
 * What `electron-vite build` puts in out/ is what gets packaged. These checks read the built files:
 * the browser harness (src/core/hosts, the `ws` package) never ships, the preload is one sandbox-
 * compatible CommonJS file, and main needs only packages that electron-builder will include.
 */
const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'out');

beforeAll(() => {
  if (!existsSync(join(out, 'main', 'index.js'))) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'pipe', timeout: 600_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  }
}, 600_000);

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
const read = (file: string) => readFileSync(file, 'utf8');
const code = (dir: string) => files(join(out, dir)).filter((f) => /\.(c|m)?js$/.test(f));

/** Every module specifier a built file imports or requires. */
const specifiers = (source: string): string[] => {
  const found = new Set<string>();
  const patterns = [/\bimport\s+(?:[\w*{}\s,$]+\s+from\s+)?["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g, /\brequire\(\s*["']([^"']+)["']\s*\)/g, /\bexport\s+[\w*{}\s,$]+\s+from\s+["']([^"']+)["']/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) if (match[1]) found.add(match[1]);
  return [...found];
};
const packageOf = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? ''));
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier);

describe('packaged output (out/)', () => {
  it('has the three builds', () => {
    for (const file of ['main/index.js', 'main/core-process.js', 'preload/index.cjs', 'renderer/index.html', 'main/icons/tray-icon.png', 'main/icons/tray-icon@2x.png', 'main/icons/icon.png']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
  });

  it('builds the core’s import worker next to the core process when the core has one', () => {
    if (existsSync(join(root, 'src', 'core', 'imports', 'import-worker.ts'))) expect(existsSync(join(out, 'main', 'import-worker.js'))).toBe(true);
  });

  it('contains no trace of the browser harness or the ws package', () => {
    for (const file of files(out).filter((f) => /\.(c|m)?js$|\.html$/.test(f))) {
      const text = read(file);
      const name = relative(out, file);
      expect(text, name).not.toContain('WebSocketServer');
      expect(text, name).not.toMatch(/core\/hosts\/|web-harness|harness-guards/);
      expect(text, name).not.toContain('node_modules/ws');
      expect(specifiers(text).map(packageOf), name).not.toContain('ws');
    }
  });

  it('the preload is one CommonJS file that requires only electron', () => {
    const preload = files(join(out, 'preload'));
    expect(preload.map((f) => relative(out, f))).toEqual(['preload/index.cjs']);
    const text = read(join(out, 'preload', 'index.cjs'));
    expect(specifiers(text)).toEqual(['electron']);
    expect(text).not.toMatch(/^\s*(import|export)\s/m);
    expect(text).toContain('exposeInMainWorld("appBridge"');
  });

  it('main imports only node built-ins, electron and production dependencies that get packaged', () => {
    const pkg = JSON.parse(read(join(root, 'package.json'))) as { dependencies: Record<string, string> };
    const builder = createRequire(import.meta.url)(join(root, 'electron-builder.config.cjs')) as { files: string[] };
    const excluded = builder.files.filter((p) => p.startsWith('!node_modules/')).map((p) => p.slice('!node_modules/'.length).replace(/\/\*\*$/, ''));
    for (const file of code('main')) {
      for (const specifier of specifiers(read(file))) {
        if (specifier.startsWith('.') || specifier === 'electron' || isBuiltin(specifier)) continue;
        const name = packageOf(specifier);
        expect(Object.keys(pkg.dependencies), `${relative(out, file)} imports ${specifier}`).toContain(name);
        expect(excluded.some((e) => name === e || name.startsWith(`${e}/`)), `${name} is excluded from the package`).toBe(false);
      }
    }
  });

  it('the page carries the app’s CSP and loads only its own files', () => {
    const html = read(join(out, 'renderer', 'index.html'));
    const meta = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content="([^"]*)"/i.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/(src|href)=["'](https?:)?\/\//i);
  });
});
