import { describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from '../../tests/helpers/fake-electron';
import { openExternalLink } from './external-links';
import { HOSTILE_URLS } from '../../tests/helpers/hostile-urls';
import { guardWebContents, type GuardableContents } from './navigation-guard';

const guarded = () => {
  const contents = new FakeWebContents();
  const shell = { openExternal: vi.fn(async () => {}) };
  guardWebContents(contents as unknown as GuardableContents, (url) => void openExternalLink(shell, url));
  return { contents, shell };
};

const event = (url: string) => ({ url, preventDefault: vi.fn() });

describe('guardWebContents', () => {
  it.each([...HOSTILE_URLS, 'https://doudian.com/'])('never lets the page navigate, redirect or open a window: %s', async (url) => {
    const { contents } = guarded();
    const navigate = event(url);
    contents.emit('will-navigate', navigate, url);
    const redirect = event(url);
    contents.emit('will-redirect', redirect, url);
    expect(navigate.preventDefault).toHaveBeenCalled();
    expect(redirect.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
  });

  it('opens only allowlisted links in the browser', async () => {
    const { contents, shell } = guarded();
    for (const url of HOSTILE_URLS) {
      contents.emit('will-navigate', event(url), url);
      contents.windowOpenHandler?.({ url });
    }
    contents.windowOpenHandler?.({ url: 'https://fxg.jinritemai.com/' });
    await new Promise((r) => setTimeout(r, 0));
    expect(shell.openExternal.mock.calls).toEqual([['https://fxg.jinritemai.com/']]);
  });

  it('refuses every <webview>', () => {
    const { contents } = guarded();
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach, { preload: '/evil.js', nodeIntegration: true }, { src: 'https://evil.com' });
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});
