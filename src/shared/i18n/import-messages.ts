import type { Locale } from './error-messages';
import { ERROR_MESSAGES } from './error-messages';

/**
 * Every message the importer can show about a file or a line, in both languages. The core renders
 * `message` in the requested language; the renderer can re-render from `code` + `params` when the
 * user switches language. `{name}` placeholders are filled from `params`.
 */
export const IMPORT_MESSAGES = {
  // Whole-file refusals: nothing of the file is written.
  IMPORT_EMPTY: {
    'zh-CN': '文件是空的，没有可导入的内容。',
    'en-US': 'The file is empty; there is nothing to import.',
  },
  IMPORT_BINARY: {
    'zh-CN': '这不是表格文件（看起来是{what}）。请从抖店导出 CSV 或 Excel（.xlsx）文件后再导入。',
    'en-US': 'This is not a spreadsheet file (it looks like {what}). Export a CSV or Excel (.xlsx) file from 抖店 and import that.',
  },
  IMPORT_LEGACY_XLS: {
    'zh-CN': '这是旧版 Excel（.xls）文件，无法读取。请从抖店重新导出 CSV 文件（不要用 Excel 打开后另存）。',
    'en-US': 'This is a legacy Excel (.xls) file, which cannot be read. Export the CSV again from 抖店 (do not re-save it in Excel).',
  },
  IMPORT_NOT_CSV: {
    'zh-CN': '这个文件不是 CSV 表格（{what}）。请从抖店重新导出 CSV 文件。',
    'en-US': 'This file is not a CSV table ({what}). Export the CSV again from 抖店.',
  },
  IMPORT_UNKNOWN_KIND: {
    'zh-CN': '无法识别这个文件：前 20 行里没有抖店订单导出、资金流水、结算账单或售后导出的表头。请确认导出的是这几种之一。',
    'en-US': 'This file is not recognised: none of its first 20 rows is the header of a 抖店 order export, funds flow, settlement bill or after-sales export. Check that you exported one of these.',
  },
  IMPORT_UNKNOWN_KIND_INSURANCE: {
    'zh-CN': '这是运费险保费明细，小店工作台不需要它（保费已包含在资金流水里），没有导入。',
    'en-US': 'This is the freight-insurance premium list; ShopDesk does not need it (premiums are already in the funds flow), so it was not imported.',
  },
  IMPORT_EXCEL_DAMAGED: {
    'zh-CN': '这个文件被 Excel 另存过，订单号已被破坏：请从抖店重新导出（第 {line} 行「{column}」是“{value}”）。',
    'en-US': 'This file was re-saved by Excel and its order numbers were destroyed: export it again from 抖店 (line {line}, column “{column}” reads “{value}”).',
  },
  /** Rendered instead of IMPORT_EXCEL_DAMAGED when long IDs were rounded to 15 significant digits (`variant: 'ROUNDED'`). */
  IMPORT_EXCEL_DAMAGED_ROUNDED: {
    'zh-CN': '这个文件被 Excel 另存过，19 位的编号被四舍五入成 15 位有效数字（后面补 0），不同的订单可能变成了同一个号：请从抖店重新导出（第 {line} 行「{column}」是“{value}”）。',
    'en-US': 'This file was re-saved by Excel: its 19-digit numbers were rounded to 15 significant digits (zeros after them), so different orders may now share one number. Export it again from 抖店 (line {line}, column “{column}” reads “{value}”).',
  },
  /** Rendered instead of IMPORT_EXCEL_DAMAGED when the damage is in a time column (`variant: 'DATES'`). */
  IMPORT_EXCEL_DAMAGED_DATES: {
    'zh-CN': '这个文件被 Excel 另存过，时间格式已被改动：请从抖店重新导出（第 {line} 行「{column}」是“{value}”）。',
    'en-US': 'This file was re-saved by Excel and its times were rewritten: export it again from 抖店 (line {line}, column “{column}” reads “{value}”).',
  },
  IMPORT_ORDER_DIMENSION: {
    'zh-CN': '这是“订单维度”的导出（第 {line} 行的子订单编号里有多个编号）。请在抖店导出时选择“商品维度”后重新导出。',
    'en-US': 'This is an “order dimension” (订单维度) export (line {line} holds several sub-order numbers). Export again from 抖店 choosing “product dimension” (商品维度).',
  },
  IMPORT_ENCODING: {
    'zh-CN': '文件里有不符合 {encoding} 编码的文字，无法正确读取。请从抖店重新导出。',
    'en-US': 'The file contains text that is not valid {encoding} and cannot be read correctly. Export it again from 抖店.',
  },
  IMPORT_MALFORMED: {
    'zh-CN': '文件格式已损坏（第 {line} 行）。请从抖店重新导出，不要用其他软件编辑后保存。',
    'en-US': 'The file is malformed (line {line}). Export it again from 抖店 and do not edit and re-save it in another program.',
  },
  IMPORT_MALFORMED_COLUMNS: {
    'zh-CN': '文件格式已损坏：第 {line} 行有 {found} 个单元格，而表头有 {expected} 列。请从抖店重新导出，不要用其他软件编辑后保存。',
    'en-US': 'The file is malformed: line {line} has {found} cells but the header has {expected} columns. Export it again from 抖店 and do not edit and re-save it in another program.',
  },
  IMPORT_MALFORMED_QUOTES: {
    'zh-CN': '文件格式已损坏：第 {line} 行的引号没有正确闭合。请从抖店重新导出，不要用其他软件编辑后保存。',
    'en-US': 'The file is malformed: the quotes on line {line} are not closed properly. Export it again from 抖店 and do not edit and re-save it in another program.',
  },
  IMPORT_MISSING_COLUMNS: {
    'zh-CN': '这是{kindName}，但缺少必需的列：{columns}。请在导出时勾选这些列。',
    'en-US': 'This is a {kindName}, but required columns are missing: {columns}. Include them when exporting.',
  },
  IMPORT_ZIP_ENCRYPTED: {
    'zh-CN': '压缩包里的“{member}”设置了密码，无法读取。请先解压，再导入其中的文件。',
    'en-US': '“{member}” in the zip file is password-protected and cannot be read. Unzip it first and import the files inside.',
  },
  IMPORT_TOO_LARGE_FIELD: {
    'zh-CN': '第 {line} 行有一个超长的单元格（超过 {limit}），这不是抖店导出的文件，或者文件已损坏（可能有未闭合的引号）。',
    'en-US': 'Line {line} has an oversized cell (over {limit}); this is not a 抖店 export, or the file is damaged (perhaps an unclosed quote).',
  },
  IMPORT_UNREADABLE: {
    'zh-CN': '无法读取这个文件：{detail}',
    'en-US': 'This file cannot be read: {detail}',
  },
  IMPORT_UNREADABLE_NOT_FOUND: {
    'zh-CN': '找不到这个文件，它可能已被移动或删除。',
    'en-US': 'The file cannot be found; it may have been moved or deleted.',
  },
  IMPORT_UNREADABLE_NO_PERMISSION: {
    'zh-CN': '没有读取这个文件的权限。',
    'en-US': 'There is no permission to read this file.',
  },
  IMPORT_UNREADABLE_FOLDER: {
    'zh-CN': '这是一个文件夹，不是文件。请把文件夹里的导出文件拖进来。',
    'en-US': 'This is a folder, not a file. Drop the export files inside it instead.',
  },
  IMPORT_CANCELLED: {
    'zh-CN': '导入已取消，这个文件的数据没有写入。',
    'en-US': 'The import was cancelled; nothing of this file was written.',
  },
  UNDO_ALREADY_UNDONE: {
    'zh-CN': '这次导入已经撤销过了。',
    'en-US': 'This import has already been undone.',
  },
  UNDO_LATER_IMPORT_CHANGED_LINES: {
    'zh-CN': '不能撤销：之后的导入（{files}）又修改了这次导入写入的行。请先撤销那些导入。',
    'en-US': 'Cannot undo: later imports ({files}) changed lines this import wrote. Undo those first.',
  },
  // Problems with one line: the line is skipped, the rest of the file is imported.
  ROW_MISSING_VALUE: {
    'zh-CN': '第 {line} 行缺少「{column}」，这一行没有导入。',
    'en-US': 'Line {line} has no “{column}”; the line was not imported.',
  },
  ROW_BAD_MONEY: {
    'zh-CN': '第 {line} 行「{column}」的金额“{value}”无法识别（最多两位小数），这一行没有导入。',
    'en-US': 'Line {line}: the amount “{value}” in “{column}” is not valid (at most two decimals); the line was not imported.',
  },
  ROW_BAD_DATETIME: {
    'zh-CN': '第 {line} 行「{column}」的时间“{value}”不是“年-月-日 时:分:秒”格式，这一行没有导入。',
    'en-US': 'Line {line}: the time “{value}” in “{column}” is not “YYYY-MM-DD HH:MM:SS”; the line was not imported.',
  },
  ROW_BAD_INTEGER: {
    'zh-CN': '第 {line} 行「{column}」的“{value}”不是整数，这一行没有导入。',
    'en-US': 'Line {line}: “{value}” in “{column}” is not a whole number; the line was not imported.',
  },
  ROW_BAD_ID: {
    'zh-CN': '第 {line} 行「{column}」的编号“{value}”不正确，这一行没有导入。',
    'en-US': 'Line {line}: the number “{value}” in “{column}” is not valid; the line was not imported.',
  },
  ROW_BAD_DIRECTION: {
    'zh-CN': '第 {line} 行「{column}」是“{value}”，应为“入账”或“出账”，这一行没有导入。',
    'en-US': 'Line {line}: “{column}” reads “{value}” but should be 入账 (in) or 出账 (out); the line was not imported.',
  },
  ROW_MORE_ISSUES: {
    'zh-CN': '还有 {count} 个问题没有列出。',
    'en-US': '{count} more problems are not listed.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ImportMessageCode = keyof typeof IMPORT_MESSAGES;
export type MessageParams = Record<string, string | number>;

/** The kinds' names as shown inside messages. */
export const KIND_NAMES: Record<'orders' | 'funds' | 'settlement' | 'aftersales', Record<Locale, string>> = {
  orders: { 'zh-CN': '抖店订单导出', 'en-US': '抖店 order export' },
  funds: { 'zh-CN': '资金流水（动账明细）', 'en-US': 'funds flow (动账明细)' },
  settlement: { 'zh-CN': '结算账单', 'en-US': 'settlement bill' },
  aftersales: { 'zh-CN': '售后导出', 'en-US': 'after-sales export' },
};

const fill = (template: string, params: MessageParams): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));

/**
 * Renders an import message. Codes that are not import codes but general error codes (DISK_FULL,
 * DB_BUSY …, which can end an import too) come from the shared error table.
 */
export function importMessage(code: string, params: MessageParams, locale: Locale): string {
  // A `variant` picks a more specific wording of the same code (IMPORT_MALFORMED_COLUMNS …).
  const specific = typeof params.variant === 'string' ? `${code}_${params.variant}` : null;
  if (specific !== null && Object.hasOwn(IMPORT_MESSAGES, specific)) return fill(IMPORT_MESSAGES[specific as ImportMessageCode][locale], params);
  if (Object.hasOwn(IMPORT_MESSAGES, code)) return fill(IMPORT_MESSAGES[code as ImportMessageCode][locale], params);
  if (Object.hasOwn(ERROR_MESSAGES, code)) return ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES][locale];
  return code;
}
