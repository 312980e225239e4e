import { sql, type Kysely } from 'kysely';

/*
 * Frozen in time: the after-sales list read from indexes (issue 11, after-sales at scale). Each
 * page walks the `aftersales` rows in the list's own order and stops after it has the page, and
 * the counts come from one pass over a covering index, instead of building every case in memory:
 * - `aftersales_list_by_deadline`: open cases by the platform's 自动处理截止时间, then newest
 *   request, then the case key, with what the filters test (status, 仲裁状态, 售后类型);
 * - `aftersales_list_by_applied`: the cases without a deadline and the done ones, newest request
 *   first, same columns;
 * - `aftersales_list_stats`: the counts per (status, 仲裁状态, 售后类型) with the deadline, so the
 *   open / deadline-soon / arbitration / unmapped counts read no table row.
 * - `aftersales_by_product`, `aftersales_by_sku`: the cases a supplier can be the product's default
 *   supplier of (the supplier filter's candidates).
 * No data changes: the indexes are built from the rows already imported.
 */
const STATEMENTS = [
  `CREATE INDEX IF NOT EXISTS aftersales_list_by_deadline ON aftersales
    (auto_deadline_at, applied_at DESC, aftersale_id, sub_order_id, status, arbitration_status, aftersale_type)
    WHERE auto_deadline_at IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS aftersales_list_by_applied ON aftersales
    (applied_at DESC, aftersale_id, sub_order_id, status, arbitration_status, aftersale_type, auto_deadline_at)`,
  `CREATE INDEX IF NOT EXISTS aftersales_list_stats ON aftersales (status, arbitration_status, aftersale_type, auto_deadline_at)`,
  `CREATE INDEX IF NOT EXISTS aftersales_by_product ON aftersales (product_id) WHERE product_id IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS aftersales_by_sku ON aftersales (sku_code) WHERE sku_code IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
