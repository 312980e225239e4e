import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { ERROR_MESSAGES } from '../shared/i18n/error-messages';
import { reportError, reportUsage } from './report-error';

describe('reportError', () => {
  it.each([
    [new AppError('VALIDATION', 'x', { issues: [{ path: 'id', message: 'bad' }] }), 2],
    [new AppError('BACKUP_NOT_FOUND', 'x', { id: 'a' }), 2],
    [new AppError('DB_BUSY', 'x'), 2],
    [new AppError('INTERNAL', 'x'), 1],
    [new AppError('TRANSPORT_CLOSED', 'x'), 1],
    [new Error('boom'), 1],
    ['a string', 1],
  ])('gives %o exit code %i', (error, code) => {
    expect(reportError(error, 'zh').exitCode).toBe(code);
  });

  it('translates the message and names fields and ids, in Chinese by default', () => {
    const report = reportError(new AppError('VALIDATION', 'invalid params', { issues: [{ path: 'id', message: 'not a backup id' }] }), 'zh');
    expect(report.text).toBe(`错误：${ERROR_MESSAGES.VALIDATION['zh-CN']}\n有问题的字段：id`);
    expect(report.text).not.toContain('not a backup id');
  });

  it('says what is wrong with a refused field and what is allowed, in the chosen language', () => {
    const issues = [{ path: 'priceFen', field: 'capturePrice', problem: 'range', message: 'Cost must be between ¥0 and ¥10,000,000' }];
    expect(reportError(new AppError('VALIDATION', 'x', { issues }), 'zh').text).toBe(`错误：${ERROR_MESSAGES.VALIDATION['zh-CN']}\n  进货价应在 ¥0–¥10,000,000 之间`);
    expect(reportError(new AppError('VALIDATION', 'x', { issues }), 'en').text).toBe(`Error: ${ERROR_MESSAGES.VALIDATION['en-US']}\n  Cost must be between ¥0 and ¥10,000,000`);
  });

  it('speaks English with --lang en and keeps the code in the JSON form', () => {
    const report = reportError(new AppError('BACKUP_NOT_FOUND', 'no backup', { id: 'b.sqlite' }), 'en');
    expect(report.text).toBe(`Error: ${ERROR_MESSAGES.BACKUP_NOT_FOUND['en-US']}\nID: b.sqlite`);
    expect(JSON.parse(report.json)).toEqual({ error: { code: 'BACKUP_NOT_FOUND', message: ERROR_MESSAGES.BACKUP_NOT_FOUND['en-US'], details: { id: 'b.sqlite' } } });
  });

  it('adds why the database is in recovery mode', () => {
    const report = reportError(new AppError('RECOVERY_MODE', 'x'), 'en', 'DB_NEWER_THAN_APP');
    expect(report.text).toContain(`Reason: ${ERROR_MESSAGES.DB_NEWER_THAN_APP['en-US']}`);
    expect(JSON.parse(report.json).error.details).toEqual({ reason: 'DB_NEWER_THAN_APP' });
  });

  it('reports an unexpected throw as INTERNAL with its detail', () => {
    const report = reportError(new TypeError('x is undefined'), 'zh');
    expect(report.text).toBe(`错误：${ERROR_MESSAGES.INTERNAL['zh-CN']}\n详情：x is undefined`);
  });
});

describe('reportUsage', () => {
  it.each([
    [{ kind: 'badOption', name: 'from', value: '2026-13-45', expected: { zh: '真实的日期 YYYY-MM-DD（如 2026-09-10）', en: 'a real date as YYYY-MM-DD (e.g. 2026-09-10)' } }, '选项 --from 的值 2026-13-45 不正确，应为真实的日期 YYYY-MM-DD（如 2026-09-10）。', 'Option --from: 2026-13-45 is not valid; expected a real date as YYYY-MM-DD (e.g. 2026-09-10).'],
    [{ kind: 'optionOrder', name: 'to', value: '2026-09-01', other: 'from', otherValue: '2026-09-10' }, '选项 --to 的值 2026-09-01 早于 --from 的值 2026-09-10，结束不能早于开始。', 'Option --to 2026-09-01 is before --from 2026-09-10; the end cannot come before the start.'],
  ] as const)('names the option and the expected form: %j', (problem, zh, en) => {
    expect(reportUsage(problem, 'zh')).toMatchObject({ exitCode: 2, text: `错误：${zh}\n运行 shopdesk --help 查看用法。` });
    expect(reportUsage(problem, 'en').text.split('\n')[0]).toBe(`Error: ${en}`);
  });


  it('always exits 2 and points at --help', () => {
    const report = reportUsage({ kind: 'unknownCommand', name: 'frob' }, 'en');
    expect(report).toMatchObject({ exitCode: 2, text: 'Error: Unknown command: frob\nRun shopdesk --help for usage.' });
    expect(JSON.parse(report.json).error.code).toBe('USAGE');
  });
});
