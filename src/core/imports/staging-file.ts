import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';

/**
 * The parsed batches of one previewed unit, kept on disk beside the database so the confirm
 * writes them without reading and parsing the file again. Format: per batch a 4-byte
 * little-endian length, then the batch (an array of mapped rows) as `v8.serialize` wrote it —
 * the same structured-clone encoding the batches already cross threads in, so nothing is lost
 * (integers stay integers, null stays null) and nothing is parsed twice.
 */
export class StagingFileWriter {
  private fd: number | null;
  private batchCount = 0;
  private lineCount = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  get batches(): number {
    return this.batchCount;
  }

  get lines(): number {
    return this.lineCount;
  }

  append(rows: readonly unknown[][]): void {
    this.appendPacked(serialize(rows), rows.length);
  }

  /** A batch already serialised (`v8.serialize(rows)`) of `lines` rows. */
  appendPacked(body: Uint8Array, lines: number): void {
    if (this.fd === null) throw new Error('the staging file is closed');
    const length = Buffer.allocUnsafe(4);
    length.writeUInt32LE(body.length, 0);
    writeSync(this.fd, length);
    writeSync(this.fd, body);
    this.batchCount += 1;
    this.lineCount += lines;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Closes and deletes the file (a rolled-back unit, a failed write). */
  remove(): void {
    try {
      this.close();
    } finally {
      rmSync(this.path, { force: true });
    }
  }
}

function readExactly(fd: number, buffer: Buffer): boolean {
  let done = 0;
  while (done < buffer.length) {
    const n = readSync(fd, buffer, done, buffer.length - done, null);
    if (n === 0) break;
    done += n;
  }
  if (done === 0) return false;
  if (done < buffer.length) throw new Error('the staging file is cut short');
  return true;
}

/**
 * The batches of a staging file still serialised, in the order they were appended. Each has an
 * ArrayBuffer of its own (never Buffer's shared pool), so it can be transferred to the writer thread.
 */
export function* readStagedPacked(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const length = Buffer.alloc(4);
    while (readExactly(fd, length)) {
      const body = Buffer.from(new ArrayBuffer(length.readUInt32LE(0)));
      if (!readExactly(fd, body)) throw new Error('the staging file is cut short');
      yield new Uint8Array(body.buffer, 0, body.length);
    }
  } finally {
    closeSync(fd);
  }
}

/** The batches of a staging file, decoded. */
export function* readStagedBatches(path: string): Generator<unknown[][]> {
  for (const packed of readStagedPacked(path)) yield deserialize(packed) as unknown[][];
}
