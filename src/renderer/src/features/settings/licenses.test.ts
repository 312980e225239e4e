import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LICENSES } from './licenses';

// Read the manifests straight from node_modules: some packages (kysely) do not export ./package.json.
const NODE_MODULES = resolve(import.meta.dirname, '../../../../../node_modules');

describe('LICENSES', () => {
  it.each(LICENSES)('$name is $license, as its package.json says', ({ name, license }) => {
    const manifest = JSON.parse(readFileSync(join(NODE_MODULES, name, 'package.json'), 'utf8')) as { name?: string; license?: string };
    expect(manifest.name).toBe(name);
    expect(manifest.license).toBe(license);
  });

  it('names each package once', () => {
    const names = LICENSES.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
