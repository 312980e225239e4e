import { sql, type Kysely } from 'kysely';

/*
 * Campaigns (issue 13, 活动报名): the platform's calendar and the seller's own campaigns, the
 * products entered with their campaign price, the years whose platform calendar was seeded, and the
 * domain's settings (the sign-up reminder's lead time). Frozen in time like every migration.
 *
 * Days are China dates `YYYY-MM-DD`; a sign-up deadline is the whole of its China day. A seeded
 * campaign keeps its `seed_key` and year, so seeding a year twice adds nothing; a year is seeded
 * once (`campaign_seeded_years`), so a seeded campaign the seller deleted does not come back.
 * The routine's default 活动报名 block gets its work queue (open sign-ups) in databases whose
 * routine was seeded before this migration; a renamed or custom block keeps what it had.
 */
const STATEMENTS = [
  `CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('platform', 'own')),
    seed_key TEXT,
    year INTEGER NOT NULL,
    signup_start TEXT,
    signup_deadline TEXT,
    run_start TEXT NOT NULL,
    run_end TEXT NOT NULL CHECK (run_end >= run_start),
    dates_estimated INTEGER NOT NULL DEFAULT 0 CHECK (dates_estimated IN (0, 1)),
    requirements TEXT NOT NULL DEFAULT '',
    tools TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'signedUp', 'skipped')),
    signed_up_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (signup_start IS NULL OR signup_deadline IS NULL OR signup_deadline >= signup_start)
  ) STRICT`,
  `CREATE UNIQUE INDEX campaigns_by_seed ON campaigns (seed_key, year) WHERE seed_key IS NOT NULL`,
  `CREATE INDEX campaigns_by_run ON campaigns (run_start, id)`,
  `CREATE TABLE campaign_products (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id),
    price_fen INTEGER NOT NULL CHECK (price_fen > 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (campaign_id, product_id)
  ) STRICT`,
  `CREATE INDEX campaign_products_by_product ON campaign_products (product_id)`,
  `CREATE TABLE campaign_seeded_years (
    year INTEGER PRIMARY KEY,
    seeded_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE campaign_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `UPDATE routine_blocks SET queue = 'campaigns' WHERE default_key = 'campaigns' AND queue IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
