import { describe, expect, it } from 'vitest';
import { detectDialect } from './csv-dialect';
import { detectEncoding } from './detect-encoding';
import { sniffBytes } from './sniff-bytes';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('sniffBytes', () => {
  it.each([
    ['empty', bytes(), { type: 'refuse', code: 'IMPORT_EMPTY' }],
    ['xlsx or zip', bytes([0x50, 0x4b, 0x03, 0x04], 'rest'), { type: 'zip' }],
    ['empty zip', bytes([0x50, 0x4b, 0x05, 0x06]), { type: 'zip' }],
    ['legacy xls', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { type: 'refuse', code: 'IMPORT_LEGACY_XLS' }],
    ['pdf', bytes('%PDF-1.7'), { type: 'refuse', code: 'IMPORT_BINARY' }],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), { type: 'refuse', code: 'IMPORT_BINARY' }],
    ['sqlite', bytes('SQLite format 3\0'), { type: 'refuse', code: 'IMPORT_BINARY' }],
    ['html as xls', bytes('\uFEFF  <table><tr><td>主订单编号</td></tr></table>'), { type: 'refuse', code: 'IMPORT_NOT_CSV' }],
    ['html doc', bytes('<!DOCTYPE html><html>'), { type: 'refuse', code: 'IMPORT_NOT_CSV' }],
    ['NUL bytes', bytes('a,b\n', [0, 1, 2]), { type: 'refuse', code: 'IMPORT_BINARY' }],
    ['csv', bytes('\uFEFF主订单编号,子订单编号\r\n'), { type: 'text' }],
    ['utf-16 with NULs is text', bytes([0xff, 0xfe], Buffer.from('a,b\r\n', 'utf16le').toJSON().data), { type: 'text' }],
  ] as const)('%s', (_name, input, expected) => expect(sniffBytes(input)).toMatchObject(expected));
});

describe('detectEncoding', () => {
  it.each([
    ['UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], '主订单'), 'utf-8-bom'],
    ['UTF-16LE BOM', bytes([0xff, 0xfe, 0x3b, 0x4e]), 'utf-16le'],
    ['UTF-16BE BOM', bytes([0xfe, 0xff, 0x4e, 0x3b]), 'utf-16be'],
    ['plain UTF-8', bytes('主订单编号,子订单编号'), 'utf-8'],
    ['ASCII', bytes('a,b,c'), 'utf-8'],
    ['UTF-8 cut inside a character at the end of the sample', bytes('主订单').subarray(0, 7), 'utf-8'],
    ['GBK', Buffer.from([0xd6, 0xf7, 0xb6, 0xa9, 0xb5, 0xa5]), 'gb18030'],
  ] as const)('%s', (_name, sample, expected) => expect(detectEncoding(sample)).toBe(expected));
});

describe('detectDialect', () => {
  it.each([
    ['CRLF', 'a,b\r\n1,2\r\n', { delimiter: ',', newline: '\r\n' }],
    ['LF', 'a,b\n1,2\n', { delimiter: ',', newline: '\n' }],
    ['old Mac CR', 'a,b\r1,2\r', { delimiter: ',', newline: '\r' }],
    ['one line', 'a,b', { delimiter: ',', newline: '\n' }],
    ['tab-separated header (Excel Unicode text)', '主订单编号\t子订单编号\r\n', { delimiter: '\t', newline: '\r\n' }],
    ['tabs inside cells of a comma file do not count', '主订单编号,子订单编号\r\n"\t1","\t2"\r\n', { delimiter: ',', newline: '\r\n' }],
  ] as const)('%s', (_name, sample, expected) => expect(detectDialect(sample)).toMatchObject(expected));
});
