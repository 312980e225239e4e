import { sql, type Kysely } from 'kysely';

/*
 * Frozen in time: the shop-health log (issue 12). One row per China date of what only the
 * platform shows (商家体验分 and its 商品/物流/服务 sub-scores, DSR, good-review rate, product
 * visitors and clickers, click-through and conversion rates, 3-minute reply rate), each column
 * null when not typed in; the warning thresholds as JSON values (the platform changes them).
 * Rates are percentages as typed (98.5 = 98.5 %); instants ISO UTC text.
 */
const STATEMENTS = [
  `CREATE TABLE shop_health (
    on_date TEXT PRIMARY KEY CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    experience_score REAL CHECK (experience_score IS NULL OR experience_score BETWEEN 0 AND 5),
    product_score REAL CHECK (product_score IS NULL OR product_score BETWEEN 0 AND 5),
    logistics_score REAL CHECK (logistics_score IS NULL OR logistics_score BETWEEN 0 AND 5),
    service_score REAL CHECK (service_score IS NULL OR service_score BETWEEN 0 AND 5),
    dsr REAL CHECK (dsr IS NULL OR dsr BETWEEN 0 AND 5),
    good_review_pct REAL CHECK (good_review_pct IS NULL OR good_review_pct BETWEEN 0 AND 100),
    visitors INTEGER CHECK (visitors IS NULL OR visitors >= 0),
    clickers INTEGER CHECK (clickers IS NULL OR clickers >= 0),
    ctr_pct REAL CHECK (ctr_pct IS NULL OR ctr_pct BETWEEN 0 AND 100),
    conversion_pct REAL CHECK (conversion_pct IS NULL OR conversion_pct BETWEEN 0 AND 100),
    reply_3m_pct REAL CHECK (reply_3m_pct IS NULL OR reply_3m_pct BETWEEN 0 AND 100),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE shop_health_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
