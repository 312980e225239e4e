import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { errorCodeOf } from './error-message';

describe('errorCodeOf', () => {
  it.each([
    ['an AppError', new AppError('BACKUP_INVALID', 'x'), 'BACKUP_INVALID'],
    ['plain error data', { code: 'DB_BUSY', message: 'x' }, 'DB_BUSY'],
    ['an unknown code', { code: 'SQLITE_CORRUPT' }, 'INTERNAL'],
    ['a plain Error', new Error('boom'), 'INTERNAL'],
    ['a string', 'boom', 'INTERNAL'],
    ['undefined', undefined, 'INTERNAL'],
  ])('%s → %s', (_label, error, expected) => {
    expect(errorCodeOf(error)).toBe(expected);
  });
});
