import { describe, expect, it } from 'vitest';
import { hasRoomToStage } from './staging-room';

const MB = 1024 * 1024;

describe('hasRoomToStage', () => {
  it.each([
    // free, unit, database → keep?
    { freeBytes: 10_000 * MB, unitBytes: 300 * MB, databaseBytes: 1_000 * MB, keep: true },
    // 3 × 300 + 2 × 1000 + 64 = 2964 MB needed.
    { freeBytes: 2_964 * MB, unitBytes: 300 * MB, databaseBytes: 1_000 * MB, keep: true },
    { freeBytes: 2_963 * MB, unitBytes: 300 * MB, databaseBytes: 1_000 * MB, keep: false },
    // A nearly full disk: the backup the confirm takes first comes before any speed-up.
    { freeBytes: 500 * MB, unitBytes: 10 * MB, databaseBytes: 300 * MB, keep: false },
    { freeBytes: 0, unitBytes: 1, databaseBytes: 0, keep: false },
  ])('free $freeBytes, unit $unitBytes, database $databaseBytes → $keep', ({ keep, ...room }) => {
    expect(hasRoomToStage(room)).toBe(keep);
  });
});
