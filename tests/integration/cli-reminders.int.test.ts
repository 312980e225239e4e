import { describe, expect, it } from 'vitest';
import { openRoutineDb, seedOrderLines } from '../helpers/routine-db';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const AT = ['--at', '2026-09-10T12:00:00+08:00'];

/**
 * Five overdue orders (ship-by 07:00–11:00: one grouped reminder, due at 07:00), three due tomorrow
 * 08:00–10:00 (ship within 24 h: due today 08:00–10:00) and the 12:00 listing slot.
 */
async function seeded(): Promise<string> {
  const dataDir = tempDir();
  const { session, db } = await openRoutineDb(dataDir);
  const hh = (h: number) => String(h).padStart(2, '0');
  await seedOrderLines(db, [
    ...[7, 8, 9, 10, 11].map((h) => ({ sub: `s${h}`, order: `o${h}`, status: '待发货', submitted: '2026-09-08 10:00:00', promised: `2026-09-10 ${hh(h)}:00:00` })),
    ...[8, 9, 10].map((h) => ({ sub: `t${h}`, order: `t${h}`, status: '待发货', submitted: '2026-09-09 10:00:00', promised: `2026-09-11 ${hh(h)}:00:00` })),
  ]);
  await session.close();
  return dataDir;
}

describe('shopdesk reminders --limit', () => {
  it('lists the first N by due time and says how many there are in all; without it, all of them', async () => {
    const dataDir = await seeded();
    const all = JSON.parse((await cli(dataDir, 'reminders', ...AT, '--json')).stdout) as { key: string }[];
    expect(all.map((r) => r.key)).toEqual(['orders.shipOverdue:2026-09-10', 'orders.shipDue:t8', 'orders.shipDue:t9', 'orders.shipDue:t10', 'listing.slot:2026-09-10:12:00']);
    const cut = await cli(dataDir, 'reminders', ...AT, '--json', '--limit', '3');
    expect(cut.code).toBe(0);
    expect(JSON.parse(cut.stdout)).toEqual(all.slice(0, 3));

    const zh = await cli(dataDir, 'reminders', ...AT, '--limit', '2');
    expect(zh.code).toBe(0);
    // Issue 10: the five overdue orders are one reminder, with the orders listed under it.
    expect(zh.stdout).toContain('已超时未发货 5 单');
    for (const order of ['o7', 'o8', 'o9', 'o10', 'o11']) expect(zh.stdout).toContain(`      ${order}  `);
    expect(zh.stdout).toContain('订单 t8 需在 24 小时内发货');
    expect(zh.stdout).not.toContain('订单 t9 需在');
    expect(zh.stdout).toContain(`共 ${all.length} 条到期提醒，只列出了前 2 条`);
    const en = await cli(dataDir, 'reminders', ...AT, '--lang', 'en', '--limit', '2');
    expect(en.stdout).toContain(`${all.length} reminders are due; only the first 2 are listed`);
    // A limit above the count lists all, without the line.
    const whole = await cli(dataDir, 'reminders', ...AT, '--limit', '1000');
    expect(whole.stdout).toBe((await cli(dataDir, 'reminders', ...AT)).stdout);
    expect(whole.stdout).not.toContain('--limit');
  });

  it('refuses a limit that is not a whole number from 1, and shows the flag in help', async () => {
    const dataDir = tempDir();
    for (const bad of ['0', '-1', '1.5', 'ten', '']) {
      const result = await cli(dataDir, 'reminders', '--limit', bad);
      expect(result, bad).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toContain('--limit');
    }
    const help = await cli(dataDir, '--help');
    expect(help.stdout).toContain('reminders [--at ISO-8601] [--limit N]');
  });
});
