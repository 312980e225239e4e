import { describe, expect, it } from 'vitest';
import { normaliseHeader } from './normalise-header';

describe('normaliseHeader', () => {
  it.each([
    ['\uFEFF主订单编号', '主订单编号'],
    ['动帐流水号', '动账流水号'],
    ['应付金额（元）', '应付金额(元)'],
    ['建议发货时间（起）', '建议发货时间(起)'],
    [' 子订单\u200B编号 ', '子订单编号'],
    ['商品\u00A0ID', '商品ID'],
    ['\t订单号', '订单号'],
    ["'动账流水号", '动账流水号'],
  ])('%j → %j', (raw, expected) => expect(normaliseHeader(raw)).toBe(expected));
});
