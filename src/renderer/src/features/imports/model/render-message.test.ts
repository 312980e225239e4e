import { describe, expect, it } from 'vitest';
import { renderImportMessage } from './render-message';

describe('renderImportMessage', () => {
  const damaged = { code: 'IMPORT_EXCEL_DAMAGED', params: { line: 2, column: '子订单编号', value: '6.93841E+18' }, message: 'from the core' };

  it.each([
    ['zh-CN', '这个文件被 Excel 另存过，订单号已被破坏：请从抖店重新导出（第 2 行「子订单编号」是“6.93841E+18”）。'],
    ['en-US', 'This file was re-saved by Excel and its order numbers were destroyed: export it again from 抖店 (line 2, column “子订单编号” reads “6.93841E+18”).'],
  ] as const)('renders a refusal from its code in %s', (language, expected) => {
    expect(renderImportMessage(damaged, language)).toBe(expected);
  });

  it('uses the shared error table for general codes that can end an import', () => {
    expect(renderImportMessage({ code: 'DISK_FULL', params: {}, message: 'x' }, 'zh-CN')).toMatch(/磁盘空间不足/);
  });

  it.each([
    ['an unknown code', { code: 'IMPORT_SOMETHING_NEW', params: {}, message: '核心的说明' }, '核心的说明'],
    ['a template missing a value', { code: 'ROW_BAD_MONEY', params: { line: 3 }, message: '第 3 行金额不对' }, '第 3 行金额不对'],
  ])('falls back to the core’s text for %s', (_name, item, expected) => {
    expect(renderImportMessage(item, 'zh-CN')).toBe(expected);
  });
});
