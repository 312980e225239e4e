import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDialect } from './csv-dialect';
import { decodeText } from './decode-text';
import { detectEncoding } from './detect-encoding';
import { parseCsv } from './parse-csv';

const DIR = new URL('../../../tests/fixtures/csv-spectrum/', import.meta.url);
const cases = readdirSync(DIR)
  .filter((n) => n.endsWith('.csv'))
  .map((n) => n.slice(0, -4));

/** The importer's own decode and parse stages, fed in small chunks to cross every boundary. */
async function parse(bytes: Uint8Array): Promise<string[][]> {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
  }
  const texts: string[] = [];
  for await (const t of decodeText(chunks(), detectEncoding(bytes))) texts.push(t);
  async function* replay() {
    yield* texts;
  }
  const rows: string[][] = [];
  for await (const batch of parseCsv(replay(), detectDialect(texts.join('')))) rows.push(...batch.map((r) => r.fields));
  return rows;
}

describe('csv-spectrum (R26)', () => {
  it('has the cases', () => expect(cases).toHaveLength(11));

  it.each(cases)('%s', async (name) => {
    const rows = await parse(readFileSync(new URL(`${name}.csv`, DIR)));
    const [header, ...data] = rows.filter((r) => !(r.length === 1 && r[0] === ''));
    const records = data.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
    expect(records).toEqual(JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')));
  });
});
