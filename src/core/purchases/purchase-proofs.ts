import { AppError } from '../../shared/errors';
import type { ProofInfo } from '../../shared/rpc/domains/purchases';
import { sniffImage } from '../sourcing/product-images';
import type { PurchaseDb } from './purchase-schema';
import { addEvent } from './purchase-service';

/*
 * Payment proofs (DOMAIN.md: "pay … keep the payment proof (screenshot)"). Stored as BLOBs in the
 * database, not in a folder: a backup is `VACUUM INTO` of the database file alone, so only what is
 * inside it survives a restore. The type is decided by magic bytes (sourcing's sniffImage: PNG,
 * JPEG, GIF, WebP); 4 MiB at most, the cap product images use — a phone screenshot is < 2 MiB.
 */
export const MAX_PROOF_BYTES = 4 * 1024 * 1024;

const refuse = (reason: 'empty' | 'too_large' | 'not_image', message: string) => new AppError('VALIDATION', message, { issues: [{ path: 'dataBase64', message: reason }], reason, maxBytes: MAX_PROOF_BYTES });

export async function addProof(db: PurchaseDb, purchaseId: number, originalName: string, dataBase64: string, now: Date): Promise<ProofInfo> {
  const purchase = await db.selectFrom('purchases').select('id').where('id', '=', purchaseId).executeTakeFirst();
  if (!purchase) throw new AppError('NOT_FOUND', `no purchase ${purchaseId}`);
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw refuse('empty', 'empty image');
  if (bytes.length > MAX_PROOF_BYTES) throw refuse('too_large', 'image larger than 4 MiB');
  const kind = sniffImage(bytes);
  if (kind === null) throw refuse('not_image', 'not a PNG, JPEG, GIF or WebP image');
  const name = originalName.replace(/[\\/]/g, '_').slice(0, 255) || `proof.${kind.ext}`;
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('purchase_proofs').values({ purchase_id: purchaseId, original_name: name, mime: kind.mime, bytes: bytes.length, data: bytes, created_at: at }).returning('id').executeTakeFirstOrThrow();
    await addEvent(trx, purchaseId, now, { kind: 'proof_added', note: name });
    await trx.updateTable('purchases').set({ updated_at: at }).where('id', '=', purchaseId).execute();
    return { id: row.id, purchaseId, fileName: name, mime: kind.mime, bytes: bytes.length, createdAt: at };
  });
}

export async function readProof(db: PurchaseDb, id: number): Promise<ProofInfo & { dataBase64: string }> {
  const row = await db.selectFrom('purchase_proofs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `no proof ${id}`);
  return { id: row.id, purchaseId: row.purchase_id, fileName: row.original_name, mime: row.mime, bytes: row.bytes, createdAt: row.created_at, dataBase64: Buffer.from(row.data).toString('base64') };
}

export async function removeProof(db: PurchaseDb, id: number, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('purchase_proofs').select(['purchase_id', 'original_name']).where('id', '=', id).executeTakeFirst();
    if (!row) return false;
    await trx.deleteFrom('purchase_proofs').where('id', '=', id).execute();
    await addEvent(trx, row.purchase_id, now, { kind: 'proof_removed', note: row.original_name });
    return true;
  });
}
