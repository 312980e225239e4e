import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AFTERSALES_LAYOUT } from '../../src/core/imports/specs/aftersales-spec';

/** One row of an after-sales export by header (ASCII brackets, as the spec names them); missing cells are `-`. */
export type AftersaleExportRow = Partial<Record<(typeof AFTERSALES_LAYOUT)[number], string>>;

/** An after-sales export written the way 抖店 writes it (BOM, CRLF, full-width money brackets, tab-prefixed IDs). */
export function writeAftersalesExport(dir: string, name: string, rows: readonly AftersaleExportRow[]): string {
  const headers = AFTERSALES_LAYOUT.map((h) => h.replace('(元)', '（元）'));
  const ids = new Set(['售后单号', '订单号', '商品单号', '商品ID', '商家编码']);
  const body = rows.map((r) =>
    AFTERSALES_LAYOUT.map((h) => {
      const v = (r as Record<string, string | undefined>)[h] ?? '-';
      return ids.has(h) && v !== '-' ? `"\t${v}"` : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    }).join(','),
  );
  const path = join(dir, name);
  writeFileSync(path, `\uFEFF${headers.join(',')}\r\n${body.join('\r\n')}\r\n`);
  return path;
}
