import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIRECT_IMPORT_PACKAGES, readBarrel, rewriteBarrelImports, type BarrelEntry } from '../../scripts/direct-imports';

/*
 * The renderer build's barrel rewrite (scripts/direct-imports.ts): `import { Table } from 'antd'`
 * becomes `import Table from 'antd/es/table'`, so a component lands in the chunks of the screens
 * that use it instead of the shell's (src/renderer/README.md has the sizes).
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const realBarrel = (pkg: string) => readBarrel(pkg, 'es/index.js', (path) => readFileSync(join(ROOT, 'node_modules', pkg, path), 'utf8'));

const FAKE: Record<string, string> = {
  'es/index.js': "export { default as Button } from './button';\nexport { default as theme, helper as util } from './theme';\nexport * from './icons';",
  'es/icons/index.js': "export { default as StarOutlined } from './StarOutlined';",
};

describe('direct imports of barrel packages', () => {
  it('reads a barrel: default and named re-exports, one export * level down', () => {
    const entries = readBarrel('ui', 'es/index.js', (path) => FAKE[path] ?? '');
    expect(Object.fromEntries(entries)).toEqual({
      Button: { module: 'ui/es/button', imported: 'default' },
      theme: { module: 'ui/es/theme', imported: 'default' },
      util: { module: 'ui/es/theme', imported: 'helper' },
      StarOutlined: { module: 'ui/es/icons/StarOutlined', imported: 'default' },
    });
  });

  it('rewrites named imports, keeps aliases, leaves unknown names, type-only and other packages alone', () => {
    const barrels = new Map([['ui', readBarrel('ui', 'es/index.js', (path) => FAKE[path] ?? '')]]);
    const code = 'import { Button as B, util, Missing } from "ui";\nimport { x } from "other";\nimport type { T } from "ui";\n';
    expect(rewriteBarrelImports(code, barrels)).toBe(
      "import B from 'ui/es/button'; import { helper as util } from 'ui/es/theme'; import { Missing } from 'ui';\nimport { x } from \"other\";\nimport type { T } from \"ui\";\n",
    );
    expect(rewriteBarrelImports('import { x } from "other";', barrels)).toBeNull();
  });

  it("finds every name the renderer imports from antd and @ant-design/icons in the packages' barrels", () => {
    const barrels = new Map<string, Map<string, BarrelEntry>>(DIRECT_IMPORT_PACKAGES.map((pkg) => [pkg, realBarrel(pkg)]));
    expect(barrels.get('antd')?.get('Table')).toEqual({ module: 'antd/es/table', imported: 'default' });
    expect(barrels.get('@ant-design/icons')?.get('StarOutlined')).toEqual({ module: '@ant-design/icons/es/icons/StarOutlined', imported: 'default' });
    const dir = join(ROOT, 'src/renderer/src');
    const missing: string[] = [];
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const [, list, from] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
        const barrel = barrels.get(from ?? '');
        if (barrel === undefined) continue;
        for (const spec of (list ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('type '))) {
          const name = spec.split(/\s+as\s+/)[0] ?? spec;
          if (!barrel.has(name)) missing.push(`${file}: ${name} from ${from}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
