import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv-export';

// The file ends with CRLF, so the parser's last row is the empty one after it.
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').replace(/\r\n$/, '')).data;

describe('toCsv', () => {
  it('neutralises formula cells and keeps the rest', () => {
    const csv = toCsv(['a', 'b'], [['=1+1', '+86 138'], ['-5', '@x'], ['\tx', 'plain, with comma']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parse(csv)).toEqual([
      ['a', 'b'],
      ["'=1+1", "'+86 138"],
      ["'-5", "'@x"],
      ["'\tx", 'plain, with comma'],
    ]);
  });

  it('never lets a cell start with = + - @ TAB or CR, and round-trips every other cell (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const back = parse(toCsv(['x', 'y'], rows)).slice(1);
        expect(back).toHaveLength(rows.length);
        for (const [i, r] of rows.entries()) {
          const got = back[i] ?? [];
          r.forEach((cell, j) => {
            const out = got[j] ?? '';
            expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
            expect(out).toBe(/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
          });
        }
      }),
    );
  });
});
