import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDialect } from './csv-dialect';
import { decodeText, NotUtf8Error } from './decode-text';
import { CsvStructureError, FIELD_LIMIT, parseCsv, type CsvRecord } from './parse-csv';

const SAMPLE = readFileSync(new URL('../../../tests/fixtures/douyin/1791213782_3edeb47b86bdb5b9.csv', import.meta.url));

async function* chunks(buffer: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

async function records(buffer: Uint8Array, size: number, encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' = 'utf-8-bom'): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  const texts: string[] = [];
  for await (const t of decodeText(chunks(buffer, size), encoding)) texts.push(t);
  const dialect = detectDialect(texts.join(''));
  async function* again() {
    yield* texts;
  }
  for await (const batch of parseCsv(again(), dialect)) out.push(...batch);
  return out;
}

describe('decodeText + parseCsv', () => {
  it('gives the same records and line numbers whatever the chunk boundaries (Chinese split across chunks)', async () => {
    const whole = await records(SAMPLE, SAMPLE.length);
    expect(whole).toHaveLength(6);
    expect(whole.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(whole[5]!.multiline).toBe(true);
    expect(whole[5]!.fields[28]).toBe('尺码拍错了，\n麻烦先别发');
    expect(whole[0]!.fields[0]).toBe('主订单编号');
    for (const size of [1, 2, 3, 5, 7, 64, 333, 1000]) expect(await records(SAMPLE, size)).toEqual(whole);
  });

  it('counts physical lines across quoted line breaks', async () => {
    const text = 'a,b\r\n"x\r\ny\r\nz",1\r\nq,2\r\n"",3\r\n\r\nlast,4';
    const out = await records(Buffer.from(text), 4, 'utf-8');
    expect(out.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\r\ny\r\nz', '1']],
      [5, ['q', '2']],
      [6, ['', '3']],
      [7, ['']],
      [8, ['last', '4']],
    ]);
  });

  it('refuses a cell over the limit and an unterminated quote, with the line', async () => {
    const big = `a,b\r\n1,"${'x'.repeat(FIELD_LIMIT + 1)}"\r\n`;
    await expect(records(Buffer.from(big), 4096, 'utf-8')).rejects.toMatchObject({ code: 'IMPORT_TOO_LARGE_FIELD', line: 2 });
    const open = 'a,b\r\n1,2\r\n3,"never closed\r\n4,5\r\n';
    await expect(records(Buffer.from(open), 5, 'utf-8')).rejects.toBeInstanceOf(CsvStructureError);
    await expect(records(Buffer.from(open), 5, 'utf-8')).rejects.toMatchObject({ code: 'IMPORT_MALFORMED', line: 3 });
  });

  it('stops a UTF-8 read that meets invalid bytes (the importer then rereads as GB18030)', async () => {
    const gbk = Buffer.concat([Buffer.from('a,b\r\n1,2\r\n'), Buffer.from([0xd6, 0xf7])]);
    await expect(records(gbk, 3, 'utf-8')).rejects.toBeInstanceOf(NotUtf8Error);
    const out = await records(gbk, 3, 'gb18030');
    expect(out.at(-1)!.fields).toEqual(['主']);
  });
});
