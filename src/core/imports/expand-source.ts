import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { ImportMessageParams } from '../../shared/rpc/domains/imports';
import { exportTimeFromName } from './export-time';
import { isXlsxPackage, openZip } from './read-zip';
import { SNIFF_BYTES, sniffBytes } from './sniff-bytes';

/** 64 KiB reads: measured fastest for papaparse and lowest in memory (PERFORMANCE.md §3b). */
export const READ_CHUNK = 64 * 1024;

/** One importable file: a CSV or xlsx on disk, or one file inside a zip bundle. */
export type UnitSource = {
  file: string;
  format: 'text' | 'xlsx';
  size: number;
  /** Export moment (Unix seconds) from the file's own name, else the zip's. */
  exportTime: number | null;
  /** A fresh byte stream from the start, every call. */
  open(): Promise<Readable>;
};

export type UnitRefusal = { file: string; code: string; params: ImportMessageParams };

export type ExpandedSource = { units: (UnitSource | UnitRefusal)[]; close(): void };

export const isRefusal = (u: UnitSource | UnitRefusal): u is UnitRefusal => 'code' in u;

/** Reads up to `limit` bytes from the start of a stream, then stops it. */
async function readPrefix(stream: Readable, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      parts.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= limit) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, limit);
}

/** SHA-256 of every byte of a unit: the same file imported again is recognised by it. */
export async function hashUnit(unit: UnitSource, onBytes?: (done: number) => void): Promise<string> {
  const hash = createHash('sha256');
  let done = 0;
  for await (const chunk of await unit.open()) {
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    onBytes?.(done);
  }
  return hash.digest('hex');
}

/** Why a file cannot be opened, as message params (a variant per common case, else the system's words). */
const unreadable = (error: unknown): ImportMessageParams => {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return { variant: 'NOT_FOUND' };
  if (code === 'EACCES' || code === 'EPERM') return { variant: 'NO_PERMISSION' };
  if (code === 'EISDIR') return { variant: 'FOLDER' };
  return { detail: (error as Error).message };
};

/**
 * Turns one dropped file into the units to import, looking only at bytes: a CSV (or other text)
 * is one unit; a zip is an .xlsx (one unit) or a bundle whose files are units of their own
 * (`bundle.zip › inner.csv`); everything else is a refusal with its reason.
 */
export async function expandSource(path: string, displayName = basename(path)): Promise<ExpandedSource> {
  const none = () => {};
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { units: [{ file: displayName, code: 'IMPORT_UNREADABLE', params: unreadable({ code: 'EISDIR' }) }], close: none };
    size = stat.size;
  } catch (error) {
    return { units: [{ file: displayName, code: 'IMPORT_UNREADABLE', params: unreadable(error) }], close: none };
  }
  const openFile = async () => createReadStream(path, { highWaterMark: READ_CHUNK });
  let sniffed;
  try {
    sniffed = sniffBytes(await readPrefix(await openFile(), SNIFF_BYTES));
  } catch (error) {
    return { units: [{ file: displayName, code: 'IMPORT_UNREADABLE', params: unreadable(error) }], close: none };
  }
  const exportTime = exportTimeFromName(displayName);
  if (sniffed.type === 'refuse') return { units: [{ file: displayName, code: sniffed.code, params: sniffed.params }], close: none };
  if (sniffed.type === 'text') return { units: [{ file: displayName, format: 'text', size, exportTime, open: openFile }], close: none };

  let zip;
  try {
    zip = await openZip(path);
  } catch (error) {
    return { units: [{ file: displayName, code: 'IMPORT_UNREADABLE', params: { detail: `zip: ${(error as Error).message}` } }], close: none };
  }
  if (isXlsxPackage(zip.members)) {
    zip.close();
    return { units: [{ file: displayName, format: 'xlsx', size, exportTime, open: openFile }], close: none };
  }
  const units: (UnitSource | UnitRefusal)[] = [];
  for (const member of zip.members) {
    const file = `${displayName} › ${member.name}`;
    const memberTime = exportTimeFromName(member.name) ?? exportTime;
    if (member.encrypted) {
      units.push({ file, code: 'IMPORT_ZIP_ENCRYPTED', params: { member: member.name } });
      continue;
    }
    let inner;
    try {
      inner = sniffBytes(await readPrefix(await member.open(), SNIFF_BYTES));
    } catch (error) {
      units.push({ file, code: 'IMPORT_UNREADABLE', params: { detail: `zip: ${(error as Error).message}` } });
      continue;
    }
    if (inner.type === 'refuse') units.push({ file, code: inner.code, params: inner.params });
    else if (inner.type === 'text') units.push({ file, format: 'text', size: member.size, exportTime: memberTime, open: member.open });
    else if (/\.xlsx$/i.test(member.name)) units.push({ file, format: 'xlsx', size: member.size, exportTime: memberTime, open: member.open });
    else units.push({ file, code: 'IMPORT_NOT_CSV', params: { what: 'zip' } });
  }
  if (units.length === 0) units.push({ file: displayName, code: 'IMPORT_NOT_CSV', params: { what: 'zip' } });
  return { units, close: () => zip.close() };
}
