import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../shared/rpc/domains/reminders';
import { notificationsFor } from './scheduler';

const reminder = (kind: Reminder['kind'], n: number): Reminder => ({
  key: `${kind}:o${n}`,
  kind,
  dueAt: '2026-09-10T01:00:00.000Z',
  subject: `order:o${n}`,
  params: { orderId: `o${n}`, product: '杯', shipBy: '09-10 09:00', hours: 24 },
  title: `t${n}`,
  body: `b${n}`,
});

describe('notificationsFor', () => {
  it('one per reminder, kinds in first-seen order; several of a kind make one with a count; a group of due orders opens that queue on the orders screen', () => {
    // Overdue orders are already one reminder per day (rules.ts); several shipDue of one check make one notification.
    const fired = [reminder('orders.shipDue', 1), reminder('orders.shipOverdue', 2), reminder('orders.shipDue', 3)];
    const notes = notificationsFor(fired, 'en-US');
    expect(notes.map((n) => [n.key, n.subject])).toEqual([
      ['reminders:orders.shipDue', 'orders:due24h'],
      ['orders.shipOverdue:o2', 'order:o2'],
    ]);
    expect(notes[0]?.title).toContain('2');
  });

  it('groups 100k fired together (an import of a big backlog) into one per kind', () => {
    const fired = Array.from({ length: 100_000 }, (_, i) => reminder(i % 2 ? 'orders.shipDue' : 'orders.shipOverdue', i));
    const notes = notificationsFor(fired, 'zh-CN');
    // Overdue reminders come one per day, so they are never grouped; 50,000 shipDue make one.
    expect(notes.filter((n) => n.key === 'reminders:orders.shipDue')).toHaveLength(1);
    expect(notes).toHaveLength(50_001);
    expect(notes.find((n) => n.key === 'reminders:orders.shipDue')?.title).toContain('50000');
  });
});
