import react from '@vitejs/plugin-react';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import type { PluginOption } from 'vite';
import { directImports } from './scripts/direct-imports';
import { META_CONTENT_SECURITY_POLICY } from './src/shared/content-security-policy';

/*
 * Three builds, none of which needs the Electron binary:
 * - main: out/main/index.js (the main process), out/main/core-process.js (the core's
 *   utilityProcess) and out/main/import-worker.js (the core's import thread), ES modules because
 *   package.json says "type": "module"; dependencies stay external (electron-vite's default: every
 *   package.json dependency and its subpaths), so better-sqlite3 loads its native module from
 *   node_modules — except {@link BUNDLED_DEPENDENCIES};
 * - preload: out/preload/index.cjs, one CommonJS file with everything bundled in, because a
 *   sandboxed preload can neither be an ES module nor require anything but 'electron';
 * - renderer: src/renderer → out/renderer, served to the window as app://shop/.
 */

const root = dirname(fileURLToPath(import.meta.url));
/**
 * The import pipeline's worker thread (src/core/imports/spawn-import-worker.ts looks for a sibling
 * import-worker.js). Listed only once that module exists, so the build works before and after it lands.
 */
const importWorker = resolve(root, 'src/core/imports/import-worker.ts');
/**
 * Dependencies bundled into main although they are in package.json. chinese-days is imported only
 * for its JSON calendar (src/shared/domain/working-days.ts): kept external, the built file would
 * `import … from "chinese-days/dist/chinese-days.json"` without the `with { type: 'json' }`
 * attribute, which Node 22's ES module loader (Electron 45's utility process) refuses with
 * ERR_IMPORT_ATTRIBUTE_MISSING before any of our code runs. Bundled, the data is a plain object in
 * out/main. tests/integration/packaged-output.int.test.ts loads every remaining external import.
 */
const BUNDLED_DEPENDENCIES = ['chinese-days'];
const ICONS = ['icon.png', 'tray-icon.png', 'tray-icon@2x.png'];

/** Copies the window and tray icons to out/main/icons/, so the package needs nothing outside out/. */
const emitIcons = (): PluginOption => ({
  name: 'shopdesk:emit-icons',
  apply: 'build',
  generateBundle() {
    for (const name of ICONS) {
      this.emitFile({ type: 'asset', fileName: `icons/${name}`, source: readFileSync(resolve(root, 'resources', name)) });
    }
  },
});

const CSP_META = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/i;

/**
 * Writes the app's CSP into the built index.html as a meta tag (the app:// handler also sends it
 * as a header). The source index.html stays free of it because the dev server's React refresh
 * preamble is an inline script; a different policy already in the source fails the build.
 */
const injectCsp = (): PluginOption => ({
  name: 'shopdesk:inject-csp',
  apply: 'build',
  transformIndexHtml(html: string) {
    const existing = CSP_META.exec(html)?.[0];
    if (existing !== undefined) {
      if (!existing.includes(`content="${META_CONTENT_SECURITY_POLICY}"`)) throw new Error('index.html has a CSP meta tag that differs from src/shared/content-security-policy.ts');
      return html;
    }
    return html.replace(/<head>/i, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`);
  },
});

/**
 * Under `electron-vite dev` the page comes from Vite's dev server, whose React refresh preamble is
 * an inline script and whose hot reload uses a WebSocket; only there are both allowed.
 */
const devCsp = (): PluginOption => ({
  name: 'shopdesk:dev-csp',
  apply: 'serve',
  transformIndexHtml(html: string) {
    const relaxed = META_CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:");
    return html.replace(CSP_META, `<meta http-equiv="Content-Security-Policy" content="${relaxed}" />`);
  },
});

export default defineConfig({
  main: {
    plugins: [emitIcons()],
    build: {
      externalizeDeps: { exclude: BUNDLED_DEPENDENCIES },
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          'core-process': resolve(root, 'src/main/core-process.ts'),
          ...(existsSync(importWorker) ? { 'import-worker': importWorker } : {}),
        },
      },
    },
  },
  preload: {
    build: {
      // Bundle everything: a sandboxed preload cannot require node_modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [directImports(root), react(), injectCsp(), devCsp()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified, the window parses and compiles less
      // than half the JavaScript before its first paint (src/renderer/README.md has the numbers).
      minify: true,
      rolldownOptions: {
        input: { index: resolve(root, 'src/renderer/index.html') },
      },
    },
  },
});
