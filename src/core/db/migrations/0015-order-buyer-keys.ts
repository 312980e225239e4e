import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { APP_VERSION } from '../../app-version';

/*
 * Frozen in time: the repeat-buyer estimate of 看数据 (issue 12).
 *
 * The order export's 收件人 and 收件人手机号 are masked (刘**, 138****1234) and were never stored.
 * From here on each order line gets `buyer_key`: a truncated HMAC-SHA-256, keyed with this data
 * folder's own random secret, of the masked name + masked phone + 省/市/区 as the export gives them
 * (src/core/imports/buyer-key.ts). The values themselves stay out of the database; two data folders
 * give the same buyer different keys. The secret lives in the database so a backup or restore keeps
 * the keys comparable; `since_version` says from which ShopDesk version imports carry keys (the
 * screen says so: lines imported earlier have none and cannot be given one without their file).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE buyer_key_secret (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    secret BLOB NOT NULL CHECK (length(secret) = 32),
    since_version TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`INSERT INTO buyer_key_secret (id, secret, since_version, created_at)
    VALUES (1, ${randomBytes(32)}, ${APP_VERSION}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`.execute(db);
  await sql`ALTER TABLE order_lines ADD COLUMN buyer_key TEXT`.execute(db);
  // The repeat-buyer query reads a range of 订单提交时间 from this index alone. Through
  // order_lines_by_submitted it had to fetch each wide row: 1.6–2 s for the 90,000 lines of 30 days at
  // 1,000,000 lines. Partial: lines without a key (imported before this version) cost nothing.
  await sql`CREATE INDEX order_lines_by_buyer ON order_lines (submitted_at, buyer_key, order_id, product_id, status, aftersale_status) WHERE buyer_key IS NOT NULL`.execute(db);
}
