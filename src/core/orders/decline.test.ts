import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/china-time';
import { changePct, compareWindows, dropRun, judgeDecline, topFell, usualOrders } from './decline';

/** Days from a Monday (2026-08-03), so index 5 and 6 of every week are Saturday and Sunday. */
const series = (...orders: number[]) => orders.map((n, i) => ({ date: addDays('2026-08-03', i), orders: n, amountFen: n * 1000 }));
/** `weeks` weeks of a shop with a weekend dip (Mon–Sun), then `tail`. */
const weekly = (weeks: number, tail: number[] = []) => series(...Array.from({ length: weeks }, () => [20, 21, 22, 20, 18, 12, 10]).flat(), ...tail);

describe('the day-over-day rule (seed 000: "如果是持续3天及以上的连续下滑，那么你就需要进行原因排查了")', () => {
  it.each([
    ['a run of 2 is noise', series(10, 8, 6), { declining: false, days: 2, rule: null }],
    ['a run of 3 fires', series(10, 8, 6, 5), { declining: true, days: 3, rule: 'dayOverDay', from: '2026-08-03', to: '2026-08-06', firstOrders: 10, lastOrders: 5 }],
    ['a run of 4 fires', series(12, 10, 8, 6, 5), { declining: true, days: 4, rule: 'dayOverDay', from: '2026-08-03', to: '2026-08-07', firstOrders: 12, lastOrders: 5 }],
    ['a flat day breaks the run', series(10, 8, 8, 6, 5), { declining: false, days: 2, rule: null }],
    ['a rise on the last day means no alert', series(10, 8, 6, 5, 7), { declining: false, days: 0, rule: null }],
    ['down to zero counts', series(3, 2, 1, 0), { declining: true, days: 3, rule: 'dayOverDay', firstOrders: 3, lastOrders: 0 }],
    ['no days', series(), { declining: false, days: 0, rule: null }],
    ['one day', series(5), { declining: false, days: 0, rule: null }],
  ])('%s', (_name, input, expected) => {
    expect(judgeDecline(input)).toMatchObject(expected);
  });

  it('counts the run whatever fired', () => {
    expect(dropRun(series(9, 9, 8, 7))).toBe(2);
    expect(dropRun(series(9, 8, 7, 6, 5, 4))).toBe(5);
  });
});

describe('the same weekday of previous weeks: a normal weekend dip is no alarm', () => {
  it('Thursday → Sunday falls four days in a row every week: no alert when the weekend is as usual', () => {
    // Thu 20 → Fri 18 → Sat 12 → Sun 10 is a day-over-day run of 3 (Wed 22 > Thu 20 makes it 4).
    const s = weekly(4);
    expect(dropRun(s)).toBe(4);
    expect(judgeDecline(s)).toMatchObject({ declining: false, days: 4, rule: null });
  });

  it('the same run with a weekend far below the usual one fires day over day', () => {
    const s = weekly(4, [20, 21, 22, 20, 18, 6, 4]);
    expect(judgeDecline(s)).toMatchObject({ declining: true, days: 4, rule: 'dayOverDay', to: '2026-09-06', lastOrders: 4, usualOrders: 10 });
  });

  it('without history a run of three is an alert (nothing says it is usual)', () => {
    expect(judgeDecline(series(20, 18, 12, 10))).toMatchObject({ declining: true, rule: 'dayOverDay' });
  });

  it('three days each clearly below their weekday fire sameWeekday without a day-over-day run', () => {
    // Wed 15 < usual 22, Thu 16 < 20, Fri 14 < 18: Thu rose over Wed, so no day-over-day run of 3.
    const s = weekly(4, [20, 21, 15, 16, 14]);
    expect(judgeDecline(s)).toMatchObject({ declining: true, days: 1, rule: 'sameWeekday', from: '2026-09-02', to: '2026-09-04', firstOrders: 15, lastOrders: 14, usualOrders: 18 });
  });

  it('two days below their weekday are noise; a tenth below is within the slack', () => {
    expect(judgeDecline(weekly(4, [20, 21, 22, 15, 14]))).toMatchObject({ declining: false, rule: null });
    // 19 against 20, 19 against 21, 20 against 22: within 10 %.
    expect(judgeDecline(weekly(4, [19, 19, 20]))).toMatchObject({ declining: false, rule: null });
  });

  it('the usual level is the mean of up to four earlier weeks on the same weekday', () => {
    const s = series(...[10, 0, 0, 0, 0, 0, 0], ...[20, 0, 0, 0, 0, 0, 0], ...[30, 0, 0, 0, 0, 0, 0], ...[40, 0, 0, 0, 0, 0, 0], ...[50, 0, 0, 0, 0, 0, 0], 7);
    expect(usualOrders(s, 35)).toBe(35); // weeks 2–5: 20, 30, 40, 50
    expect(usualOrders(s, 7)).toBe(10);
    expect(usualOrders(s, 3)).toBeNull();
  });
});

describe('the comparison windows and the groups that fell', () => {
  it('compares the run (3 to 7 days) with the same weekdays a week earlier', () => {
    expect(compareWindows('2026-09-09', { runDays: 0 })).toEqual({ now: { from: '2026-09-07', to: '2026-09-09' }, before: { from: '2026-08-31', to: '2026-09-02' } });
    expect(compareWindows('2026-09-09', { runDays: 5 })).toEqual({ now: { from: '2026-09-05', to: '2026-09-09' }, before: { from: '2026-08-29', to: '2026-09-02' } });
    expect(compareWindows('2026-09-09', { runDays: 12 }).now.from).toBe('2026-09-03');
  });

  it('names only groups that lost orders, most first, then by key, at most five', () => {
    const f = (orders: number) => ({ orders, amountFen: orders * 100 });
    const before = new Map([['a', f(10)], ['b', f(5)], ['c', f(5)], ['d', f(2)], ['e', f(9)], ['g', f(8)], ['h', f(7)], ['i', f(6)]]);
    const now = new Map([['a', f(4)], ['b', f(1)], ['c', f(1)], ['d', f(3)], ['e', f(9)], ['g', f(7)], ['h', f(6)], ['i', f(5)], ['new', f(50)]]);
    const fell = topFell(before, now, new Map([['a', '保温杯']]));
    expect(fell.map((g) => [g.key, g.change])).toEqual([['a', -6], ['b', -4], ['c', -4], ['g', -1], ['h', -1]]);
    expect(fell[0]).toEqual({ key: 'a', name: '保温杯', before: f(10), now: f(4), change: -6, changePct: -60 });
    // A group gone entirely fell by all it had.
    expect(topFell(new Map([['x', f(3)]]), new Map())[0]).toMatchObject({ key: 'x', now: { orders: 0, amountFen: 0 }, changePct: -100 });
  });

  it.each([
    [4, 10, -60],
    [2, 3, -33.3],
    [5, 0, null],
    [7, 6, 16.7],
  ])('changePct(%d, %d) = %s', (now, before, pct) => expect(changePct(now, before)).toBe(pct));
});
