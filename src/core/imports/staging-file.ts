import { closeSync, openSync, readSync, rmSync, write } from 'node:fs';
import { deserialize, serialize } from 'node:v8';

/**
 * The parsed batches of one previewed unit, kept on disk beside the database so the confirm
 * writes them without reading and parsing the file again. Format: per batch a 4-byte
 * little-endian length, then the batch (an array of mapped rows) as `v8.serialize` wrote it —
 * the same structured-clone encoding the batches already cross threads in, so nothing is lost
 * (integers stay integers, null stays null) and nothing is parsed twice.
 */
/** Bytes queued for the disk before the preview waits for them (a slow disk never grows memory past this). */
const MAX_QUEUED_BYTES = 16 * 1024 * 1024;

function writeAll(fd: number, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    write(fd, chunk, 0, chunk.length, null, (error, written) => {
      if (error) reject(error);
      else if (written < chunk.length) writeAll(fd, chunk.subarray(written)).then(resolve, reject);
      else resolve();
    });
  });
}

export class StagingFileWriter {
  private fd: number | null;
  private batchCount = 0;
  private lineCount = 0;
  /**
   * Writes go to the disk in the background, in order (libuv's pool), so the preview's reader
   * never waits for a busy disk unless MAX_QUEUED_BYTES are pending.
   */
  private queue: Promise<void> = Promise.resolve();
  private queuedBytes = 0;
  private failure: unknown = null;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  get batches(): number {
    return this.batchCount;
  }

  get lines(): number {
    return this.lineCount;
  }

  append(rows: readonly unknown[][]): Promise<void> {
    return this.appendPacked(serialize(rows), rows.length);
  }

  /**
   * A batch already serialised (`v8.serialize(rows)`) of `lines` rows. It is copied at once, so
   * the caller may transfer `body` right after. Rejects with an earlier write's failure.
   */
  async appendPacked(body: Uint8Array, lines: number): Promise<void> {
    const fd = this.fd;
    if (fd === null) throw new Error('the staging file is closed');
    if (this.failure !== null) throw this.failure;
    const chunk = Buffer.allocUnsafe(4 + body.length);
    chunk.writeUInt32LE(body.length, 0);
    chunk.set(body, 4);
    this.queuedBytes += chunk.length;
    this.queue = this.queue.then(
      () => (this.failure === null ? writeAll(fd, chunk) : undefined),
    ).then(
      () => void (this.queuedBytes -= chunk.length),
      (error: unknown) => {
        this.queuedBytes -= chunk.length;
        this.failure ??= error;
      },
    );
    this.batchCount += 1;
    this.lineCount += lines;
    if (this.queuedBytes > MAX_QUEUED_BYTES) await this.queue;
    if (this.failure !== null) throw this.failure;
  }

  /** Waits for every write, then closes; rejects when one failed. */
  async close(): Promise<void> {
    await this.queue;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    if (this.failure !== null) throw this.failure;
  }

  /** Closes (after the pending writes: the descriptor is never reused under them) and deletes the file. */
  async remove(): Promise<void> {
    try {
      await this.close();
    } catch {
      // Failed writes: the file goes anyway.
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
