/**
 * Raw bytes per `imports.upload` call. 768 KiB encode to exactly 1 MiB of base64, which keeps one
 * WebSocket message small next to the harness's 8 MiB cap and gives the progress bar a step for
 * every megabyte or so.
 */
export const UPLOAD_CHUNK_BYTES = 768 * 1024;

export type ChunkRange = { start: number; end: number; isLast: boolean };

/**
 * The byte ranges a file of `size` bytes is sent in. An empty file is still one (empty, last)
 * chunk: the core must see it to refuse it as empty.
 */
export function chunkRanges(size: number, chunkBytes: number = UPLOAD_CHUNK_BYTES): ChunkRange[] {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`bad file size ${size}`);
  if (!Number.isInteger(chunkBytes) || chunkBytes <= 0 || chunkBytes % 3 !== 0) throw new RangeError(`bad chunk size ${chunkBytes}`);
  if (size === 0) return [{ start: 0, end: 0, isLast: true }];
  const ranges: ChunkRange[] = [];
  for (let start = 0; start < size; start += chunkBytes) {
    const end = Math.min(size, start + chunkBytes);
    ranges.push({ start, end, isLast: end === size });
  }
  return ranges;
}

// String.fromCharCode takes its bytes as arguments; engines cap the argument count well above this.
const APPLY_SLICE = 0x8000;

/** Standard base64 (with padding) of some bytes, in the browser and in Node alike. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += APPLY_SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + APPLY_SLICE));
  }
  return btoa(binary);
}

/**
 * The core takes file names of at most 255 UTF-16 units (zod's `max`); longer ones keep their
 * start and extension, cut between characters, never inside one.
 */
export function uploadFileName(name: string, max = 255): string {
  const trimmed = name.trim() || 'file';
  if (trimmed.length <= max) return trimmed;
  const dot = trimmed.lastIndexOf('.');
  const extension = dot > 0 && trimmed.length - dot <= 10 ? trimmed.slice(dot) : '';
  const budget = max - extension.length - 1;
  let head = '';
  for (const char of trimmed) {
    if (head.length + char.length > budget) break;
    head += char;
  }
  return `${head}…${extension}`;
}
