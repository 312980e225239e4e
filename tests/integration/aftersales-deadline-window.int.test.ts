import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadDeadlineCases, planDeadlineReminders } from '../../src/core/aftersales/deadline-reminders';
import { isDue } from '../../src/core/reminders/rules';
import { writeAftersalesExport } from '../helpers/aftersales-exports';
import { openSession } from '../helpers/data-folder';
import { importInline, okOutcome } from '../helpers/import-inline';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * The after-sales deadline reminders read only the deadlines that can still matter. DOUYIN_EXPORTS.md
 * §3: "**Other columns** include 自动处理截止时间 and 仲裁状态 / 纠纷责任方"; issue 11: the platform "computes
 * a deadline per step of a case (`status_deadline`, exported as 自动处理截止时间)". Past it the
 * platform has decided the step, and the reminder before it has expired. A 200k-case history was
 * read whole on every reminder check.
 */
const tempDir = useTempDirs();
const NOW = new Date('2026-09-10T04:00:00.000Z'); // 12:00 China time

describe('after-sales deadline reminders', () => {
  it('plan from the deadlines of the last two days on, and every reminder that can be due is among them', async () => {
    const dataDir = tempDir();
    const session = await openSession(dataDir);
    const { sqlite, db } = session.require();
    const row = (id: string, deadline: string) => ({ 售后单号: id, 订单号: `69384127055198${id.slice(-5)}`, 商品单号: `69384127055198${id.slice(-5)}`, 商品名称: '便携榨汁杯', 售后类型: '退货退款', 售后状态: '售后待处理', 售后申请时间: '2026-09-01 09:00:00', 自动处理截止时间: deadline });
    okOutcome(
      await importInline(
        sqlite,
        writeAftersalesExport(dataDir, 'aftersales.csv', [
          row('1438412705519800001', '2026-09-10 20:00:00'), // in 8 hours: due (24 h before)
          row('1438412705519800002', '2026-09-12 10:00:00'), // in two days: not due yet
          row('1438412705519800003', '2026-09-09 18:00:00'), // passed yesterday: expired
          row('1438412705519800004', '2026-09-08 12:00:00'), // exactly two days back: read, expired
          row('1438412705519800005', '2026-09-07 11:59:59'), // longer ago: not read
          row('1438412705519800006', '2026-08-01 10:00:00'),
        ]),
      ),
    );
    const cases = await loadDeadlineCases(db as unknown as Kysely<unknown>, NOW);
    expect(cases.map((c) => c.deadlineAt).sort()).toEqual(['2026-09-08 12:00:00', '2026-09-09 18:00:00', '2026-09-10 20:00:00', '2026-09-12 10:00:00']);
    const due = planDeadlineReminders(cases).filter((r) => isDue(r, NOW));
    expect(due.map((r) => r.params.deadline)).toEqual(['09-10 20:00']);
    // The ones not read could never be due: their reminders expired at their deadlines.
    const all = planDeadlineReminders([...cases, { ...cases[0]!, caseKey: 'old', deadlineAt: '2026-09-07 11:59:59' }]);
    expect(all.filter((r) => isDue(r, NOW)).map((r) => r.params.deadline)).toEqual(['09-10 20:00']);
    await session.close();
  });
});
