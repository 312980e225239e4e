import { describe, expect, it } from 'vitest';
import { LAYOUT_A, LAYOUT_B } from '../../../tests/fixtures/douyin/generator';
import { buyerKeyOf, createBuyerKeyer } from './buyer-key';
import { createRowMapper } from './map-row';
import { isHeaderPlan, recogniseHeader, type HeaderPlan } from './recognise-header';
import { ORDERS_SPEC } from './specs/orders-spec';

const SECRET = Buffer.alloc(32, 7);
const OTHER_SECRET = Buffer.alloc(32, 8);

const plan = (headers: readonly string[]): HeaderPlan => {
  const found = recogniseHeader(headers, 1);
  if (!isHeaderPlan(found)) throw new Error('not a header');
  return found;
};

/*
 * DOUYIN_EXPORTS.md §1.4: "收件人, 收件人手机号, 详细地址 | Recipient PII | masked or encrypted text |
 * … Treat as opaque and do not store." and "省, 市, 区, 街道 | … Plain text, usable for geography".
 * So only a keyed one-way hash of the masked texts + 省/市/区 is kept, never the texts.
 */
describe('buyerKeyOf', () => {
  const who = ['刘**', '138****1234'];
  const place = ['浙江省', '杭州市', '余杭区'];

  it('is the same for the same masked recipient, phone and district, and 16 url-safe characters', () => {
    const key = buyerKeyOf(SECRET, who, place);
    expect(key).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(buyerKeyOf(SECRET, [...who], [...place])).toBe(key);
  });

  it.each([
    ['another name', ['王**', '138****1234'], place],
    ['another phone tail', ['刘**', '138****1235'], place],
    ['another district', who, ['浙江省', '杭州市', '西湖区']],
    ['a district moved into the city (no joining of parts)', who, ['浙江省', '杭州市余杭区', '']],
  ])('%s gives another key', (_case, w, p) => {
    expect(buyerKeyOf(SECRET, w, p)).not.toBe(buyerKeyOf(SECRET, who, place));
  });

  it('differs between data folders (another secret) and never contains the masked texts', () => {
    const key = buyerKeyOf(SECRET, who, place)!;
    expect(buyerKeyOf(OTHER_SECRET, who, place)).not.toBe(key);
    for (const part of [...who, ...place]) expect(key).not.toContain(part);
  });

  it.each([
    [[null, '138****1234']],
    [['刘**', null]],
    [['', '138****1234']],
  ])('%#: no key without the masked name and phone', (w) => {
    expect(buyerKeyOf(SECRET, w, place)).toBeNull();
  });

  it('keeps an empty district as given (a key still exists)', () => {
    expect(buyerKeyOf(SECRET, who, ['广东省', '东莞市', null])).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});

describe('the order mapper with a secret', () => {
  const columns = [...ORDERS_SPEC.columns.map((c) => c.column), ...ORDERS_SPEC.derived, 'extra_json'];
  const base = { 主订单编号: '\t6938412705519823461', 子订单编号: '\t6938412705519823462', 订单应付金额: '1.00', 订单提交时间: '2026-08-01 10:00:00' };
  const cells = (headers: readonly string[], values: Record<string, string>) => headers.map((h) => values[h] ?? '-');
  const mapped = (headers: readonly string[], values: Record<string, string>, secret: Buffer | null = SECRET) => {
    const result = createRowMapper(plan(headers), secret)(cells(headers, values), 2, false);
    if (!result.ok) throw new Error(JSON.stringify(result));
    return (c: string) => result.values[columns.indexOf(c)];
  };
  const buyer = { 收件人: '刘**', 收件人手机号: '138****1234', 省: '浙江省', 市: '杭州市', 区: '余杭区' };

  it('stores the key and nothing of the masked texts, in both layouts alike', () => {
    const a = mapped(LAYOUT_A, { ...base, ...buyer });
    const b = mapped(LAYOUT_B, { ...base, ...buyer });
    expect(a('buyer_key')).toBe(buyerKeyOf(SECRET, ['刘**', '138****1234'], ['浙江省', '杭州市', '余杭区']));
    expect(b('buyer_key')).toBe(a('buyer_key'));
    expect(a('extra_json')).not.toContain('刘**');
    expect(a('extra_json')).not.toContain('138****1234');
  });

  it('reads the cells as the export writes them (tab prefix, "-" for none)', () => {
    const key = mapped(LAYOUT_A, { ...base, ...buyer, 收件人: '\t刘**' })('buyer_key');
    expect(key).toBe(mapped(LAYOUT_A, { ...base, ...buyer })('buyer_key'));
    expect(mapped(LAYOUT_A, { ...base, ...buyer, 收件人手机号: '-' })('buyer_key')).toBeNull();
  });

  it('gives each of consecutive lines its own recipient’s key (one HMAC per run of equal recipients)', () => {
    const keyer = createBuyerKeyer(ORDERS_SPEC, LAYOUT_A, SECRET)!;
    const line = (name: string) => cells(LAYOUT_A, { ...base, ...buyer, 收件人: name });
    const keys = ['刘**', '刘**', '王*', '刘**'].map((name) => keyer(line(name)));
    expect(keys).toEqual([buyerKeyOf(SECRET, ['刘**', '138****1234'], ['浙江省', '杭州市', '余杭区']), keys[0], buyerKeyOf(SECRET, ['王*', '138****1234'], ['浙江省', '杭州市', '余杭区']), keys[0]]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('keys nothing without a secret or when the export lacks a column of the key', () => {
    expect(mapped(LAYOUT_A, { ...base, ...buyer }, null)('buyer_key')).toBeNull();
    const noDistrict = LAYOUT_A.filter((h) => h !== '区');
    expect(mapped(noDistrict, { ...base, ...buyer })('buyer_key')).toBeNull();
    expect(createBuyerKeyer(ORDERS_SPEC, LAYOUT_A.filter((h) => h !== '收件人'), SECRET)).toBeNull();
  });
});
