export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Decides a text file's encoding from its first bytes: a BOM says UTF-8 / UTF-16 outright;
 * otherwise strict UTF-8 if the sample is valid UTF-8 (an incomplete character at the very end of
 * the sample is fine), else GB18030, the superset of GBK that Excel on Chinese Windows writes.
 * The decoder keeps checking the rest of the file (see decode-text.ts).
 */
export function detectEncoding(sample: Uint8Array): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8-bom';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}
