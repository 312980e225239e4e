import { AppError } from '../../shared/errors';
import type { EvidenceItem } from '../../shared/rpc/domains/aftersales';
import { MAX_PROOF_BYTES } from '../purchases/purchase-proofs';
import { sniffImage } from '../sourcing/product-images';
import type { AftersaleExecutor } from './aftersale-schema';

/*
 * Evidence per case (DOMAIN.md: "gather evidence (chats, photos, supplier spec), submit it"): notes
 * and image files. Files are BLOBs inside the database like purchase proofs, with the same rules
 * (PNG, JPEG, GIF or WebP by their bytes, at most 4 MiB, refused with `details.reason`), so a
 * backup carries them.
 */
const refuse = (reason: 'empty' | 'too_large' | 'not_image', message: string) =>
  new AppError('VALIDATION', message, { issues: [{ path: 'dataBase64', message: reason }], reason, maxBytes: MAX_PROOF_BYTES });

type Row = { id: number; kind: 'note' | 'file'; note: string; original_name: string; mime: string; bytes: number; created_at: string };
const toItem = (r: Row): EvidenceItem => ({ id: r.id, kind: r.kind, note: r.note, fileName: r.original_name, mime: r.mime, bytes: r.bytes, createdAt: r.created_at });

export async function listEvidence(db: AftersaleExecutor, caseId: number | null): Promise<EvidenceItem[]> {
  if (caseId === null) return [];
  const rows = await db.selectFrom('aftersale_evidence').select(['id', 'kind', 'note', 'original_name', 'mime', 'bytes', 'created_at']).where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map(toItem);
}

export async function addNote(db: AftersaleExecutor, caseId: number, text: string, now: Date): Promise<EvidenceItem> {
  const at = now.toISOString();
  const row = await db.insertInto('aftersale_evidence').values({ case_id: caseId, kind: 'note', note: text, created_at: at }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, kind: 'note', note: text, fileName: '', mime: '', bytes: 0, createdAt: at };
}

/** Checks the bytes before anything is written (a refused file leaves no case row behind). */
export function checkImage(dataBase64: string): { bytes: Buffer; mime: string; ext: string } {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw refuse('empty', 'empty image');
  if (bytes.length > MAX_PROOF_BYTES) throw refuse('too_large', 'image larger than 4 MiB');
  const kind = sniffImage(bytes);
  if (kind === null) throw refuse('not_image', 'not a PNG, JPEG, GIF or WebP image');
  return { bytes, ...kind };
}

export async function addFile(db: AftersaleExecutor, caseId: number, originalName: string, image: { bytes: Buffer; mime: string; ext: string }, now: Date): Promise<EvidenceItem> {
  const name = originalName.replace(/[\\/]/g, '_').slice(0, 255) || `evidence.${image.ext}`;
  const at = now.toISOString();
  const row = await db
    .insertInto('aftersale_evidence')
    .values({ case_id: caseId, kind: 'file', original_name: name, mime: image.mime, bytes: image.bytes.length, data: image.bytes, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, kind: 'file', note: '', fileName: name, mime: image.mime, bytes: image.bytes.length, createdAt: at };
}

export async function readFile(db: AftersaleExecutor, id: number): Promise<EvidenceItem & { dataBase64: string }> {
  const row = await db.selectFrom('aftersale_evidence').selectAll().where('id', '=', id).where('kind', '=', 'file').executeTakeFirst();
  if (!row || row.data === null) throw new AppError('NOT_FOUND', `no evidence file ${id}`);
  return { ...toItem(row), dataBase64: Buffer.from(row.data).toString('base64') };
}

export async function removeEvidence(db: AftersaleExecutor, id: number): Promise<{ removed: boolean; caseId: number | null }> {
  const row = await db.selectFrom('aftersale_evidence').select('case_id').where('id', '=', id).executeTakeFirst();
  if (!row) return { removed: false, caseId: null };
  await db.deleteFrom('aftersale_evidence').where('id', '=', id).execute();
  return { removed: true, caseId: row.case_id };
}
