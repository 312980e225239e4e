import { describe, expect, it } from 'vitest';
import { noticeProblems, parseHolidayNotice } from './holiday-notice';

// The shape of the State Council's notice (国务院办公厅关于2026年部分节假日安排的通知), as pasted.
const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。`;

describe('parseHolidayNotice', () => {
  it('reads every holiday and make-up day of the 2026 notice, as the package has them', async () => {
    const { default: calendar } = await import('chinese-days/dist/chinese-days.json');
    const data = calendar as { holidays: Record<string, string>; workdays: Record<string, string> };
    const parsed = parseHolidayNotice(NOTICE_2026, 2026);
    expect(parsed.problems).toEqual([]);
    const workdays = Object.keys(data.workdays).filter((d) => d.startsWith('2026')).sort();
    const holidays = Object.keys(data.holidays).filter((d) => d.startsWith('2026') && !workdays.includes(d)).sort();
    expect(parsed.days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual(holidays);
    expect(parsed.days.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(workdays);
    expect(parsed.days.find((d) => d.date === '2026-02-14')).toEqual({ date: '2026-02-14', kind: 'workday', name: '春节' });
  });

  it.each([
    ['一、元旦：1月1日（周三）放假1天，不调休。', 2025, [['2025-01-01', 'holiday']]],
    ['一、元旦：2028年12月30日（周六）至2029年1月1日（周一）放假，共3天。', 2029, [['2028-12-30', 'holiday'], ['2028-12-31', 'holiday'], ['2029-01-01', 'holiday']]],
    ['元旦：12月30日至1月1日放假，共3天。', 2029, [['2028-12-30', 'holiday'], ['2028-12-31', 'holiday'], ['2029-01-01', 'holiday']]],
    ['五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。', 2025, [['2025-05-31', 'holiday'], ['2025-06-01', 'holiday'], ['2025-06-02', 'holiday']]],
  ] as const)('%s', (text, year, expected) => {
    const parsed = parseHolidayNotice(text, year);
    expect(parsed.problems).toEqual([]);
    expect(parsed.days.map((d) => [d.date, d.kind])).toEqual(expected);
  });

  it('reports a holiday line it cannot read, by line number, and guesses nothing', () => {
    const parsed = parseHolidayNotice('说明文字\n三、清明节：待定。\n四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。', 2026);
    expect(parsed.problems).toEqual([{ line: 2, text: '三、清明节：待定。' }]);
    expect(parsed.days).toHaveLength(6);
  });
});

describe('noticeProblems', () => {
  it.each([
    [[{ date: '2027-02-05', kind: 'holiday', name: '春节' }], []],
    [[{ date: '2026-12-31', kind: 'holiday', name: '元旦' }], []],
    [[{ date: '2027-02-30', kind: 'holiday', name: '春节' }], [{ index: 0, field: 'date', code: 'dateInvalid' }]],
    [[{ date: '2028-01-03', kind: 'holiday', name: '春节' }], [{ index: 0, field: 'date', code: 'dateOutsideYear' }]],
    [[{ date: '2026-06-01', kind: 'holiday', name: '春节' }], [{ index: 0, field: 'date', code: 'dateOutsideYear' }]],
    [
      [
        { date: '2027-02-05', kind: 'holiday', name: '春节' },
        { date: '2027-02-05', kind: 'workday', name: '春节' },
      ],
      [{ index: 1, field: 'date', code: 'dateRepeated' }],
    ],
    [[{ date: '2027-02-05', kind: 'holiday', name: '  ' }], [{ index: 0, field: 'name', code: 'nameEmpty' }]],
    [[{ date: '2027-02-05', kind: 'holiday', name: '春'.repeat(21) }], [{ index: 0, field: 'name', code: 'nameTooLong' }]],
  ] as const)('%j → %j', (days, problems) => {
    expect(noticeProblems(2027, days)).toEqual(problems);
  });
});
