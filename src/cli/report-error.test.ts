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
  it('always exits 2 and points at --help', () => {
    const report = reportUsage({ kind: 'unknownCommand', name: 'frob' }, 'en');
    expect(report).toMatchObject({ exitCode: 2, text: 'Error: Unknown command: frob\nRun shopdesk --help for usage.' });
    expect(JSON.parse(report.json).error.code).toBe('USAGE');
  });
});
