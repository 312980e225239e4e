import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { PluginOption } from 'vite';

/**
 * Rewrites `import { Button, Table } from 'antd'` into one import per component module
 * (`import Button from 'antd/es/button'`), for the packages in {@link DIRECT_IMPORT_PACKAGES}.
 *
 * Why: the bundler puts a module in the chunk of every entry that reaches it by static imports,
 * and a barrel (`antd/es/index.js`, `@ant-design/icons/es/index.js`) reaches every component.
 * The shell imports the barrel for its Layout and Menu, so every component any lazy screen used
 * (Table, Select, Form, DatePicker …) landed in the shell's chunk and was fetched and compiled
 * before the first paint. Imported directly, a component goes to the chunks of the screens that
 * use it. Tree-shaking alone does not help: it drops unused code, not the chunk assignment of
 * used code. Rolldown's `lazyBarrel` did not change the chunks either (measured).
 */
export const DIRECT_IMPORT_PACKAGES = ['antd', '@ant-design/icons'] as const;

/** Where a name a barrel exports comes from: the module (a package subpath) and its export there. */
export type BarrelEntry = { module: string; imported: string };

const REEXPORT = /export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;
const REEXPORT_ALL = /export\s*\*\s*from\s*["']([^"']+)["']/g;
const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["'];?/g;

const splitSpecifiers = (list: string) =>
  list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * The names a barrel re-exports, read from its source: `export { default as X } from './x'` and,
 * one `export * from './y'` level down, the barrel that one names. `readModule(path)` returns the
 * source of a module path relative to the package (`es/icons/index.js`).
 */
export function readBarrel(pkg: string, barrelPath: string, readModule: (path: string) => string): Map<string, BarrelEntry> {
  const entries = new Map<string, BarrelEntry>();
  const visit = (path: string, depth: number) => {
    const source = readModule(path);
    const here = posix.dirname(path);
    for (const [, list, from] of source.matchAll(REEXPORT)) {
      for (const spec of splitSpecifiers(list ?? '')) {
        const [imported, local = imported] = spec.split(/\s+as\s+/).map((s) => s.trim());
        if (imported === undefined || local === undefined) continue;
        entries.set(local, { module: `${pkg}/${posix.join(here, from ?? '')}`, imported });
      }
    }
    if (depth > 0) {
      for (const [, from] of source.matchAll(REEXPORT_ALL)) {
        const target = posix.join(here, from ?? '');
        visit(target.endsWith('.js') ? target : `${target}/index.js`, depth - 1);
      }
    }
  };
  visit(barrelPath, 1);
  return entries;
}

/**
 * The module's named imports from a barrel package rewritten to direct imports; names the
 * barrel does not list stay in an import from the barrel. Returns null when nothing changed.
 * Type-only specifiers (`type X`) are left to the barrel import (the compiler drops them).
 */
export function rewriteBarrelImports(code: string, barrels: ReadonlyMap<string, ReadonlyMap<string, BarrelEntry>>): string | null {
  let changed = false;
  const out = code.replace(NAMED_IMPORT, (whole, list: string, from: string) => {
    const barrel = barrels.get(from);
    if (barrel === undefined) return whole;
    const direct: string[] = [];
    const rest: string[] = [];
    for (const spec of splitSpecifiers(list)) {
      const [imported, local = imported] = spec.split(/\s+as\s+/).map((s) => s.trim());
      const entry = imported === undefined || spec.startsWith('type ') ? undefined : barrel.get(imported);
      if (entry === undefined || local === undefined) {
        rest.push(spec);
        continue;
      }
      direct.push(entry.imported === 'default' ? `import ${local} from '${entry.module}';` : `import { ${entry.imported} as ${local} } from '${entry.module}';`);
    }
    if (direct.length === 0) return whole;
    changed = true;
    return [...direct, ...(rest.length > 0 ? [`import { ${rest.join(', ')} } from '${from}';`] : [])].join(' ');
  });
  return changed ? out : null;
}

/** The Vite plugin (build only): our own modules (not node_modules) get their barrel imports rewritten. */
export function directImports(root: string): PluginOption {
  const barrels = new Map<string, Map<string, BarrelEntry>>();
  const barrelOf = (pkg: string) => {
    const dir = join(root, 'node_modules', pkg);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { module?: string };
    const main = posix.normalize(manifest.module ?? 'es/index.js');
    return readBarrel(pkg, main, (path) => readFileSync(join(dir, path), 'utf8'));
  };
  return {
    name: 'shopdesk:direct-imports',
    // Only the build: the dev server pre-bundles each package once, where the barrel costs nothing.
    apply: 'build',
    buildStart() {
      for (const pkg of DIRECT_IMPORT_PACKAGES) barrels.set(pkg, barrelOf(pkg));
    },
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\.[cm]?[jt]sx?$/.test(id.split('?')[0] ?? '')) return null;
      if (!DIRECT_IMPORT_PACKAGES.some((pkg) => code.includes(pkg))) return null;
      const rewritten = rewriteBarrelImports(code, barrels);
      return rewritten === null ? null : { code: rewritten, map: null };
    },
  };
}
