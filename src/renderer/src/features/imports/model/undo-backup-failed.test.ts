import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors';
import { isUndoBackupFailure } from './undo-backup-failed';

describe('isUndoBackupFailure', () => {
  it.each([
    ['the core’s refusal', new AppError('DISK_FULL', 'pre-undo backup failed', { importId: 3, backupFailed: true }), true],
    ['any code with the flag', { code: 'INTERNAL', message: 'x', details: { backupFailed: true } }, true],
    ['a disk-full error of the undo itself', new AppError('DISK_FULL', 'full'), false],
    ['a flag that is not true', new AppError('INTERNAL', 'x', { backupFailed: 'yes' }), false],
    ['no details', new Error('boom'), false],
    ['null details', { details: null }, false],
    ['not an object', 'DISK_FULL', false],
    ['null', null, false],
  ])('%s → %s', (_, error, expected) => {
    expect(isUndoBackupFailure(error)).toBe(expected);
  });
});
