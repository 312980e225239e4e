import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES } from '../../../../shared/errors';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

type Tree = { [key: string]: string | Tree };

/** Every leaf as `a.b.c` → value. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

const zh = leaves(zhCN as Tree);
const en = leaves(enUS as Tree);

describe('locales', () => {
  it('have exactly the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it.each([
    ['zh-CN', zh],
    ['en-US', en],
  ])('%s has a non-empty string for every key', (_name, messages) => {
    for (const [key, value] of messages) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('translate every error code', () => {
    for (const code of APP_ERROR_CODES) {
      expect(zh.get(`errors.${code}`)).toBeTruthy();
      expect(en.get(`errors.${code}`)).toBeTruthy();
    }
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, value] of zh) expect(vars(en.get(key)), key).toEqual(vars(value));
  });

  it('are really Chinese and English: Chinese text in zh-CN, none in en-US (product name aside)', () => {
    const han = /\p{Script=Han}/u;
    const exempt = new Set(['app.name', 'settings.language.zhCN']);
    for (const [key, value] of en) if (!exempt.has(key)) expect(han.test(String(value)), key).toBe(false);
    expect([...zh.values()].filter((v) => han.test(String(v))).length).toBeGreaterThan(zh.size * 0.9);
  });
});
