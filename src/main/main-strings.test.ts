import { describe, expect, it } from 'vitest';
import { MAIN_STRINGS, mainStrings } from './main-strings';

const han = /\p{Script=Han}/u;

describe('main strings', () => {
  it('every string main shows is written in Chinese and in English', () => {
    for (const [key, zh] of Object.entries(MAIN_STRINGS['zh-CN'])) {
      const en = MAIN_STRINGS['en-US'][key as keyof (typeof MAIN_STRINGS)['en-US']];
      expect(han.test(zh), key).toBe(true);
      expect(en.trim(), key).not.toBe('');
      expect(han.test(en), key).toBe(false);
      // The tray's placeholders are the same in both languages.
      expect([...en.matchAll(/{(\w+)}/g)].map((m) => m[1]).sort(), key).toEqual([...zh.matchAll(/{(\w+)}/g)].map((m) => m[1]).sort());
    }
  });

  it('is Chinese until the settings have been read', () => {
    expect(mainStrings(undefined)).toBe(MAIN_STRINGS['zh-CN']);
    expect(mainStrings('en-US').pageCrashedTitle).toBe('The window stopped and was reloaded');
  });
});
