import { sql, type Kysely } from 'kysely';

/*
 * Frozen in time: the influencer (达人) CRM and the sample (寄样) ledger, issue 13. Dates the seller
 * types are China dates `YYYY-MM-DD`; instants ISO UTC text; money integer fen. A 达人ID is text
 * (12–19 digits), unique when known. Order lines are matched by 达人ID at read time, never by a
 * foreign key (an undone import leaves nothing dangling). The backfill makes every 达人ID already
 * imported known to the CRM (source 'orders', the newest export's nickname); the after-import step
 * keeps that true (src/core/influencers/order-influencers.ts).
 */
const STATEMENTS = [
  `CREATE TABLE influencers (
    id INTEGER PRIMARY KEY,
    douyin_id TEXT,
    nickname TEXT NOT NULL,
    platform TEXT NOT NULL DEFAULT '抖音',
    wechat TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    fans INTEGER CHECK (fans IS NULL OR fans >= 0),
    categories TEXT NOT NULL DEFAULT '[]',
    contact_person TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    stage TEXT NOT NULL DEFAULT 'to_contact' CHECK (stage IN ('to_contact', 'added', 'talking', 'cooperating', 'paused', 'unfit')),
    source TEXT NOT NULL CHECK (source IN ('manual', 'orders')),
    export_nickname TEXT,
    next_contact_on TEXT,
    added_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE UNIQUE INDEX influencers_by_douyin_id ON influencers (douyin_id) WHERE douyin_id IS NOT NULL`,
  `CREATE INDEX influencers_by_added_on ON influencers (added_on) WHERE added_on IS NOT NULL`,
  `CREATE TABLE influencer_contacts (
    id INTEGER PRIMARY KEY,
    influencer_id INTEGER NOT NULL REFERENCES influencers (id) ON DELETE CASCADE,
    on_date TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('wechat', 'phone', 'douyin', 'baiying', 'other')),
    note TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX influencer_contacts_by_influencer ON influencer_contacts (influencer_id, on_date)`,
  `CREATE TABLE samples (
    id INTEGER PRIMARY KEY,
    influencer_id INTEGER NOT NULL REFERENCES influencers (id) ON DELETE CASCADE,
    product_id INTEGER REFERENCES products (id) ON DELETE SET NULL,
    product_title TEXT NOT NULL,
    cost_fen INTEGER NOT NULL DEFAULT 0 CHECK (cost_fen >= 0),
    freight_fen INTEGER NOT NULL DEFAULT 0 CHECK (freight_fen >= 0),
    state TEXT NOT NULL DEFAULT 'to_send' CHECK (state IN ('to_send', 'sent', 'signed', 'content', 'no_content')),
    sent_on TEXT,
    tracking_no TEXT NOT NULL DEFAULT '',
    signed_on TEXT,
    content_due_on TEXT,
    content_link TEXT NOT NULL DEFAULT '',
    content_on TEXT,
    result TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX samples_by_influencer ON samples (influencer_id)`,
  `CREATE INDEX samples_by_state ON samples (state)`,
  `CREATE TABLE influencer_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT`,
  // Every 达人ID already imported, with the nickname of its newest export (newest export time, then newest import).
  `INSERT INTO influencers (douyin_id, nickname, source, export_nickname, created_at, updated_at)
    SELECT influencer_id, coalesce(name, ''), 'orders', name, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM (
      SELECT influencer_id,
        (SELECT o2.influencer_name FROM order_lines o2 WHERE o2.influencer_id = o.influencer_id AND ifnull(o2.influencer_name, '') <> ''
          ORDER BY o2.export_time IS NULL, o2.export_time DESC, o2.last_import_id DESC LIMIT 1) AS name
      FROM order_lines o WHERE influencer_id IS NOT NULL AND influencer_id <> '' GROUP BY influencer_id
    )`,
  // Today's 联系达人 block shows the daily goal (routine/queues.ts), in routines seeded before this.
  `UPDATE routine_blocks SET queue = 'influencers' WHERE key = 'influencers' AND queue IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
