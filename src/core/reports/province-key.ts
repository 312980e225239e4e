import { provinceSpellings, shortProvinceName } from '../orders/province-names';

/*
 * One key per province whatever the export wrote (广西 / 广西壮族自治区): the full name of the
 * national division list. A text that names no province (a foreign address, a typo) stays as it is.
 */
export function provinceKey(raw: string): string {
  const spellings = provinceSpellings(raw);
  return spellings === null ? raw.trim() : spellings[0]!;
}

/** The short name a map or tile shows (广西壮族自治区 → 广西). */
export const provinceShortName = (key: string): string => (provinceSpellings(key) === null ? key : shortProvinceName(key));
