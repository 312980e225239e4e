import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ProductImage } from '../../shared/rpc/domains/sourcing';
import type { SourcingExecutor } from './sourcing-schema';

/*
 * Product images live in dataDir/images/<product id>/, one file per image under a random name
 * (never the user's file name, so no path tricks), indexed by product_images. The type is decided
 * by the file's magic bytes, not its name. There is no native image library here, so no separate
 * thumbnail is written: the renderer shows the original scaled down with CSS (object-fit), and
 * the 4 MiB cap keeps that cheap.
 */
export const MAX_IMAGE_BYTES = 4 * 1024 * 1024;

const SIGNATURES: { mime: string; ext: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/png', ext: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', ext: 'gif', test: (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')) },
  { mime: 'image/webp', ext: 'webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

export function sniffImage(bytes: Buffer): { mime: string; ext: string } | null {
  const hit = SIGNATURES.find((s) => bytes.length >= 12 && s.test(bytes));
  return hit ? { mime: hit.mime, ext: hit.ext } : null;
}

const folderOf = (dataDir: string, productId: number) => join(dataDir, 'images', String(productId));

export async function addImage(db: SourcingExecutor, dataDir: string, productId: number, originalName: string, dataBase64: string, now: Date): Promise<ProductImage> {
  const product = await db.selectFrom('products').select('id').where('id', '=', productId).executeTakeFirst();
  if (!product) throw new AppError('NOT_FOUND', `no product ${productId}`);
  const bytes = Buffer.from(dataBase64, 'base64');
  const invalid = (message: string) => new AppError('VALIDATION', message, { issues: [{ path: 'dataBase64', message }] });
  if (bytes.length === 0) throw invalid('empty image');
  if (bytes.length > MAX_IMAGE_BYTES) throw invalid('image larger than 4 MiB');
  const kind = sniffImage(bytes);
  if (kind === null) throw invalid('not a PNG, JPEG, GIF or WebP image');
  const folder = folderOf(dataDir, productId);
  await mkdir(folder, { recursive: true });
  const fileName = `${randomBytes(8).toString('hex')}.${kind.ext}`;
  await writeFile(join(folder, fileName), bytes, { flag: 'wx' });
  const name = originalName.replace(/[\\/]/g, '_').slice(0, 255);
  const row = await db
    .insertInto('product_images')
    .values({ product_id: productId, file_name: fileName, original_name: name, mime: kind.mime, bytes: bytes.length, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, fileName: name, mime: kind.mime, bytes: bytes.length, createdAt: now.toISOString() };
}

export async function readImage(db: SourcingExecutor, dataDir: string, id: number): Promise<ProductImage & { dataBase64: string }> {
  const row = await db.selectFrom('product_images').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `no image ${id}`);
  let bytes: Buffer;
  try {
    bytes = await readFile(join(folderOf(dataDir, row.product_id), row.file_name));
  } catch {
    throw new AppError('NOT_FOUND', `image file ${id} is missing`);
  }
  return { id: row.id, fileName: row.original_name, mime: row.mime, bytes: row.bytes, createdAt: row.created_at, dataBase64: bytes.toString('base64') };
}

export async function removeImage(db: SourcingExecutor, dataDir: string, id: number): Promise<boolean> {
  const row = await db.selectFrom('product_images').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return false;
  await db.deleteFrom('product_images').where('id', '=', id).execute();
  await rm(join(folderOf(dataDir, row.product_id), row.file_name), { force: true });
  return true;
}
