import { describe, expect, it } from 'vitest';
import { exportTimeFromName } from './export-time';
import { statusRank } from './status-rank';

describe('exportTimeFromName', () => {
  it.each([
    ['1768222209_84d855aa.csv', 1768222209],
    ['/home/u/Downloads/1791213782_3edeb47b86bdb5b9.csv', 1791213782],
    ['C:\\Users\\u\\1791213782_3edeb47b86bdb5b9.xlsx', 1791213782],
    ['1791213782.csv', 1791213782],
    ['orders.csv', null],
    ['17912137820_x.csv', null],
    ['0000000001_x.csv', null],
    ['动账明细 - 聚合账户.csv', null],
  ])('%j → %j', (name, expected) => expect(exportTimeFromName(name)).toBe(expected));
});

describe('statusRank', () => {
  it('orders statuses from unpaid to finished', () => {
    const order = ['待支付', '已支付', '部分发货', '已发货', '已完成'].map(statusRank);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(statusRank('待发货')).toBe(statusRank('备货中'));
    expect(statusRank('已关闭')).toBe(statusRank('已完成'));
    expect(statusRank('某种新状态')).toBeNull();
    expect(statusRank(null)).toBeNull();
  });
});
