import { describe, expect, it } from 'vitest';
import { AFTERSALES, FUNDS_30, FUNDS_39, FUNDS_LEGACY, INSURANCE, LAYOUT_A, LAYOUT_B, LEDGER, SETTLEMENT } from '../../../tests/fixtures/douyin/generator';
import { createRowMapper } from './map-row';
import { isHeaderPlan, recogniseHeader, type HeaderPlan } from './recognise-header';

const plan = (headers: string[]): HeaderPlan => {
  const found = recogniseHeader(headers, 1);
  if (!isHeaderPlan(found)) throw new Error(`not a plan: ${JSON.stringify(found)}`);
  return found;
};

describe('recogniseHeader', () => {
  it.each([
    [LAYOUT_A, 'orders', 'orders-layout-a'],
    [[`\uFEFF${LAYOUT_A[0]}`, ...LAYOUT_A.slice(1)], 'orders', 'orders-layout-a'],
    [LAYOUT_B, 'orders', 'orders-layout-b'],
    [['子订单编号', '主订单编号', '商品名称', '订单应付金额'], 'orders', 'orders-custom'],
    [FUNDS_39, 'funds', 'funds-39'],
    [FUNDS_30, 'funds', 'funds-30'],
    [FUNDS_LEGACY, 'funds', 'funds-legacy'],
    [LEDGER, 'funds', 'funds-ledger'],
    [SETTLEMENT, 'settlement', 'settlement'],
    [AFTERSALES, 'aftersales', 'aftersales'],
  ])('%#: %s… is %s / %s', (headers, kind, layout) => {
    const p = plan(headers);
    expect([p.spec.kind, p.layout]).toEqual([kind, layout]);
  });

  it('maps columns by name, never by position: 商品单价 and 商品金额 are both the unit price', () => {
    const a = plan(LAYOUT_A);
    const b = plan(LAYOUT_B);
    const unit = a.spec.columns.findIndex((c) => c.column === 'unit_price_fen');
    expect(a.headers[a.columnIndex[unit]!]).toBe('商品单价');
    expect(b.headers[b.columnIndex[unit]!]).toBe('商品金额');
  });

  it('never keeps recipient name, phone or address, not even in extra_json', () => {
    const names = plan(LAYOUT_A).extras.map((e) => e.name);
    expect(names).not.toContain('收件人');
    expect(names).not.toContain('收件人手机号');
    expect(names).not.toContain('详细地址');
    expect(names).toContain('街道');
  });

  it.each([
    [['a', 'b', 'c'], null],
    [['订单导出', '2026-09-01'], null],
    [['商品ID', '商品名称', '一级类目'], null],
    [INSURANCE, { code: 'IMPORT_UNKNOWN_KIND', params: { variant: 'INSURANCE' } }],
    [LAYOUT_A.filter((h) => h !== '订单应付金额'), { code: 'IMPORT_MISSING_COLUMNS', params: { kind: 'orders', columns: '订单应付金额' } }],
  ])('%#: not a usable header', (headers, expected) => expect(recogniseHeader(headers, 1)).toEqual(expected));
});

describe('row mapper', () => {
  const a = plan(LAYOUT_A);
  const mapper = createRowMapper(a);
  const row = (overrides: Record<string, string>) => LAYOUT_A.map((h) => overrides[h] ?? '-');
  const base = { 主订单编号: '\t6938412705519823461', 子订单编号: '\t6938412705519823462', 订单应付金额: '"1,299.00"'.replace(/"/g, ''), 订单提交时间: '2026-08-01 10:00:00' };

  it('maps a line to typed values and keeps other columns in extra_json', () => {
    const result = mapper(row({ ...base, 街道: '五常街道', 收件人: '刘**', 订单状态: '已发货', 取消原因: '' }), 2, false);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const columns = [...a.spec.columns.map((c) => c.column), ...a.spec.derived, 'extra_json'];
    const value = (c: string) => result.values[columns.indexOf(c)];
    expect(value('sub_order_id')).toBe('6938412705519823462');
    expect(value('payable_fen')).toBe(129900);
    expect(value('status_rank')).toBe(3);
    expect(value('cancel_reason')).toBeNull();
    // 收件人 is never stored; '-' cells are empty and left out.
    expect(JSON.parse(value('extra_json') as string)).toEqual({ 街道: '五常街道' });
  });

  it('keeps a lenient column’s unparseable text (a coupon name under 平台优惠) instead of failing the line', () => {
    const result = mapper(row({ ...base, 平台优惠: '平台新人首单惊喜券' }), 2, false);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(JSON.parse(result.values.at(-1) as string)).toEqual({ 平台优惠: '平台新人首单惊喜券' });
  });

  it.each([
    [{ 订单应付金额: '12.345' }, 'ROW_BAD_MONEY', '订单应付金额'],
    [{ 订单提交时间: 'yesterday' }, 'ROW_BAD_DATETIME', '订单提交时间'],
    [{ 子订单编号: '-' }, 'ROW_MISSING_VALUE', '子订单编号'],
    [{ 商品数量: '1.5' }, 'ROW_BAD_INTEGER', '商品数量'],
  ])('%#: a bad value skips the line with an issue naming line and column', (override, code, column) => {
    const result = mapper(row({ ...base, ...override }), 7, false);
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ line: 7, column, code })] });
  });

  it.each([
    [{ 子订单编号: '6.93841E+18' }, 'IMPORT_EXCEL_DAMAGED'],
    [{ 支付完成时间: '2026/9/10 8:00' }, 'IMPORT_EXCEL_DAMAGED'],
    [{ 子订单编号: '\t6938412705519823462;6938412705519823463' }, 'IMPORT_ORDER_DIMENSION'],
  ])('%#: damage refuses the whole file', (override, code) => {
    const result = mapper(row({ ...base, ...override }), 9, false);
    expect(result).toMatchObject({ ok: false, refuse: { code, params: { line: 9 } } });
  });
});
