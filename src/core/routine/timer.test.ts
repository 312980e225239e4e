import { describe, expect, it } from 'vitest';
import { chinaDayRange } from '../../shared/domain/china-time';
import { blockStatus, isOverTarget, openSegment, secondsByBlock, targetReachedAt, type Segment } from './timer';

const at = (iso: string) => new Date(iso);
const seg = (id: number, blockId: number, start: string, end: string | null): Segment => ({ id, blockId, startedAt: at(start), endedAt: end === null ? null : at(end) });
const day = (date: string) => chinaDayRange(date);

describe('secondsByBlock: elapsed time from stored timestamps only', () => {
  it.each([
    {
      name: 'a closed stretch',
      segments: [seg(1, 1, '2026-09-10T01:00:00Z', '2026-09-10T01:30:00Z')],
      now: '2026-09-10T05:00:00Z',
      expected: [[1, 1800]],
    },
    {
      name: 'a running stretch counts up to now (after a restart or sleep nothing is lost)',
      segments: [seg(1, 1, '2026-09-10T01:00:00Z', null)],
      now: '2026-09-10T03:00:00Z',
      expected: [[1, 7200]],
    },
    {
      name: 'the clock moved back before the start: no negative time',
      segments: [seg(1, 1, '2026-09-10T01:00:00Z', null)],
      now: '2026-09-10T00:30:00Z',
      expected: [],
    },
    {
      name: 'a stretch across China midnight is split: only today’s part counts',
      segments: [seg(1, 2, '2026-09-09T15:50:00Z', '2026-09-09T16:20:00Z')],
      now: '2026-09-10T05:00:00Z',
      expected: [[2, 1200]],
    },
    {
      name: 'several blocks and stretches add up per block',
      segments: [seg(1, 1, '2026-09-10T01:00:00Z', '2026-09-10T01:10:00Z'), seg(2, 2, '2026-09-10T01:10:00Z', '2026-09-10T01:15:00Z'), seg(3, 1, '2026-09-10T01:20:00Z', null)],
      now: '2026-09-10T01:25:30Z',
      expected: [[1, 930], [2, 300]],
    },
    {
      name: 'yesterday’s work does not count today',
      segments: [seg(1, 1, '2026-09-09T01:00:00Z', '2026-09-09T02:00:00Z')],
      now: '2026-09-10T05:00:00Z',
      expected: [],
    },
  ])('$name', ({ segments, now, expected }) => {
    expect([...secondsByBlock(segments, day('2026-09-10'), at(now))]).toEqual(expected);
  });

  it('counts the part before midnight on the previous day', () => {
    const segments = [seg(1, 2, '2026-09-09T15:50:00Z', null)];
    expect(secondsByBlock(segments, day('2026-09-09'), at('2026-09-09T16:20:00Z')).get(2)).toBe(600);
    expect(secondsByBlock(segments, day('2026-09-10'), at('2026-09-09T16:20:00Z')).get(2)).toBe(1200);
  });
});

describe('block status and targets', () => {
  it.each([
    [{ isFinished: true, isRunning: true, spentSeconds: 10, hasWork: false }, 'done'],
    [{ isFinished: false, isRunning: true, spentSeconds: 0, hasWork: false }, 'running'],
    [{ isFinished: false, isRunning: false, spentSeconds: 1, hasWork: false }, 'paused'],
    [{ isFinished: false, isRunning: false, spentSeconds: 0, hasWork: true }, 'paused'],
    [{ isFinished: false, isRunning: false, spentSeconds: 0, hasWork: false }, 'todo'],
  ] as const)('%j → %s', (input, expected) => {
    expect(blockStatus(input)).toBe(expected);
  });

  it('detects the target and when it is reached', () => {
    expect(isOverTarget(1799, 30)).toBe(false);
    expect(isOverTarget(1800, 30)).toBe(true);
    expect(targetReachedAt(at('2026-09-10T01:00:00Z'), 600, 30).toISOString()).toBe('2026-09-10T01:20:00.000Z');
    expect(targetReachedAt(at('2026-09-10T01:00:00Z'), 4000, 30).toISOString()).toBe('2026-09-10T01:00:00.000Z');
    expect(openSegment([seg(1, 1, '2026-09-10T01:00:00Z', '2026-09-10T01:01:00Z'), seg(2, 3, '2026-09-10T01:02:00Z', null)])?.id).toBe(2);
  });
});
