import { describe, expect, it } from 'vitest';
import { hashForSubject, screenForSubject } from './subject-route';

describe('screenForSubject: a reminder click goes to what it is about', () => {
  it.each([
    ['block:orders', 'today', {}, '#/today'],
    ['order:6919000000000000001', 'today', {}, '#/today'],
    ['day:2026-09-09', 'today', {}, '#/today'],
    ['slot:09:00', 'sourcing', {}, '#/sourcing'],
    ['orders:overdue', 'reminders', { list: 'overdue' }, '#/reminders?list=overdue'],
    ['orders:other', 'reminders', {}, '#/reminders'],
    ['money:deposit', 'money', {}, '#/money'],
    ['money:2026-09-10', 'money', {}, '#/money'],
    ['supplier:12', 'suppliers', { supplier: '12' }, '#/suppliers?supplier=12'],
    ['supplier:', 'suppliers', {}, '#/suppliers'],
    ['supplier:12&x=1', 'suppliers', {}, '#/suppliers'],
    ['supplier:0', 'suppliers', {}, '#/suppliers'],
    ['unknown', 'today', {}, '#/today'],
    ['', 'today', {}, '#/today'],
  ])('%j → %s %j (%s)', (subject, screen, params, hash) => {
    expect(screenForSubject(subject)).toEqual({ screen, params });
    expect(hashForSubject(subject)).toBe(hash);
  });
});
