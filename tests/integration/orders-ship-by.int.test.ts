import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { shipByMs } from '../../src/core/orders/shipping';
import { openRoutineDb, seedOrderLines } from '../helpers/routine-db';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/*
 * Migration 0010's generated `ship_by_key` is `shipByMs` written in SQL. "承诺发货时间 | Promised
 * ship-by deadline | datetime" (DOUYIN_EXPORTS.md §1.4), and "Spot goods (现货) must ship within 48
 * hours" (DOMAIN.md) when the export has none: the same answer for every text an export may hold.
 */
const TEXTS = [
  null,
  '-',
  '',
  'now',
  '2026-09-10 08:00:00',
  '2026-09-10 08:00',
  '2026-09-10T08:00:00',
  '2026-09-31 10:00:00', // no such day
  '2026-02-29 10:00:00', // not a leap year
  '2028-02-29 10:00:00',
  '2026-09-09 25:00', // no such hour
  '2026-09-09 23:60:00',
  '2026-09-09 23:59:60',
  '2026-09-09 23:59:5',
  '2026-9-9 08:00:00',
  '2026-09-10 08:00:00.5',
  '2026-12-31 23:59:59',
  '2026-01-01 00:00:00',
];

describe('ship_by_key (migration 0010)', () => {
  it('equals shipByMs for every combination of odd and good times (10^16 where it is null)', async () => {
    const { session, db } = await openRoutineDb(tempDir());
    const seeds = [];
    let n = 0;
    for (const promised of TEXTS) for (const paid of TEXTS) for (const submitted of ['2026-09-08 10:00:00', '-', 'x']) seeds.push({ sub: `s${n++}`, order: 'o', status: '待发货', submitted, paid, promised });
    await seedOrderLines(db, seeds);
    const { rows } = await sql<{ sub_order_id: string; ship_by_key: number }>`SELECT sub_order_id, ship_by_key FROM order_lines`.execute(db);
    const stored = new Map(rows.map((r) => [r.sub_order_id, r.ship_by_key]));
    for (const s of seeds) {
      const expected = shipByMs({ promisedShipAt: s.promised, paidAt: s.paid, submittedAt: s.submitted }) ?? 1e16;
      expect(stored.get(s.sub), JSON.stringify(s)).toBe(expected);
    }
    await session.close();
  });
});
