import type { ImportMessageParams } from '../../shared/rpc/domains/imports';

export type Sniffed =
  | { type: 'text' }
  | { type: 'zip' }
  | { type: 'refuse'; code: 'IMPORT_EMPTY' | 'IMPORT_BINARY' | 'IMPORT_LEGACY_XLS' | 'IMPORT_NOT_CSV'; params: ImportMessageParams };

/** How many leading bytes the sniffers look at. */
export const SNIFF_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

const MAGIC: readonly [readonly number[], Sniffed][] = [
  [[0x50, 0x4b, 0x03, 0x04], { type: 'zip' }],
  [[0x50, 0x4b, 0x05, 0x06], { type: 'zip' }],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], { type: 'refuse', code: 'IMPORT_LEGACY_XLS', params: {} }],
  [[0x25, 0x50, 0x44, 0x46], { type: 'refuse', code: 'IMPORT_BINARY', params: { what: 'PDF' } }],
  [[0x89, 0x50, 0x4e, 0x47], { type: 'refuse', code: 'IMPORT_BINARY', params: { what: 'PNG' } }],
  [[0xff, 0xd8, 0xff], { type: 'refuse', code: 'IMPORT_BINARY', params: { what: 'JPEG' } }],
  [[0x47, 0x49, 0x46, 0x38], { type: 'refuse', code: 'IMPORT_BINARY', params: { what: 'GIF' } }],
  [[0x1f, 0x8b], { type: 'refuse', code: 'IMPORT_BINARY', params: { what: 'gzip' } }],
  [[0x52, 0x61, 0x72, 0x21], { type: 'refuse', code: 'IMPORT_BINARY', params: { what: 'RAR' } }],
  [[0x37, 0x7a, 0xbc, 0xaf], { type: 'refuse', code: 'IMPORT_BINARY', params: { what: '7z' } }],
  [Array.from('SQLite format 3', (c) => c.charCodeAt(0)), { type: 'refuse', code: 'IMPORT_BINARY', params: { what: 'SQLite' } }],
];

/** A web page saved as “.xls” (some tools do this) starts, after a BOM and blanks, with a tag. */
const HTML = /^\s*<(?:!doctype\s+html|html|table|\?xml|head|body|meta)\b/i;

/**
 * Looks at the first bytes of a file, never at its name: zip containers (xlsx or a bundle),
 * refused formats (legacy .xls, PDF, images, databases, HTML disguised as xls), binary data
 * (NUL bytes without a UTF-16 BOM) and empty files. Everything else is treated as text.
 */
export function sniffBytes(prefix: Uint8Array): Sniffed {
  if (prefix.length === 0) return { type: 'refuse', code: 'IMPORT_EMPTY', params: {} };
  for (const [magic, verdict] of MAGIC) if (prefix.length >= magic.length && startsWith(prefix, magic)) return verdict;
  const utf16 = startsWith(prefix, [0xff, 0xfe]) ? 'utf-16le' : startsWith(prefix, [0xfe, 0xff]) ? 'utf-16be' : null;
  const head = utf16
    ? new TextDecoder(utf16).decode(prefix.subarray(0, Math.min(prefix.length, 4096)))
    : new TextDecoder('latin1').decode(prefix.subarray(startsWith(prefix, [0xef, 0xbb, 0xbf]) ? 3 : 0, Math.min(prefix.length, 4096)));
  if (HTML.test(head)) return { type: 'refuse', code: 'IMPORT_NOT_CSV', params: { what: 'HTML' } };
  if (!utf16) {
    const limit = Math.min(prefix.length, 8192);
    for (let i = 0; i < limit; i += 1) {
      if (prefix[i] === 0) return { type: 'refuse', code: 'IMPORT_BINARY', params: { what: 'binary data' } };
    }
  }
  return { type: 'text' };
}
