import { describe, expect, it } from 'vitest';
import { isQuiet, reminderState, selectToFire, snoozeUntil, type LogEntry } from './policy';
import type { PlannedReminder } from './planned-reminder';

const at = (iso: string) => new Date(iso);
const quiet = { isEnabled: true, start: '22:00', end: '08:00' };

describe('quiet hours (China time)', () => {
  it.each([
    ['21:59', '2026-09-10T13:59:00Z', false],
    ['22:00', '2026-09-10T14:00:00Z', true],
    ['03:00', '2026-09-10T19:00:00Z', true],
    ['07:59', '2026-09-10T23:59:00Z', true],
    ['08:00', '2026-09-11T00:00:00Z', false],
  ])('%s is quiet: %s', (_clock, now, expected) => {
    expect(isQuiet(at(now), quiet)).toBe(expected);
  });

  it('within one day, off, and equal times', () => {
    expect(isQuiet(at('2026-09-10T05:00:00Z'), { isEnabled: true, start: '12:00', end: '14:00' })).toBe(true);
    expect(isQuiet(at('2026-09-10T14:00:00Z'), { ...quiet, isEnabled: false })).toBe(false);
    expect(isQuiet(at('2026-09-10T14:00:00Z'), { isEnabled: true, start: '22:00', end: '22:00' })).toBe(false);
  });
});

describe('snoozeUntil', () => {
  it.each([
    ['10m', '2026-09-10T04:10:00.000Z'],
    ['1h', '2026-09-10T05:00:00.000Z'],
    ['tomorrow', '2026-09-11T01:00:00.000Z'],
  ] as const)('%s', (choice, expected) => {
    expect(snoozeUntil(choice, at('2026-09-10T04:00:00Z')).toISOString()).toBe(expected);
  });

  it('tomorrow is the next China day also late in the UTC day', () => {
    expect(snoozeUntil('tomorrow', at('2026-09-10T17:00:00Z')).toISOString()).toBe('2026-09-12T01:00:00.000Z');
  });
});

describe('selectToFire: each once, again after a snooze, never after a dismissal, not in quiet hours', () => {
  const r = (key: string): PlannedReminder => ({ key, kind: 'listing.slot', dueAt: at('2026-09-10T01:00:00Z'), expiresAt: null, subject: 'slot:09:00', params: {} });
  const now = at('2026-09-10T02:00:00Z');
  const entry = (patch: Partial<LogEntry>): LogEntry => ({ key: 'k', firedAt: null, snoozedUntil: null, dismissedAt: null, ...patch });
  it.each([
    ['never fired', undefined, true],
    ['fired before', entry({ firedAt: at('2026-09-10T01:00:00Z') }), false],
    ['snoozed, not yet over', entry({ firedAt: at('2026-09-10T01:00:00Z'), snoozedUntil: at('2026-09-10T02:10:00Z') }), false],
    ['snooze over', entry({ firedAt: at('2026-09-10T01:00:00Z'), snoozedUntil: at('2026-09-10T02:00:00Z') }), true],
    ['dismissed', entry({ dismissedAt: at('2026-09-10T01:30:00Z') }), false],
    ['snoozed before it ever fired, over now', entry({ snoozedUntil: at('2026-09-10T01:30:00Z') }), true],
  ])('%s → %s', (_name, log, expected) => {
    const map = new Map(log ? [['k', log]] : []);
    expect(selectToFire([r('k')], map, now, false).length === 1).toBe(expected);
  });

  it('holds everything during quiet hours', () => {
    expect(selectToFire([r('k')], new Map(), now, true)).toEqual([]);
  });

  it('places reminders in the centre', () => {
    const due = r('k');
    expect(reminderState(due, undefined, now)).toBe('due');
    expect(reminderState({ ...due, dueAt: at('2026-09-10T03:00:00Z') }, undefined, now)).toBe('upcoming');
    expect(reminderState(due, entry({ firedAt: now }), now)).toBe('fired');
    expect(reminderState(due, entry({ firedAt: now, snoozedUntil: at('2026-09-10T03:00:00Z') }), now)).toBe('snoozed');
    expect(reminderState(due, entry({ dismissedAt: now }), now)).toBe('dismissed');
  });
});
