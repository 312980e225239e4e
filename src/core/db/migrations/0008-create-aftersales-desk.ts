import { sql, type Kysely } from 'kysely';

/*
 * Frozen in time: the after-sales desk (售后), issue 11. Imported cases are the `aftersales` rows
 * (售后单号 + 商品单号) read live; `aftersale_cases` holds what the seller adds to one (created on
 * the first write) and the cases made by hand from an order line (`aftersale_id` NULL). Lines are
 * joined by 商品单号 at read time, never by a foreign key (an undone import leaves nothing
 * dangling). Evidence files are BLOBs like purchase proofs, so a backup (`VACUUM INTO` of this
 * file) carries them. Money is fen; instants ISO UTC text, except `deadline_at`, which is China
 * wall-clock text like the export's 自动处理截止时间.
 */
const STATEMENTS = [
  `CREATE TABLE aftersale_causes (
    id INTEGER PRIMARY KEY,
    builtin TEXT UNIQUE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
  ) STRICT`,
  `INSERT INTO aftersale_causes (builtin, name, position) VALUES
    ('description', '描述不符', 1), ('logistics', '物流慢', 2), ('quality', '质量问题', 3), ('wrong_item', '发错货', 4),
    ('damaged', '运输破损', 5), ('size', '尺码/规格不合适', 6), ('buyer_changed_mind', '买家不想要了', 7), ('other', '其他', 8)`,
  `CREATE TABLE aftersale_cases (
    id INTEGER PRIMARY KEY,
    aftersale_id TEXT,
    sub_order_id TEXT NOT NULL,
    order_id TEXT NOT NULL,
    type_text TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    refund_fen INTEGER CHECK (refund_fen >= 0),
    deadline_at TEXT,
    arbitration TEXT NOT NULL DEFAULT 'none' CHECK (arbitration IN ('none', 'in_arbitration', 'awaiting_evidence')),
    supplier_id INTEGER REFERENCES suppliers (id) ON DELETE SET NULL,
    forward_tracking TEXT NOT NULL DEFAULT '',
    forward_courier TEXT NOT NULL DEFAULT '',
    forwarded_at TEXT,
    supplier_claim_fen INTEGER CHECK (supplier_claim_fen >= 0),
    supplier_refunded INTEGER CHECK (supplier_refunded IN (0, 1)),
    supplier_refund_fen INTEGER CHECK (supplier_refund_fen >= 0),
    closed_at TEXT,
    cause_id INTEGER REFERENCES aftersale_causes (id),
    close_note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE UNIQUE INDEX aftersale_cases_imported ON aftersale_cases (aftersale_id, sub_order_id) WHERE aftersale_id IS NOT NULL`,
  `CREATE INDEX aftersale_cases_by_order ON aftersale_cases (order_id)`,
  `CREATE INDEX aftersale_cases_by_supplier ON aftersale_cases (supplier_id) WHERE supplier_id IS NOT NULL`,
  `CREATE TABLE aftersale_evidence (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES aftersale_cases (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('note', 'file')),
    note TEXT NOT NULL DEFAULT '',
    original_name TEXT NOT NULL DEFAULT '',
    mime TEXT NOT NULL DEFAULT '',
    bytes INTEGER NOT NULL DEFAULT 0,
    data BLOB,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX aftersale_evidence_by_case ON aftersale_evidence (case_id, id)`,
  // The seller's own mappings of exported 售后类型 texts (the built-in ones live in the code).
  `CREATE TABLE aftersale_type_mappings (
    text TEXT NOT NULL PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('return_refund', 'refund_shipped', 'refund_unshipped', 'exchange', 'reship', 'repair', 'price_protect')),
    created_at TEXT NOT NULL
  ) STRICT`,
  // Edited reply templates; a template without a row is the built-in text.
  `CREATE TABLE aftersale_templates (
    key TEXT NOT NULL PRIMARY KEY CHECK (key IN ('logistics', 'return_exchange', 'not_as_described', 'dispute')),
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  // The deadline reminder reads only cases with a 自动处理截止时间, every 30 seconds.
  `CREATE INDEX IF NOT EXISTS aftersales_by_deadline ON aftersales (auto_deadline_at) WHERE auto_deadline_at IS NOT NULL`,
  `CREATE TABLE aftersale_settings (
    key TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
