import calendar from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it } from 'vitest';
import { estimateHolidays } from './holiday-estimate';

const official = calendar as { holidays: Record<string, string>; workdays: Record<string, string> };
const officialYear = (year: number) => {
  const workdays = Object.keys(official.workdays).filter((d) => d.startsWith(String(year))).sort();
  const holidays = Object.keys(official.holidays).filter((d) => d.startsWith(String(year)) && !workdays.includes(d)).sort();
  return { holidays, workdays };
};
const estimated = (year: number) => {
  const days = estimateHolidays(year).filter((d) => d.date.startsWith(String(year)));
  return { holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date), workdays: days.filter((d) => d.kind === 'workday').map((d) => d.date) };
};

describe('estimateHolidays', () => {
  // The pattern is the State Council's since the 2024 amendment (春节 4 statutory days, 劳动节 2):
  // on the two years published under it, the estimate gives exactly the official days.
  it.each([2025, 2026])('%i: the estimate equals the published notice (chinese-days)', (year) => {
    expect(estimated(year)).toEqual(officialYear(year));
  });

  it('2027: the lunar and solar-term holidays fall on their dates', () => {
    const days = estimateHolidays(2027);
    const on = (name: string) => days.filter((d) => d.name === name && d.kind === 'holiday').map((d) => d.date);
    expect(on('春节')[0]).toBe('2027-02-05'); // 除夕: the day before 正月初一 (02-06)
    expect(on('清明节')).toContain('2027-04-05'); // the solar term 清明
    expect(on('端午节')).toEqual(['2027-06-09']); // lunar 5/5, a Wednesday: only that day
    expect(on('中秋节')).toEqual(['2027-09-15']); // lunar 8/15, a Wednesday
    expect(on('国庆节')).toEqual(['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07']);
    expect(on('元旦')).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it.each([
    // 中秋 inside 国庆 (2028: 10-03) makes one 8-day block with 4 statutory days.
    [2028, '国庆节', 8],
    // 除夕 on a Monday (2029-02-12): the Sunday before joins the block, as in 2026.
    [2029, '春节', 9],
    [2030, '春节', 8],
    [2030, '劳动节', 5],
  ] as const)('%i: %s lasts %i days', (year, name, length) => {
    expect(estimateHolidays(year).filter((d) => d.name === name && d.kind === 'holiday')).toHaveLength(length);
  });

  it('balances each long block: its days = statutory days + weekends inside + make-up days, at most 2 make-up days', () => {
    for (let year = 2027; year <= 2040; year += 1) {
      const days = estimateHolidays(year);
      for (const name of ['春节', '劳动节'] as const) {
        const off = days.filter((d) => d.name === name && d.kind === 'holiday').map((d) => d.date);
        const made = days.filter((d) => d.name === name && d.kind === 'workday');
        const weekends = off.filter((d) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())).length;
        expect(made.length, `${year} ${name}`).toBeLessThanOrEqual(2);
        expect(off.length, `${year} ${name}`).toBe((name === '春节' ? 4 : 2) + weekends + made.length);
        for (const m of made) expect([0, 6], `${year} ${name} ${m.date}`).toContain(new Date(`${m.date}T00:00:00Z`).getUTCDay());
      }
    }
  });
});
