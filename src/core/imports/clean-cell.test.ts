import { describe, expect, it } from 'vitest';
import { cleanCell, parseDateTime, parseId, parseInteger, parseMoneyFen } from './clean-cell';

describe('cleanCell', () => {
  it.each([
    ['\t6938412705519823461', '6938412705519823461'],
    ["'6938412705519823461", '6938412705519823461'],
    ['`6938412705519823461', '6938412705519823461'],
    ['  浅灰色;1.8m床  ', '浅灰色;1.8m床'],
    ['="00123"', '00123'],
    ['\t="6938"', '6938'],
    ['-', null],
    ['--', null],
    ['无', null],
    ['', null],
    ['null', null],
    ['NaN', null],
    ['#NULL!', null],
    ['\t-', null],
    ['数据将于第二天更新', null],
    ['尺码拍错了，\n麻烦先别发', '尺码拍错了，\n麻烦先别发'],
    ['-1.00', '-1.00'],
    ['\uFEFF主订单编号', '主订单编号'],
    ['　全角空格　', '全角空格'],
  ])('%j → %j', (raw, expected) => expect(cleanCell(raw)).toBe(expected));
});

describe('parseMoneyFen', () => {
  it.each([
    ['129.00', 12900],
    ['1,299.00', 129900],
    ['1，299.5', 129950],
    ['¥12.30', 1230],
    ['￥0.01', 1],
    ['12元', 1200],
    ['-0.50', -50],
    ['-27.78', -2778],
    ['+3', 300],
    ['0', 0],
    ['-0.00', 0],
    ['1.500', 150],
    ['12,345,678.90', 1234567890],
    [null, null],
    ['1.234', 'invalid'],
    ['abc', 'invalid'],
    ['1.2.3', 'invalid'],
    ['平台新人首单惊喜券', 'invalid'],
    ['.', 'invalid'],
  ] as const)('%j → %j', (text, expected) => expect(parseMoneyFen(text)).toBe(expected));

  it('never goes through a float: every two-decimal amount is exact', () => {
    for (let fen = 0; fen < 100_000; fen += 7) {
      const text = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
      expect(parseMoneyFen(text)).toBe(fen);
    }
    expect(parseMoneyFen('9999999999999.99')).toBe(999_999_999_999_999);
    expect(parseMoneyFen('99999999999999.99')).toBe('invalid');
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2026-08-01 10:00:00', '2026-08-01 10:00:00'],
    ['2026-08-01T10:00:00', '2026-08-01 10:00:00'],
    ['2026-08-01 10:00', '2026-08-01 10:00:00'],
    ['2026-08-01', '2026-08-01 00:00:00'],
    ['2026-08-01 10:00:00.0', '2026-08-01 10:00:00'],
    [null, null],
    ['2026/9/10 8:00', 'excel'],
    ['2026/09/10', 'excel'],
    ['2026-9-10 8:00', 'excel'],
    ['46234.5', 'excel'],
    ['2026-13-01 10:00:00', 'invalid'],
    ['2026-08-01 25:00:00', 'invalid'],
    ['yesterday', 'invalid'],
  ] as const)('%j → %j', (text, expected) => expect(parseDateTime(text)).toBe(expected));
});

describe('parseInteger and parseId', () => {
  it.each([
    ['2', 2],
    ['2.00', 2],
    ['1,000', 1000],
    ['2.5', 'invalid'],
    [null, null],
  ] as const)('integer %j → %j', (text, expected) => expect(parseInteger(text)).toBe(expected));

  it.each([
    ['6938412705519823461', '6938412705519823461'],
    ['69384127055198234610000000', '69384127055198234610000000'],
    ['6.93841E+18', 'excel'],
    ['6.93841e+18', 'excel'],
    ['7E+18', 'excel'],
    ['SF0220481613112', 'SF0220481613112'],
    ['12 34', 'invalid'],
    [null, null],
  ] as const)('id %j → %j', (text, expected) => expect(parseId(text)).toBe(expected));
});
