import { describe, expect, it } from 'vitest';
import type { RoutineSnapshot } from './day-facts';
import { applyIntents, lastWorked, type TimerIntent } from './timer-intents';
import type { Segment } from './timer';

const at = (hhmm: string) => new Date(`2026-12-06T${hhmm}:00+08:00`);
const snapshot = (segments: Segment[], extra: Partial<RoutineSnapshot> = {}): RoutineSnapshot => ({
  blocks: [],
  items: [],
  segments,
  finishes: new Set(),
  checks: new Map(),
  closed: new Map(),
  ...extra,
});
const running: Segment = { id: 7, blockId: 1, startedAt: at('09:00'), endedAt: null };

describe('timer intents applied to stored facts (the same rules as timer-actions.ts)', () => {
  it.each<[string, Segment[], TimerIntent[], Segment[]]>([
    ['pause closes the running stretch at the instant asked', [running], [{ kind: 'pause', at: at('09:30') }], [{ ...running, endedAt: at('09:30') }]],
    ['pause with nothing running changes nothing', [{ ...running, endedAt: at('09:10') }], [{ kind: 'pause', at: at('09:30') }], [{ ...running, endedAt: at('09:10') }]],
    ['pause never books negative time (clock moved back)', [running], [{ kind: 'pause', at: at('08:00') }], [{ ...running, endedAt: at('09:00') }]],
    [
      'start switches: the running one closes, a new one opens',
      [running],
      [{ kind: 'start', blockId: 2, key: 'b2', at: at('09:40') }],
      [{ ...running, endedAt: at('09:40') }, { id: -1, blockId: 2, startedAt: at('09:40'), endedAt: null }],
    ],
    ['start of the running block keeps it running', [running], [{ kind: 'start', blockId: 1, key: 'b1', at: at('09:40') }], [running]],
    [
      'pause then resume opens a new stretch',
      [running],
      [{ kind: 'pause', at: at('09:30') }, { kind: 'start', blockId: 1, key: 'b1', at: at('09:45') }],
      [{ ...running, endedAt: at('09:30') }, { id: -2, blockId: 1, startedAt: at('09:45'), endedAt: null }],
    ],
  ])('%s', (_, stored, intents, expected) => {
    expect(applyIntents(snapshot(stored), intents).segments).toEqual(expected);
  });

  it('start reopens a closed today and un-finishes the block', () => {
    const closed = new Map([['2026-12-06', { date: '2026-12-06' } as never]]);
    const result = applyIntents(snapshot([], { closed, finishes: new Set(['2026-12-06|2', '2026-12-06|3']) }), [{ kind: 'start', blockId: 2, key: 'b2', at: at('20:00') }]);
    expect([...result.closed.keys()]).toEqual([]);
    expect([...result.finishes]).toEqual(['2026-12-06|3']);
  });

  it('the last worked block follows the pending intents', () => {
    expect(lastWorked(undefined, [])).toBeNull();
    expect(lastWorked(running, [])).toEqual({ blockId: 1, isRunning: true });
    expect(lastWorked(running, [{ kind: 'pause', at: at('09:30') }])).toEqual({ blockId: 1, isRunning: false });
    expect(lastWorked(undefined, [{ kind: 'start', blockId: 4, key: 'b4', at: at('09:30') }, { kind: 'pause', at: at('09:50') }])).toEqual({ blockId: 4, isRunning: false });
  });
});
