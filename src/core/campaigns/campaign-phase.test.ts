import { describe, expect, it } from 'vitest';
import { campaignDateIssues, campaignPhase, daysToDeadline, isSignupOpen, type CampaignDays } from './campaign-phase';

const c = (over: Partial<CampaignDays> = {}): CampaignDays => ({
  origin: 'platform',
  status: 'planned',
  signupStart: '2026-04-25',
  signupDeadline: '2026-05-15',
  runStart: '2026-05-25',
  runEnd: '2026-06-18',
  ...over,
});

describe('campaign phase (China days)', () => {
  it.each([
    ['2026-04-24', 'upcoming', false],
    ['2026-04-25', 'signupOpen', true],
    ['2026-05-15', 'signupOpen', true],
    ['2026-05-16', 'signupClosed', false],
    ['2026-05-25', 'running', false],
    ['2026-06-18', 'running', false],
    ['2026-06-19', 'ended', false],
  ])('on %s: %s, open %s', (today, phase, open) => {
    expect(campaignPhase(c(), today)).toBe(phase);
    expect(isSignupOpen(c(), today)).toBe(open);
  });

  it('is not open once signed up or skipped, nor for the seller’s own campaigns', () => {
    expect(isSignupOpen(c({ status: 'signedUp' }), '2026-05-01')).toBe(false);
    expect(isSignupOpen(c({ status: 'skipped' }), '2026-05-01')).toBe(false);
    expect(isSignupOpen(c({ origin: 'own', signupStart: null, signupDeadline: null }), '2026-05-01')).toBe(false);
  });

  it('counts whole days to the deadline', () => {
    expect(daysToDeadline(c(), '2026-05-12')).toBe(3);
    expect(daysToDeadline(c(), '2026-05-15')).toBe(0);
    expect(daysToDeadline(c({ signupDeadline: null }), '2026-05-15')).toBeNull();
  });

  it('refuses an end before its start on the end, naming the field', () => {
    expect(campaignDateIssues(c({ runEnd: '2026-05-24' }), 'patch.')).toEqual([
      { path: 'patch.runEnd', field: 'campaignRunEnd', problem: 'beforeStart', message: 'Campaign end must not be before campaign start' },
    ]);
    expect(campaignDateIssues(c({ signupDeadline: '2026-04-24' }), '').map((i) => [i.path, i.field])).toEqual([['signupDeadline', 'campaignSignupDeadline']]);
    expect(campaignDateIssues(c({ runEnd: '2026-05-25' }), '')).toEqual([]);
  });
});
