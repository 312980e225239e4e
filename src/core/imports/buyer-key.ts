import { createHmac } from 'node:crypto';
import type { SqliteDb } from '../db/open-database';
import { cleanCell } from './clean-cell';
import { normaliseHeader } from './normalise-header';
import type { KindSpec } from './specs/index';

/*
 * The one-way buyer key behind 看数据's repeat-buyer estimate (issue 12, migration 0015).
 *
 * The order export masks the recipient (刘**, 138****1234; some exports carry ciphertext instead,
 * DOUYIN_EXPORTS.md §1.4 "Treat as opaque and do not store"). Those texts never reach the database:
 * only HMAC-SHA-256(secret, masked name ␟ masked phone ␟ 省 ␟ 市 ␟ 区), cut to 96 bits, is kept.
 * The secret is this data folder's own (random, in buyer_key_secret), so the key cannot be looked
 * up in a table made elsewhere and two shops' keys never match. It is an estimate: two buyers with
 * the same masked name and phone tail in one district share a key, and one buyer who ships to two
 * districts (or an export that encrypts the name differently each time) has two.
 */

/** Base64url characters kept: 16 × 6 = 96 bits, so two different buyers colliding by chance is out of reach. */
const KEY_LENGTH = 16;
const SEPARATOR = '\u001f';

/** The key of one line's parts, or null when the masked name or phone is missing (nothing to estimate from). */
export function buyerKeyOf(secret: Buffer, who: readonly (string | null)[], place: readonly (string | null)[]): string | null {
  if (who.some((part) => part === null || part.length === 0)) return null;
  const text = [...who, ...place.map((part) => part ?? '')].join(SEPARATOR);
  return createHmac('sha256', secret).update(text, 'utf8').digest('base64url').slice(0, KEY_LENGTH);
}

export type BuyerKeyer = (fields: readonly string[]) => string | null;

/**
 * For one file: the function from a line's raw fields to its key, or null when the spec keys no
 * buyers, there is no secret, or the file lacks any of the columns (a key from fewer parts would
 * join buyers a full one keeps apart).
 */
export function createBuyerKeyer(spec: KindSpec, headers: readonly string[], secret: Buffer | null): BuyerKeyer | null {
  if (spec.buyerKey === undefined || secret === null) return null;
  const names = headers.map(normaliseHeader);
  const at = (list: readonly string[]) => list.map((h) => names.indexOf(h));
  const who = at(spec.buyerKey.who);
  const place = at(spec.buyerKey.place);
  if ([...who, ...place].some((i) => i < 0)) return null;
  const cell = (fields: readonly string[], i: number) => {
    const raw = fields[i];
    return raw === undefined || raw.length === 0 ? null : cleanCell(raw);
  };
  // The lines of one order follow each other and share their recipient: one HMAC for all of them.
  let lastParts = '';
  let lastKey: string | null = null;
  return (fields) => {
    const parts = [...who, ...place].map((i) => fields[i] ?? '').join(SEPARATOR);
    if (parts !== lastParts) {
      lastParts = parts;
      lastKey = buyerKeyOf(
        secret,
        who.map((i) => cell(fields, i)),
        place.map((i) => cell(fields, i)),
      );
    }
    return lastKey;
  };
}

/** This data folder's secret (migration 0015), or null on a database without it. */
export function readBuyerKeySecret(db: SqliteDb): Buffer | null {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'buyer_key_secret'`).get();
  if (exists === undefined) return null;
  const row = db.prepare('SELECT secret FROM buyer_key_secret WHERE id = 1').get() as { secret: Buffer } | undefined;
  return row?.secret ?? null;
}
