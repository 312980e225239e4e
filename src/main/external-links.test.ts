import { describe, expect, it, vi } from 'vitest';
import { HOSTILE_URLS } from '../../tests/helpers/hostile-urls';
import { allowedExternalUrl, openExternalLink } from './external-links';


describe('allowedExternalUrl', () => {
  it.each([
    ['https://fxg.jinritemai.com/ffa/morder/order/list', 'https://fxg.jinritemai.com/ffa/morder/order/list'],
    ['https://www.doudian.com/', 'https://www.doudian.com/'],
    ['http://douyin.com/', 'http://douyin.com/'],
    ['https://DETAIL.1688.com/offer/1.html', 'https://detail.1688.com/offer/1.html'],
    ['https://www.chanmama.com/', 'https://www.chanmama.com/'],
    ['https://github.com/shopdesk', 'https://github.com/shopdesk'],
  ])('allows %s', (raw, expected) => {
    expect(allowedExternalUrl(raw)).toBe(expected);
  });

  it.each(HOSTILE_URLS)('refuses %s', (raw) => {
    expect(allowedExternalUrl(raw)).toBeNull();
  });

  it('refuses values that are not strings and overlong URLs', () => {
    expect(allowedExternalUrl(undefined)).toBeNull();
    expect(allowedExternalUrl({ toString: () => 'https://doudian.com/' })).toBeNull();
    expect(allowedExternalUrl(`https://doudian.com/${'a'.repeat(3000)}`)).toBeNull();
  });
});

describe('openExternalLink', () => {
  it('hands only allowed URLs to the shell, normalised', async () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    expect(await openExternalLink(shell, 'https://Doudian.com/a b')).toBe(true);
    for (const raw of HOSTILE_URLS) expect(await openExternalLink(shell, raw)).toBe(false);
    expect(shell.openExternal.mock.calls).toEqual([['https://doudian.com/a%20b']]);
  });

  it('reports false when the shell fails', async () => {
    const shell = { openExternal: vi.fn(async () => Promise.reject(new Error('no browser'))) };
    expect(await openExternalLink(shell, 'https://doudian.com/')).toBe(false);
  });
});
