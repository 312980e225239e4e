import { describe, expect, it } from 'vitest';
import { cutSegment, idleOverlapSeconds, planIdleResolution } from './idle';
import type { Segment } from './timer';

const t = (hhmm: string) => new Date(`2026-09-10T${hhmm}:00.000Z`);
const seg = (id: number, start: string, end: string | null, blockId = 1): Segment => ({ id, blockId, startedAt: t(start), endedAt: end === null ? null : t(end) });
const show = (edits: ReturnType<typeof cutSegment>) =>
  edits.map((e) => (e.kind === 'delete' ? `delete ${e.id}` : `${e.kind} ${e.startedAt.toISOString().slice(11, 16)}-${e.endedAt?.toISOString().slice(11, 16) ?? 'open'}`));

describe('idle time: keep, discard, or discard and stop', () => {
  const now = t('03:00');
  const idle = { from: t('01:30'), to: t('02:30') };

  it.each([
    ['running block, discard: split around the idle stretch, still running', [seg(1, '01:00', null)], 'discard', ['update 01:00-01:30', 'insert 02:30-open']],
    ['running block, discard and stop: stopped where the idle began', [seg(1, '01:00', null)], 'discardAndStop', ['update 01:00-01:30']],
    ['running block, keep: nothing changes', [seg(1, '01:00', null)], 'keep', []],
    ['started inside the idle stretch, discard: starts after it', [seg(1, '01:45', null)], 'discard', ['update 02:30-open']],
    ['started inside the idle stretch, discard and stop: removed', [seg(1, '01:45', null)], 'discardAndStop', ['delete 1']],
    ['a closed stretch inside the idle stretch is removed', [seg(1, '01:40', '02:00'), seg(2, '02:10', null)], 'discard', ['delete 1', 'update 02:30-open']],
    ['a closed stretch before the idle stretch is kept', [seg(1, '00:10', '00:20'), seg(2, '01:00', null)], 'discard', ['update 01:00-01:30', 'insert 02:30-open']],
    ['another block is not touched', [seg(1, '01:00', null, 2)], 'discard', []],
  ] as const)('%s', (_name, segments, action, expected) => {
    expect(show(planIdleResolution(segments, 1, idle, action, now))).toEqual(expected);
  });

  it('discard and stop also drops work after the idle stretch until the answer', () => {
    expect(show(planIdleResolution([seg(1, '01:00', '02:45'), seg(2, '02:50', null)], 1, idle, 'discardAndStop', now))).toEqual(['update 01:00-01:30', 'delete 2']);
  });

  it('measures how much of the idle stretch the running block would book', () => {
    expect(idleOverlapSeconds(seg(1, '01:00', null), idle, now)).toBe(3600);
    expect(idleOverlapSeconds(seg(1, '02:00', null), idle, now)).toBe(1800);
    expect(idleOverlapSeconds(undefined, idle, now)).toBe(0);
  });
});
