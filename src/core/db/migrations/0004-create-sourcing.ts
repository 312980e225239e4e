import { sql, type Kysely } from 'kysely';

/*
 * Frozen in time: sourcing (products and their pipeline, optimisation log, images, listing
 * snapshot) and suppliers (return addresses and rules). Money is integer fen, rates basis points
 * (1% = 100), instants ISO UTC text, `*_date` China dates. Products link to imported orders by
 * 商品ID / 商家编码 at read time, never by a foreign key, so an undone import leaves no dangling row.
 */
const STATEMENTS = [
  `CREATE TABLE suppliers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    wechat TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    qq TEXT NOT NULL DEFAULT '',
    contact_person TEXT NOT NULL DEFAULT '',
    shop_links TEXT NOT NULL DEFAULT '[]',
    purchase_channel TEXT NOT NULL DEFAULT 'wechat' CHECK (purchase_channel IN ('wechat', '1688', 'other')),
    ship_from TEXT NOT NULL DEFAULT '',
    cutoff_time TEXT NOT NULL DEFAULT '',
    usual_ship_hours INTEGER,
    notes TEXT NOT NULL DEFAULT '',
    blacklisted INTEGER NOT NULL DEFAULT 0 CHECK (blacklisted IN (0, 1)),
    blacklist_reason TEXT NOT NULL DEFAULT '',
    rules_no_reason_7day INTEGER CHECK (rules_no_reason_7day IN (0, 1)),
    rules_postage_payer TEXT CHECK (rules_postage_payer IN ('supplier', 'seller', 'buyer', 'depends')),
    rules_damaged TEXT NOT NULL DEFAULT '',
    rules_refused TEXT NOT NULL DEFAULT '',
    rules_window_days INTEGER,
    rules_notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE supplier_addresses (
    id INTEGER PRIMARY KEY,
    supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    province_code TEXT NOT NULL,
    province TEXT NOT NULL,
    city_code TEXT NOT NULL,
    city TEXT NOT NULL,
    district_code TEXT NOT NULL,
    district TEXT NOT NULL,
    street TEXT NOT NULL,
    recipient TEXT NOT NULL,
    phone TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX supplier_addresses_by_supplier ON supplier_addresses (supplier_id)`,
  `CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    stage TEXT NOT NULL DEFAULT 'candidate' CHECK (stage IN ('candidate', 'verified', 'listed', 'selling', 'delisted', 'abandoned')),
    abandon_reason TEXT CHECK (abandon_reason IN ('low_margin', 'supplier_unstable', 'seasonal', 'fragile', 'aftersales_heavy', 'tag_mismatch', 'other')),
    abandon_note TEXT NOT NULL DEFAULT '',
    source_channel TEXT NOT NULL DEFAULT 'other',
    source_links TEXT NOT NULL DEFAULT '[]',
    supplier_id INTEGER REFERENCES suppliers (id) ON DELETE SET NULL,
    supplier_sku TEXT NOT NULL DEFAULT '',
    supplier_link TEXT NOT NULL DEFAULT '',
    cost_fen INTEGER NOT NULL DEFAULT 0 CHECK (cost_fen >= 0),
    supplier_freight_fen INTEGER NOT NULL DEFAULT 0 CHECK (supplier_freight_fen >= 0),
    planned_price_fen INTEGER CHECK (planned_price_fen >= 0),
    commission_bp INTEGER NOT NULL DEFAULT 0 CHECK (commission_bp BETWEEN 0 AND 10000),
    platform_fee_bp INTEGER NOT NULL DEFAULT 0 CHECK (platform_fee_bp BETWEEN 0 AND 10000),
    coupon_fen INTEGER NOT NULL DEFAULT 0 CHECK (coupon_fen >= 0),
    return_allowance_bp INTEGER NOT NULL DEFAULT 0 CHECK (return_allowance_bp BETWEEN 0 AND 10000),
    target_margin_bp INTEGER NOT NULL DEFAULT 1500 CHECK (target_margin_bp BETWEEN 0 AND 10000),
    audience_tags TEXT NOT NULL DEFAULT '[]',
    category TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    douyin_product_id TEXT NOT NULL DEFAULT '',
    merchant_code TEXT NOT NULL DEFAULT '',
    planned_slot TEXT,
    listed_at TEXT,
    first_order_at TEXT,
    listing_snapshot TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX products_by_stage ON products (stage)`,
  `CREATE INDEX products_by_douyin_id ON products (douyin_product_id) WHERE douyin_product_id <> ''`,
  `CREATE INDEX products_by_merchant_code ON products (merchant_code) WHERE merchant_code <> ''`,
  `CREATE INDEX products_by_supplier ON products (supplier_id)`,
  // Normalised source links, for duplicate detection.
  `CREATE TABLE product_links (
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    normalised TEXT NOT NULL,
    PRIMARY KEY (product_id, normalised)
  ) STRICT`,
  `CREATE INDEX product_links_by_link ON product_links (normalised)`,
  // Every pipeline move; moves to 'listed' on a China date are that day's listing count.
  `CREATE TABLE product_stage_events (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    at TEXT NOT NULL,
    china_date TEXT NOT NULL,
    reason TEXT,
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`,
  `CREATE INDEX product_stage_events_by_day ON product_stage_events (to_stage, china_date)`,
  `CREATE INDEX product_stage_events_by_product ON product_stage_events (product_id, id)`,
  `CREATE TABLE product_log (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('title', 'main_image', 'sku', 'price', 'other')),
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    reason TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX product_log_by_product ON product_log (product_id, id)`,
  // The file lives in dataDir/images/<product id>/<file_name>; the row is the index.
  `CREATE TABLE product_images (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    original_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX product_images_by_product ON product_images (product_id, id)`,
  `CREATE TABLE sourcing_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
