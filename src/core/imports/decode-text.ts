import type { TextEncoding } from './detect-encoding';
import { traceEnd, traceStart } from './import-trace';

/**
 * Thrown when a file that looked like UTF-8 in its first bytes has invalid UTF-8 further on:
 * the reader starts again from the first byte as GB18030.
 */
export class NotUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`invalid UTF-8 near byte ${byteOffset}`);
  }
}

/** Bytes that cannot be decoded in an encoding that was certain (BOM): the file is damaged. */
export class BrokenEncodingError extends Error {
  constructor(readonly byteOffset: number) {
    super(`invalid text near byte ${byteOffset}`);
  }
}

const DECODER_LABEL: Record<TextEncoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
};

/**
 * Turns byte chunks into text chunks. `stream: true` carries a character split across two
 * chunks over to the next one (a Buffer's toString per chunk would turn it into U+FFFD — the
 * silent corruption measured in PERFORMANCE.md). The BOM is dropped by the decoder.
 * UTF-8 and UTF-16 are decoded strictly; GB18030 maps every byte sequence, so it never fails.
 */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(DECODER_LABEL[encoding], { fatal: encoding !== 'gb18030' });
  let offset = 0;
  const fail = (): never => {
    throw encoding === 'utf-8' ? new NotUtf8Error(offset) : new BrokenEncodingError(offset);
  };
  for await (const chunk of chunks) {
    let text: string;
    const started = traceStart();
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      fail();
    }
    traceEnd('decode', started);
    offset += chunk.length;
    if (text!.length > 0) yield text!;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    fail();
  }
  if (tail!.length > 0) yield tail!;
}
