import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export type ZipMember = {
  /** Path inside the zip, decoded (UTF-8 when flagged or valid, else GBK/GB18030 as Chinese Windows writes it). */
  name: string;
  size: number;
  encrypted: boolean;
  open(): Promise<Readable>;
};

export type OpenZip = { members: ZipMember[]; close(): void };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * Member names: bit 11 says UTF-8. Without it the bytes are whatever the zipping tool's code page
 * was — for the 抖店 ledger download that is GBK under a "cp437" label — so valid UTF-8 is taken
 * as UTF-8 and anything else as GB18030 (a GBK superset).
 */
export function decodeMemberName(raw: Uint8Array, flags: number): string {
  if ((flags & 0x800) !== 0) return new TextDecoder('utf-8').decode(raw);
  try {
    return utf8.decode(raw);
  } catch {
    return gb18030.decode(raw);
  }
}

const IGNORED = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i;

/** Lists the files of a zip (folders and OS clutter left out) without reading their contents. */
export async function openZip(path: string): Promise<OpenZip> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, decodeStrings: false, autoClose: false, strictFileNames: false });
  const members: ZipMember[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = decodeMemberName(entry.fileNameRaw, entry.generalPurposeBitFlag);
      if (!name.endsWith('/') && !IGNORED.test(name)) {
        members.push({
          name,
          size: entry.uncompressedSize,
          encrypted: entry.isEncrypted(),
          open: () => zip.openReadStreamPromise(entry),
        });
      }
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  return { members, close: () => zip.close() };
}

/** An .xlsx is a zip whose parts include the workbook; a bundle of CSVs is not. */
export const isXlsxPackage = (members: readonly ZipMember[]): boolean =>
  members.some((m) => m.name === 'xl/workbook.xml') && members.some((m) => m.name === '[Content_Types].xml');
