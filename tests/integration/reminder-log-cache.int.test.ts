import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseSession } from '../../src/core/db/database-session';
import { loadLog, markReminder, recordFired } from '../../src/core/reminders/reminder-log';
import type { PlannedReminder } from '../../src/core/reminders/planned-reminder';
import { china, openRoutineDb } from '../helpers/routine-db';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const sessions: DatabaseSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

const plan = (n: number): PlannedReminder => ({
  key: `orders.shipOverdue:o${n}`,
  kind: 'orders.shipOverdue',
  dueAt: china('2026-09-10 09:00'),
  expiresAt: null,
  subject: `order:o${n}`,
  params: { orderId: `o${n}`, product: '杯', shipBy: '09-10 09:00', hours: 24 },
});
// More keys than the chunked lookup takes: the whole log is read and kept.
const MANY = Array.from({ length: 6000 }, (_, i) => plan(i));
const KEYS = MANY.map((p) => p.key);

describe('the kept reminder log (thousands of keys)', () => {
  it('answers as the chunked lookup does, and sees every write after it was kept', async () => {
    const { db, session } = await openRoutineDb(tempDir());
    sessions.push(session);
    // 1 200 fired in one go: several multi-row statements.
    await db.transaction().execute((trx) => recordFired(trx, MANY.slice(0, 1200), china('2026-09-10 09:01')));
    const few = await loadLog(db, KEYS.slice(0, 3000));
    const many = await loadLog(db, KEYS);
    for (const key of KEYS.slice(0, 3000)) expect(many.get(key)).toEqual(few.get(key));
    expect(many.get(KEYS[5]!)?.firedAt?.toISOString()).toBe(china('2026-09-10 09:01').toISOString());
    expect(many.get(KEYS[1500]!)).toBeUndefined();

    await markReminder(db, MANY[1500]!, { snoozedUntil: china('2026-09-10 10:00') }, china('2026-09-10 09:30'));
    expect((await loadLog(db, KEYS)).get(KEYS[1500]!)?.snoozedUntil?.toISOString()).toBe(china('2026-09-10 10:00').toISOString());

    await markReminder(db, MANY[5]!, { dismissedAt: china('2026-09-10 09:40') }, china('2026-09-10 09:40'));
    expect((await loadLog(db, KEYS)).get(KEYS[5]!)?.dismissedAt).not.toBeNull();

    // Firing again counts and clears the snooze.
    await recordFired(db, [MANY[1500]!], china('2026-09-10 10:01'));
    const again = (await loadLog(db, KEYS)).get(KEYS[1500]!);
    expect(again).toMatchObject({ snoozedUntil: null, firedAt: china('2026-09-10 10:01') });
    const row = await db.selectFrom('reminder_log').select(['fire_count', 'params']).where('key', '=', KEYS[1500]!).executeTakeFirstOrThrow();
    expect(row.fire_count).toBe(1);
    expect(JSON.parse(row.params)).toEqual(MANY[1500]!.params);
    const refired = await db.selectFrom('reminder_log').select('fire_count').where('key', '=', KEYS[7]!).executeTakeFirstOrThrow();
    expect(refired.fire_count).toBe(1);
    await recordFired(db, [MANY[7]!], china('2026-09-10 10:02'));
    expect((await db.selectFrom('reminder_log').select('fire_count').where('key', '=', KEYS[7]!).executeTakeFirstOrThrow()).fire_count).toBe(2);
  });
});
