import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * Import cycles in the core: a cycle means two modules can only be understood (and loaded) together,
 * and with ES modules one of them sees the other half-initialised. Type-only imports count too: they
 * are the circle a refactor later turns into a runtime one.
 */
const root = join(import.meta.dirname, '..', '..');
const isSource = (f: string) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts');
const sourcesUnder = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter(isSource)
    .map((f) => join(dir, f).split('\\').join('/'));

/** The repository-relative files a source imports or re-exports (relative specifiers only). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => resolve(join(root, dirname(file)), spec))
    .map((abs) => [abs, `${abs}.ts`, `${abs}.tsx`, join(abs, 'index.ts')].find((c) => existsSync(c) && isSource(c)))
    .filter((abs): abs is string => abs !== undefined)
    .map((abs) => relative(root, abs).split('\\').join('/'));
}

/** Every cycle reachable from `starts`, each as the path that closes it (depth-first, Tarjan-free). */
export function findCycles(starts: readonly string[], edges: (file: string) => string[]): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (file: string) => {
    if (onStack.has(file)) {
      cycles.push([...stack.slice(stack.indexOf(file)), file]);
      return;
    }
    if (done.has(file)) return;
    stack.push(file);
    onStack.add(file);
    for (const next of edges(file)) visit(next);
    stack.pop();
    onStack.delete(file);
    done.add(file);
  };
  for (const s of starts) visit(s);
  return cycles;
}

describe('core source rules', () => {
  it('finds a cycle when there is one (the check itself)', () => {
    const graph: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a'], d: ['a'] };
    expect(findCycles(['d'], (f) => graph[f] ?? [])).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(['a'], (f) => ({ a: ['b'], b: [] })[f] ?? [])).toEqual([]);
  });

  it('reads type-only imports and re-exports as edges', () => {
    expect(importsOf('src/core/reminders/policy.ts')).toContain('src/core/reminders/planned-reminder.ts');
  });

  it('has no import cycle through src/core/reminders (rules.ts and the money and supplier planners)', () => {
    expect(findCycles(sourcesUnder('src/core/reminders'), importsOf)).toEqual([]);
  });

  it('has no import cycle anywhere in src/core', () => {
    expect(findCycles(sourcesUnder('src/core'), importsOf)).toEqual([]);
  });
});
