import { describe, expect, it } from 'vitest';
import { commissionPerUnitFen, composeProductMessage } from './product-message';

/* seeds/000 (05联系达人): "群发一些新产品（包括产品链接+图片+价格/佣金）" — link, image, price and commission. */
const products = [
  { title: '冰丝凉席 三件套 ', link: 'https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=3716630085112940216', imageName: '凉席主图.jpg', priceFen: 3990, commissionBp: 2000 },
  { title: '便携榨汁杯', link: '', imageName: '', priceFen: null, commissionBp: 1550 },
];

describe('composeProductMessage', () => {
  it('lists each product with price, commission, link and image, ready to paste into WeChat', () => {
    expect(composeProductMessage(products, { greeting: '您好！', closing: '需要样品可以免费寄～', lang: 'zh' })).toBe(
      [
        '您好！',
        '1. 冰丝凉席 三件套\n价格：¥39.9　佣金：20%（每单约 ¥7.98）\n链接：https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=3716630085112940216\n图片：凉席主图.jpg',
        '2. 便携榨汁杯\n佣金：15.5%',
        '需要样品可以免费寄～',
      ].join('\n\n'),
    );
  });
  it('in English, without greeting', () => {
    expect(composeProductMessage(products.slice(0, 1), { greeting: ' ', closing: '', lang: 'en' })).toBe(
      '1. 冰丝凉席 三件套\nPrice: ¥39.9  Commission: 20% (about ¥7.98 an order)\nLink: https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=3716630085112940216\nImage: 凉席主图.jpg',
    );
  });
  it.each([
    [3990, 2000, 798],
    [999, 1550, 154],
    [100, 1, 0],
  ])('commission per unit of %d fen at %d bp is %d fen (rounded down)', (price, bp, fen) => expect(commissionPerUnitFen(price, bp)).toBe(fen));
});
