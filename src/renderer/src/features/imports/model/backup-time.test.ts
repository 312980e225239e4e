import { describe, expect, it } from 'vitest';
import { backupTimeFromId, formatBackupTime } from './backup-time';

describe('backupTimeFromId', () => {
  it.each([
    ['shopdesk-20260801T020304005Z-pre-import-v2.sqlite', '2026-08-01T02:03:04.005Z'],
    ['shopdesk-20260801T020304005Z-pre-import-v2-3.sqlite', '2026-08-01T02:03:04.005Z'],
    ['shopdesk-20261122T163000000Z-pre-undo-v7.sqlite', '2026-11-22T16:30:00.000Z'],
    ['shopdesk-20260801T020304005Z-nightly-v2.sqlite', null],
    ['../shopdesk.sqlite', null],
    ['', null],
    ['shopdesk-20261399T990304005Z-manual-v2.sqlite', null],
  ])('%s → %s', (id, expected) => {
    expect(backupTimeFromId(id)).toBe(expected);
  });
});

describe('formatBackupTime', () => {
  it.each([
    ['shopdesk-20261122T163000000Z-pre-undo-v7.sqlite', '2026-11-23 00:30'],
    ['shopdesk-20260801T020304005Z-pre-import-v2.sqlite', '2026-08-01 10:03'],
    ['not-a-backup.sqlite', 'not-a-backup.sqlite'],
  ])('%s → %s (China time)', (id, expected) => {
    expect(formatBackupTime(id)).toBe(expected);
  });
});

describe('backupTimeFromId against the shared pattern', () => {
  it('accepts exactly the ids the contract accepts', async () => {
    const { BACKUP_ID_PATTERN } = await import('../../../../../shared/rpc/domains/backups');
    for (const id of ['shopdesk-20260801T020304005Z-daily-v1.sqlite', 'shopdesk-20260801T020304005Z-manual-v12-2.sqlite', 'shopdesk-20260801T020304005Z-pre-undo-v3.sqlite', 'shopdesk-20260801T020304005Z-x-v1.sqlite', 'x.sqlite']) {
      expect(backupTimeFromId(id) !== null, id).toBe(BACKUP_ID_PATTERN.test(id));
    }
  });
});
