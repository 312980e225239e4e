import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';

/** A dropped file uploaded in chunks is kept this long at most if it is never imported. */
const MAX_AGE_MS = 24 * 3600_000;
const MAX_CHUNK_BYTES = 4 * 1024 * 1024;
/** Larger than any 抖店 export (1,000,000 lines ≈ 600 MB). */
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

type Meta = { fileName: string; done: boolean };

/**
 * Files dropped in the browser harness, where a File has no path: their bytes arrive in chunks and
 * are kept under `<data folder>/uploads/<id>.data` (the id is random hex, never a path), with the
 * original name beside them. Imports read them like any local file.
 * They are the user's order data (buyers' names, phones, addresses), so they are kept no longer than
 * needed: deleted once imported, once the preview refused them, once the window drops them
 * (`imports.discardUpload`), and all at start (the pages that knew their ids are gone by then).
 */
export class UploadStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'uploads');
  }

  private paths(id: string) {
    if (!/^[a-f0-9]{32}$/.test(id)) throw new AppError('VALIDATION', 'bad upload id');
    return { data: join(this.dir, `${id}.data`), meta: join(this.dir, `${id}.json`) };
  }

  append(uploadId: string | undefined, fileName: string, chunkBase64: string, done: boolean): { uploadId: string; bytes: number } {
    mkdirSync(this.dir, { recursive: true });
    const chunk = Buffer.from(chunkBase64, 'base64');
    if (chunk.length > MAX_CHUNK_BYTES) throw new AppError('VALIDATION', 'upload chunk too large');
    let id = uploadId;
    if (id === undefined) {
      this.removeStale();
      id = randomBytes(16).toString('hex');
      writeFileSync(this.paths(id).data, '');
    }
    const { data, meta } = this.paths(id);
    if (!existsSync(data)) throw new AppError('NOT_FOUND', 'no such upload', { uploadId: id });
    if (existsSync(meta) && (JSON.parse(readFileSync(meta, 'utf8')) as Meta).done) throw new AppError('VALIDATION', 'upload already finished');
    if (statSync(data).size + chunk.length > MAX_UPLOAD_BYTES) throw new AppError('VALIDATION', 'upload too large');
    appendFileSync(data, chunk);
    writeFileSync(meta, JSON.stringify({ fileName: fileName.replace(/[\\/]/g, '_'), done } satisfies Meta));
    return { uploadId: id, bytes: statSync(data).size };
  }

  /** The local file and display name of a finished upload. */
  resolve(uploadId: string): { path: string; fileName: string } {
    const { data, meta } = this.paths(uploadId);
    if (!existsSync(data) || !existsSync(meta)) throw new AppError('NOT_FOUND', 'no such upload', { uploadId });
    const info = JSON.parse(readFileSync(meta, 'utf8')) as Meta;
    if (!info.done) throw new AppError('VALIDATION', 'upload not finished', { uploadId });
    return { path: data, fileName: info.fileName };
  }

  /** Deletes an upload's bytes and name; answers whether there was one. */
  remove(uploadId: string): boolean {
    const { data, meta } = this.paths(uploadId);
    const existed = existsSync(data) || existsSync(meta);
    rmSync(data, { force: true });
    rmSync(meta, { force: true });
    return existed;
  }

  /**
   * At start: whatever an earlier run left (a crash, a closed tab, an upload cut off) is deleted. No
   * page can import it any more: upload ids live in the page, which is gone when the core restarts.
   */
  removeLeftovers(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    for (const name of names) rmSync(join(this.dir, name), { recursive: true, force: true });
    return names;
  }

  private removeStale(): void {
    const now = Date.now();
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      try {
        if (now - statSync(path).mtimeMs > MAX_AGE_MS) rmSync(path, { force: true });
      } catch {
        // Gone already.
      }
    }
  }
}
