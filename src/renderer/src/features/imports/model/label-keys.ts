import { zhCN } from '../../../app/locales/zh-CN';

export type LayoutKey = keyof typeof zhCN.imports.layouts;
export type EncodingKey = keyof typeof zhCN.imports.encodings;

const isKeyOf = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);

/** The locale key naming a header layout, or null for a layout this build has no words for. */
export const layoutKey = (layout: string): LayoutKey | null => (isKeyOf(zhCN.imports.layouts, layout) ? layout : null);

/** The locale key naming a text encoding, or null for one this build has no words for. */
export const encodingKey = (encoding: string): EncodingKey | null => (isKeyOf(zhCN.imports.encodings, encoding) ? encoding : null);

/** `from – to` as one day or a range; null when the file had no dated line. */
export function dateRangeParts(from: string | null, to: string | null): { single: string } | { from: string; to: string } | null {
  if (from === null && to === null) return null;
  if (from === null || to === null || from === to) return { single: (from ?? to) as string };
  return { from, to };
}
