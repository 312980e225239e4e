import { describe, expect, it } from 'vitest';
import { buildSupplierMessage, joinMessages, type MessageOrder } from './supplier-message';
import { parseTrackingInfo, trackingMismatch } from './tracking';

const base: MessageOrder = {
  orderId: '6938412705519823461',
  lines: [{ productTitle: '【现货速发】加厚珊瑚绒四件套 冬季保暖床单被套', spec: '浅灰色;1.8m床(被套200*230cm)', quantity: 1, skuCode: 'SHT-4J-180-GY', supplierSku: null }],
  recipient: '刘**',
  phone: '138****1234',
  province: '浙江省',
  city: '杭州市',
  district: '余杭区',
  street: '五常街道',
  address: '文一西路****号**幢****室',
  buyerNote: '-',
};

// DOMAIN.md: "send the order number, spec and quantity"; DOUYIN_EXPORTS.md §1.4: 收件人, 收件人手机号,
// 详细地址 are "masked or encrypted text" — given as exported, never unmasked.
describe('buildSupplierMessage', () => {
  it.each([
    {
      name: 'sample row 1 of DOUYIN_EXPORTS.md, masked as exported, no buyer note',
      order: base,
      text: [
        '【代发订单】订单号：6938412705519823461',
        '商品：【现货速发】加厚珊瑚绒四件套 冬季保暖床单被套',
        '规格：浅灰色;1.8m床(被套200*230cm)',
        '数量：1',
        '货号：SHT-4J-180-GY',
        '收件人：刘**',
        '电话：138****1234',
        '地址：浙江省 杭州市 余杭区 五常街道 文一西路****号**幢****室',
        '买家留言：无',
      ].join('\n'),
    },
    {
      name: 'recipient not in the stored export: said so, not left out; municipality named once; supplier SKU wins',
      order: { ...base, recipient: null, phone: null, address: null, province: '北京市', city: '北京市', district: '朝阳区', street: '望京街道', buyerNote: '尺码拍错了，\n麻烦先别发', lines: [{ ...base.lines[0]!, supplierSku: 'GY-180' }] },
      text: [
        '【代发订单】订单号：6938412705519823461',
        '商品：【现货速发】加厚珊瑚绒四件套 冬季保暖床单被套',
        '规格：浅灰色;1.8m床(被套200*230cm)',
        '数量：1',
        '货号：GY-180',
        '收件人：（导出文件未提供，请在抖店订单详情中查看）',
        '电话：（导出文件未提供，请在抖店订单详情中查看）',
        '地址：北京市 朝阳区 望京街道 （导出文件未提供，请在抖店订单详情中查看）',
        '买家留言：尺码拍错了，\n麻烦先别发',
      ].join('\n'),
    },
    {
      name: 'two lines (main item + gift) numbered, default spec',
      order: { ...base, lines: [{ productTitle: '便携榨汁杯', spec: '奶油白;300ml', quantity: 2, skuCode: null, supplierSku: null }, { productTitle: '【赠品】榨汁杯替换杯盖', spec: '-', quantity: 1, skuCode: null, supplierSku: null }] },
      contains: ['1. 商品：便携榨汁杯', '   规格：奶油白;300ml', '   数量：2', '2. 商品：【赠品】榨汁杯替换杯盖', '   规格：默认'],
    },
  ])('$name', ({ order, text, contains }) => {
    const message = buildSupplierMessage(order);
    if (text !== undefined) expect(message).toBe(text);
    for (const part of contains ?? []) expect(message).toContain(part);
  });

  it('joins one supplier’s messages with a visible separator', () => {
    expect(joinMessages(['a', 'b'])).toBe('a\n\n————————\n\nb');
  });
});

// DOUYIN_EXPORTS.md §1.4: 快递信息 "`运单号-快递公司,…` e.g. `SF0220481613112-顺丰速运,…`; `-` if none".
describe('tracking', () => {
  it.each([
    { text: 'SF0220481613112-顺丰速运', parsed: [{ waybill: 'SF0220481613112', courier: '顺丰速运' }] },
    { text: 'SF0220481613112-顺丰速运,YT88-圆通速递', parsed: [{ waybill: 'SF0220481613112', courier: '顺丰速运' }, { waybill: 'YT88', courier: '圆通速递' }] },
    { text: '-', parsed: [] },
    { text: null, parsed: [] },
    { text: 'JT123', parsed: [{ waybill: 'JT123', courier: '' }] },
  ])('parses $text', ({ text, parsed }) => {
    expect(parseTrackingInfo(text)).toEqual(parsed);
  });

  it.each([
    { own: 'sf0220481613112 ', platform: 'SF0220481613112-顺丰速运', mismatch: false },
    { own: 'YT999', platform: 'SF0220481613112-顺丰速运', mismatch: true },
    { own: '', platform: 'SF0220481613112-顺丰速运', mismatch: false },
    { own: 'YT999', platform: '-', mismatch: false },
  ])('supplier $own vs platform $platform → mismatch $mismatch', ({ own, platform, mismatch }) => {
    expect(trackingMismatch(own, parseTrackingInfo(platform))).toBe(mismatch);
  });
});
