import { describe, expect, it } from 'vitest';
import { screenForSubject } from './subject-route';

describe('screenForSubject: a reminder click goes to what it is about', () => {
  it.each([
    ['block:orders', 'today'],
    ['order:6919000000000000001', 'today'],
    ['day:2026-09-09', 'today'],
    ['slot:09:00', 'sourcing'],
    ['money:deposit', 'money'],
    ['unknown', 'today'],
  ])('%s → %s', (subject, screen) => {
    expect(screenForSubject(subject)).toBe(screen);
  });
});
