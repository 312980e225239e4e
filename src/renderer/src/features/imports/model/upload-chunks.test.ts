import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, chunkRanges, UPLOAD_CHUNK_BYTES, uploadFileName } from './upload-chunks';

describe('chunkRanges', () => {
  it.each([
    [0, 3, [{ start: 0, end: 0, isLast: true }]],
    [1, 3, [{ start: 0, end: 1, isLast: true }]],
    [3, 3, [{ start: 0, end: 3, isLast: true }]],
    [4, 3, [{ start: 0, end: 3, isLast: false }, { start: 3, end: 4, isLast: true }]],
    [9, 3, [{ start: 0, end: 3, isLast: false }, { start: 3, end: 6, isLast: false }, { start: 6, end: 9, isLast: true }]],
  ])('%i bytes in chunks of %i', (size, chunk, expected) => {
    expect(chunkRanges(size, chunk)).toEqual(expected);
  });

  it('keeps every chunk at most 1 MiB once base64-encoded', () => {
    expect((UPLOAD_CHUNK_BYTES / 3) * 4).toBe(1024 * 1024);
    const ranges = chunkRanges(5 * 1024 * 1024 + 17);
    expect(ranges).toHaveLength(7);
    for (const r of ranges) expect(Math.ceil((r.end - r.start) / 3) * 4).toBeLessThanOrEqual(1024 * 1024);
  });

  it('covers any file exactly once, in order, with only the last chunk marked last', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 50 }), (size, thirds) => {
        const ranges = chunkRanges(size, thirds * 3);
        expect(ranges[0]?.start).toBe(0);
        expect(ranges.at(-1)?.end).toBe(size);
        ranges.forEach((r, i) => {
          expect(r.isLast).toBe(i === ranges.length - 1);
          if (i > 0) expect(r.start).toBe(ranges[i - 1]!.end);
          if (size > 0) expect(r.end).toBeGreaterThan(r.start);
        });
      }),
    );
  });

  it.each([-1, 1.5, Number.NaN])('refuses the size %s', (size) => {
    expect(() => chunkRanges(size)).toThrow(RangeError);
  });

  it('refuses chunk sizes that would pad base64 in the middle of a file', () => {
    expect(() => chunkRanges(10, 4)).toThrow(RangeError);
    expect(() => chunkRanges(10, 0)).toThrow(RangeError);
  });
});

describe('bytesToBase64', () => {
  it.each([
    [[], ''],
    [[0], 'AA=='],
    [[0xff, 0xfe], '//4='],
    [[...new TextEncoder().encode('订单')], '6K6i5Y2V'],
  ])('%j → %s', (bytes, expected) => {
    expect(bytesToBase64(new Uint8Array(bytes))).toBe(expected);
  });

  it('matches Node for any bytes, including inputs longer than one apply slice', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 30 },
    );
  });
});

describe('uploadFileName', () => {
  it.each([
    ['orders.csv', 'orders.csv'],
    ['  ', 'file'],
    ['订单'.repeat(10) + '.csv', '订单'.repeat(10) + '.csv'],
  ])('%s stays %s', (name, expected) => {
    expect(uploadFileName(name)).toBe(expected);
  });

  it('shortens long names to the limit in UTF-16 units, keeping the extension and whole characters', () => {
    const short = uploadFileName(`${'抖'.repeat(300)}.csv`);
    expect(short).toHaveLength(255);
    expect(short.endsWith('抖….csv')).toBe(true);
    const emoji = uploadFileName('😀'.repeat(300));
    expect(emoji).toBe(`${'😀'.repeat(127)}…`);
    expect(emoji.length).toBeLessThanOrEqual(255);
  });
});
