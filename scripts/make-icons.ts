/*
 * Draws ShopDesk's icons (a shop with an awning, white on brand blue #1677ff) and writes them as
 * PNGs to resources/. Plain code and node:zlib, no image library, so anyone can regenerate them:
 *   npx tsx scripts/make-icons.ts
 * Shapes are tested per sample point and each pixel averages an 8×8 grid of samples (anti-aliasing).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
const BLUE: Rgb = [0x16, 0x77, 0xff];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** Everything is drawn in a 512×512 design space and scaled to the output size. */
const DESIGN = 512;

const inRoundedRect = (x: number, y: number, left: number, top: number, right: number, bottom: number, r: number): boolean => {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const AWNING = { top: 128, bottom: 200, left: 104, right: 408, slope: 18, scallops: 4 } as const;

/** The awning: a trapezoid whose lower edge is a row of half circles, split into stripes. */
function inAwning(x: number, y: number, detailed: boolean): boolean {
  const { top, bottom, left, right, slope, scallops } = AWNING;
  const width = (right - left) / scallops;
  const radius = width / 2;
  if (y >= top && y <= bottom) {
    const t = (y - top) / (bottom - top);
    const l = left + slope * (1 - t);
    const r = right - slope * (1 - t);
    if (x < l || x > r) return false;
  } else if (y > bottom && y <= bottom + radius) {
    const i = Math.floor((x - left) / width);
    if (i < 0 || i >= scallops) return false;
    const cx = left + width * i + radius;
    if ((x - cx) ** 2 + (y - bottom) ** 2 > radius * radius) return false;
  } else {
    return false;
  }
  if (!detailed) return true;
  // Thin gaps between the stripes make it read as an awning at large sizes.
  const offset = (x - left) % width;
  return offset > 5 && offset < width - 5;
}

/** The shop below the awning, with a window and a door cut out. */
function inShop(x: number, y: number, detailed: boolean): boolean {
  if (!inRoundedRect(x, y, 136, 262, 376, 396, 14)) return false;
  if (detailed && inRoundedRect(x, y, 170, 294, 262, 352, 8)) return false;
  if (inRoundedRect(x, y, 290, detailed ? 300 : 310, 346, 400, detailed ? 8 : 0)) return false;
  return true;
}

function colourAt(x: number, y: number, detailed: boolean): { rgb: Rgb; alpha: number } | null {
  if (!inRoundedRect(x, y, 0, 0, DESIGN, DESIGN, 112)) return null;
  return { rgb: inAwning(x, y, detailed) || inShop(x, y, detailed) ? WHITE : BLUE, alpha: 1 };
}

function render(size: number, detailed: boolean): Uint8Array {
  const samples = 8;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = ((px + (sx + 0.5) / samples) * DESIGN) / size;
          const y = ((py + (sy + 0.5) / samples) * DESIGN) / size;
          const c = colourAt(x, y, detailed);
          if (c === null) continue;
          r += c.rgb[0];
          g += c.rgb[1];
          b += c.rgb[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
      }
      pixels[o + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const chunk = (type: string, data: Uint8Array): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** Encodes RGBA pixels as a PNG (8-bit, colour type 6, no filtering). */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const OUTPUTS = [
  { file: 'icon.png', size: 512, detailed: true },
  { file: 'icon-256.png', size: 256, detailed: true },
  { file: 'tray-icon.png', size: 16, detailed: false },
  { file: 'tray-icon@2x.png', size: 32, detailed: false },
] as const;

const folder = join(import.meta.dirname, '..', 'resources');
for (const { file, size, detailed } of OUTPUTS) {
  writeFileSync(join(folder, file), encodePng(size, render(size, detailed)));
  console.log(`wrote resources/${file} (${size}×${size})`);
}
