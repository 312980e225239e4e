import { describe, expect, it } from 'vitest';
import { extractLink, extractPriceFen, normaliseLink } from './product-link';

describe('normaliseLink', () => {
  it.each([
    ['https://haohuo.jinritemai.com/views/product/detail?id=3612&origin_type=604', 'https://haohuo.jinritemai.com/views/product/detail?id=3612'],
    ['HTTP://WWW.Example.COM/a/b/?b=2&a=1#frag', 'https://example.com/a/b?a=1&b=2'],
    ['https://detail.1688.com/offer/123.html?spm=a26352&utm_source=x&share_token=y', 'https://detail.1688.com/offer/123.html'],
    ['https://item.taobao.com/item.htm?id=9&ali_trackid=2:mm', 'https://item.taobao.com/item.htm?id=9'],
    ['ftp://example.com/x', null],
    ['not a link', null],
  ])('%s', (text, expected) => expect(normaliseLink(text)).toBe(expected));

  it('makes two shares of the same product equal', () => {
    const a = normaliseLink('https://haohuo.jinritemai.com/views/product/detail?id=1&share_id=a&tt_from=copy');
    const b = normaliseLink('https://haohuo.jinritemai.com/views/product/detail/?tt_from=x&id=1#top');
    expect(a).toBe(b);
  });
});

describe('extractLink and extractPriceFen', () => {
  it('reads a Douyin share text', () => {
    const text = '【夏季冰丝凉席】 ¥39.9 https://v.douyin.com/iAbC123/ 复制此链接，打开抖音搜索';
    expect(extractLink(text)).toBe('https://v.douyin.com/iAbC123/');
    expect(extractPriceFen(text)).toBe(3990);
  });
  it.each([
    ['39.90元 https://x.cn/1', 3990],
    ['价格：12 https://x.cn/1', 1200],
    ['https://x.cn/1?p=99', null],
  ])('%s', (text, fen) => expect(extractPriceFen(text)).toBe(fen));
  it('has no link in plain text', () => expect(extractLink('hello')).toBeNull());
});
