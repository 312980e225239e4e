import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { LAYOUT_A, cellsFor, csvLine, orderCells, orderLines, type OrderLine } from '../fixtures/douyin/generator';

type Buyer = Pick<OrderLine, 'recipient' | 'phone' | 'province' | 'city' | 'district'>;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';

/**
 * Buyers as a shop sees them (for the repeat-buyer estimate): each order's masked recipient, phone
 * and address are a new buyer's, or in one order of four an earlier buyer's again (same masked
 * name, phone and district, as a returning buyer ships home). Seeded, like the lines.
 */
function buyerSeat(seed: number): (line: OrderLine) => OrderLine {
  let state = seed >>> 0;
  const rnd = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const buyers: Buyer[] = [];
  let order = '';
  let current: Buyer | null = null;
  return (line) => {
    if (line.orderId !== order || current === null) {
      order = line.orderId;
      if (buyers.length > 0 && rnd() < 0.25) current = buyers[Math.floor(rnd() * buyers.length)]!;
      else {
        const n = buyers.length;
        current = { recipient: `${SURNAMES[Math.floor(rnd() * SURNAMES.length)]}**`, phone: `1${3 + (n % 7)}${Math.floor(rnd() * 10)}****${String(Math.floor(rnd() * 10_000)).padStart(4, '0')}`, province: line.province, city: line.city, district: line.district };
        buyers.push(current);
      }
    }
    return { ...line, ...current };
  };
}

/**
 * Streams a realistic layout-A order export to disk (UTF-8 BOM, CRLF, TAB-prefixed quoted IDs,
 * quoted commas, multi-line notes, thousands separators, 0-yuan gifts as second sub-orders).
 * Seeded: the same arguments give the same bytes. `buyers: 'many'` gives the orders realistic
 * buyers (buyerSeat); by default every line has the generator's one masked 王** (tests rely on it).
 */
export async function writeOrdersExport(path: string, lines: number, seed = 20261122, newline: '\r\n' | '\n' = '\r\n', options: { buyers?: 'one' | 'many' } = {}): Promise<number> {
  const out = createWriteStream(path, { highWaterMark: 1024 * 1024 });
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\uFEFF${csvLine(LAYOUT_A)}${newline}`);
  let n = 0;
  let chunk = '';
  const seat = options.buyers === 'many' ? buyerSeat(seed) : (line: OrderLine) => line;
  for (const line of orderLines({ seed, days: 180 })) {
    if (n >= lines) break;
    let text = csvLine(cellsFor(LAYOUT_A, orderCells(seat(line))));
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
