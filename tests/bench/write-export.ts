import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { LAYOUT_A, cellsFor, csvLine, orderCells, orderLines } from '../fixtures/douyin/generator';

/**
 * Streams a realistic layout-A order export to disk (UTF-8 BOM, CRLF, TAB-prefixed quoted IDs,
 * quoted commas, multi-line notes, thousands separators, 0-yuan gifts as second sub-orders).
 * Seeded: the same arguments give the same bytes.
 */
export async function writeOrdersExport(path: string, lines: number, seed = 20261122, newline: '\r\n' | '\n' = '\r\n'): Promise<number> {
  const out = createWriteStream(path, { highWaterMark: 1024 * 1024 });
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\uFEFF${csvLine(LAYOUT_A)}${newline}`);
  let n = 0;
  let chunk = '';
  for (const line of orderLines({ seed, days: 180 })) {
    if (n >= lines) break;
    let text = csvLine(cellsFor(LAYOUT_A, orderCells(line)));
    if (newline === '\n') text = text.replace(/\r\n/g, '\n');
    chunk += text + newline;
    n += 1;
    if (chunk.length > 256 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return bytes;
}
