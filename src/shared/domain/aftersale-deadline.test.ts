import { describe, expect, it } from 'vitest';
import { countdownText, deadlineCountdown } from './aftersale-deadline';
import { parseChinaDateTime } from './china-time';

// DOUYIN_EXPORTS.md §5: "Other columns include 自动处理截止时间 and 仲裁状态 / 纠纷责任方." The deadline is the
// platform's, read from the export; only the reminder lead (here 12 h) is the seller's.
describe('deadlineCountdown', () => {
  const now = parseChinaDateTime('2026-09-01 12:00:00') as Date;
  const at = (text: string) => parseChinaDateTime(text);
  it.each([
    [null, 12, { state: 'none', msLeft: null, hours: 0, minutes: 0 }],
    ['2026-09-03 12:00:00', 12, { state: 'ok', msLeft: 48 * 3_600_000, hours: 48, minutes: 0 }],
    ['2026-09-02 00:00:01', 12, { state: 'ok', msLeft: 12 * 3_600_000 + 1000, hours: 12, minutes: 0 }],
    ['2026-09-02 00:00:00', 12, { state: 'soon', msLeft: 12 * 3_600_000, hours: 12, minutes: 0 }],
    ['2026-09-01 17:12:59', 12, { state: 'soon', msLeft: (5 * 60 + 12) * 60_000 + 59_000, hours: 5, minutes: 12 }],
    ['2026-09-01 17:12:59', 4, { state: 'ok', msLeft: (5 * 60 + 12) * 60_000 + 59_000, hours: 5, minutes: 12 }],
    ['2026-09-01 12:00:00', 12, { state: 'overdue', msLeft: 0, hours: 0, minutes: 0 }],
    ['2026-09-01 11:00:00', 12, { state: 'overdue', msLeft: -3_600_000, hours: 0, minutes: 0 }],
  ] as const)('deadline %j, lead %i h', (deadline, lead, expected) => {
    expect(deadlineCountdown(deadline === null ? null : at(deadline), now, lead)).toEqual(expected);
  });

  it.each([
    [{ state: 'soon', msLeft: 1, hours: 5, minutes: 12 }, '剩 5 小时 12 分', '5 h 12 min left'],
    [{ state: 'ok', msLeft: 1, hours: 50, minutes: 3 }, '剩 2 天 2 小时', '2 d 2 h left'],
    [{ state: 'overdue', msLeft: -1, hours: 0, minutes: 0 }, '已过截止时间', 'past the deadline'],
    [{ state: 'none', msLeft: null, hours: 0, minutes: 0 }, '无截止时间', 'no deadline'],
  ] as const)('%j reads %s / %s', (c, zh, en) => {
    expect(countdownText(c, 'zh')).toBe(zh);
    expect(countdownText(c, 'en')).toBe(en);
  });
});
