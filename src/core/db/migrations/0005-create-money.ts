import { sql, type Kysely } from 'kysely';

/*
 * Frozen in time: money (issue 6). The shop's money settings as JSON values, the deposit table
 * by entity type and first-level category (seeded with DOMAIN.md's examples, in fen; null = not
 * open or unknown) and the deposit movements the user types in. Deposit rows recognised in the
 * imported funds flow are not copied here: they are read from funds_flows by 动账流水号, so an
 * undone import takes them away too. Dates are China dates, instants ISO UTC text.
 */
const STATEMENTS = [
  `CREATE TABLE money_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE deposit_rates (
    entity TEXT NOT NULL CHECK (entity IN ('individual', 'soleProprietor', 'company')),
    category TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 40),
    amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
    position INTEGER NOT NULL,
    PRIMARY KEY (entity, category)
  ) STRICT`,
  `CREATE TABLE deposit_ledger (
    id INTEGER PRIMARY KEY,
    on_date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('paid', 'topUp', 'deduction', 'refund')),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX deposit_ledger_by_date ON deposit_ledger (on_date)`,
  `INSERT INTO deposit_rates (entity, category, amount_fen, position) VALUES
    ('individual', '服饰内衣', 50000, 1), ('soleProprietor', '服饰内衣', 200000, 1), ('company', '服饰内衣', 400000, 1),
    ('individual', '母婴', NULL, 2), ('soleProprietor', '母婴', 500000, 2), ('company', '母婴', 1000000, 2),
    ('individual', '珠宝文玩', NULL, 3), ('soleProprietor', '珠宝文玩', 2000000, 3), ('company', '珠宝文玩', 2000000, 3)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
