import { describe, expect, it } from 'vitest';
import { checkMapping, guessMapping, savedMappingFits } from './csv-mapping';

describe('guessMapping', () => {
  it('reads a 蝉妈妈-style product list', () => {
    const headers = ['排名', '商品名称', '商品链接', '售价', '佣金比例', '类目', '近7天销量'];
    expect(guessMapping('products', headers)).toMatchObject({ title: '商品名称', link: '商品链接', price: '售价', commission: '佣金比例', category: '类目', cost: null });
  });

  it('gives 进货价 to cost and 价格 to price', () => {
    expect(guessMapping('products', ['名称', '进货价', '价格'])).toMatchObject({ title: '名称', cost: '进货价', price: '价格' });
  });

  it('reads a supplier list in English', () => {
    expect(guessMapping('suppliers', ['Supplier', 'Contact', 'WeChat', 'Phone', 'Ship from'])).toMatchObject({
      name: 'Supplier',
      contactPerson: 'Contact',
      wechat: 'WeChat',
      phone: 'Phone',
      shipFrom: 'Ship from',
    });
  });
});

describe('saved mappings and checks', () => {
  it('fits only when its columns are present', () => {
    expect(savedMappingFits({ title: '标题', cost: null }, ['标题', 'x'])).toBe(true);
    expect(savedMappingFits({ title: '标题' }, ['名称'])).toBe(false);
  });

  it.each([
    [{ title: null }, ['a'], 1],
    [{ title: 'a', cost: 'a' }, ['a'], 1],
    [{ title: 'b' }, ['a'], 1],
    [{ title: 'a', cost: 'b' }, ['a', 'b'], 0],
  ])('%j over %j: %i problems', (mapping, headers, n) => expect(checkMapping('products', mapping, headers)).toHaveLength(n));
});
