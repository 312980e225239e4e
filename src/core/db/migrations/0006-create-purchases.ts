import { sql, type Kysely } from 'kysely';

/*
 * Frozen in time: purchases (采购 / 代发), issue 11. A purchase covers one or more lines of one
 * order (a line is in at most one purchase); money is integer fen, instants ISO UTC text. Payment
 * proofs are BLOBs in the database on purpose: a backup is `VACUUM INTO` of this one file, so a
 * proof in a folder beside it would be lost by a restore. Order lines are joined by 子订单编号 at
 * read time, never by a foreign key (an undone import leaves nothing dangling). Products without
 * a sourcing record get their default supplier here, keyed by the 抖店's 商品ID.
 */
const STATEMENTS = [
  `CREATE TABLE purchase_channels (
    id INTEGER PRIMARY KEY,
    builtin TEXT UNIQUE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
  ) STRICT`,
  `INSERT INTO purchase_channels (builtin, name, position) VALUES
    ('wechat', '微信', 1), ('1688', '1688', 2), ('supply_chain', '供应链平台', 3), ('taobao', '淘宝/天猫', 4), ('pinduoduo', '拼多多', 5), ('other', '其他', 6)`,
  `CREATE TABLE purchases (
    id INTEGER PRIMARY KEY,
    order_id TEXT NOT NULL,
    supplier_id INTEGER REFERENCES suppliers (id) ON DELETE SET NULL,
    supplier_order_no TEXT NOT NULL DEFAULT '',
    amount_fen INTEGER CHECK (amount_fen >= 0),
    paid_at TEXT,
    channel_id INTEGER REFERENCES purchase_channels (id),
    tracking_no TEXT NOT NULL DEFAULT '',
    courier TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ordered', 'paid', 'shipped', 'received', 'out_of_stock', 'delayed', 'address_issue', 'cancelled')),
    status_note TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    platform_tracking TEXT NOT NULL DEFAULT '',
    platform_shipped_at TEXT,
    tracking_mismatch INTEGER NOT NULL DEFAULT 0 CHECK (tracking_mismatch IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX purchases_by_order ON purchases (order_id)`,
  `CREATE INDEX purchases_by_supplier ON purchases (supplier_id, status)`,
  `CREATE INDEX purchases_by_status ON purchases (status)`,
  `CREATE TABLE purchase_lines (
    sub_order_id TEXT NOT NULL PRIMARY KEY,
    purchase_id INTEGER NOT NULL REFERENCES purchases (id) ON DELETE CASCADE
  ) STRICT`,
  `CREATE INDEX purchase_lines_by_purchase ON purchase_lines (purchase_id)`,
  `CREATE TABLE purchase_events (
    id INTEGER PRIMARY KEY,
    purchase_id INTEGER NOT NULL REFERENCES purchases (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('user', 'import')),
    kind TEXT NOT NULL CHECK (kind IN ('created', 'status', 'edited', 'proof_added', 'proof_removed', 'tracking')),
    from_status TEXT,
    to_status TEXT,
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`,
  `CREATE INDEX purchase_events_by_purchase ON purchase_events (purchase_id, id)`,
  `CREATE TABLE purchase_proofs (
    id INTEGER PRIMARY KEY,
    purchase_id INTEGER NOT NULL REFERENCES purchases (id) ON DELETE CASCADE,
    original_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX purchase_proofs_by_purchase ON purchase_proofs (purchase_id, id)`,
  `CREATE TABLE product_default_suppliers (
    douyin_product_id TEXT NOT NULL PRIMARY KEY,
    supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    set_at TEXT NOT NULL
  ) STRICT`,
  // A purchase reads its order's lines, their funds-flow rows and after-sales rows by key; without
  // these each look-up scanned the whole table (1M lines). If another migration indexes the same
  // columns, keep one (a second index only slows imports).
  `CREATE INDEX IF NOT EXISTS order_lines_by_order ON order_lines (order_id)`,
  `CREATE INDEX IF NOT EXISTS funds_flows_by_sub_order ON funds_flows (sub_order_id) WHERE sub_order_id IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS aftersales_by_sub_order ON aftersales (sub_order_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
