import { describe, expect, it } from 'vitest';
import { planCampaignReminders, type CampaignReminderFact } from './campaign-reminders';

const campaign = (over: Partial<CampaignReminderFact> = {}): CampaignReminderFact => ({
  id: 7,
  name: '2026 618 好物节',
  seedKey: '618',
  year: 2026,
  origin: 'platform',
  status: 'planned',
  signupStart: '2026-04-25',
  signupDeadline: '2026-05-15',
  runStart: '2026-05-25',
  runEnd: '2026-06-18',
  ...over,
});

const at = (plans: ReturnType<typeof planCampaignReminders>) => plans.map((p) => [p.key, p.dueAt.toISOString(), p.expiresAt?.toISOString()]);

describe('planCampaignReminders', () => {
  // DOMAIN.md block 6 (seed 000): "能报名的活动你都可以尽力去报名" — the deadline is what gets missed.
  it('reminds of a sign-up deadline `lead` days before, at 09:00 China time, until the deadline day ends', () => {
    expect(at(planCampaignReminders({ signupLeadDays: 3, campaigns: [campaign()] }))).toEqual([
      // 2026-05-12 09:00 +08:00 = 01:00Z; the deadline day ends 2026-05-16 00:00 +08:00.
      ['campaign:7:signupDeadline:2026-05-15', '2026-05-12T01:00:00.000Z', '2026-05-15T16:00:00.000Z'],
    ]);
    expect(at(planCampaignReminders({ signupLeadDays: 0, campaigns: [campaign()] }))[0]?.[1]).toBe('2026-05-15T01:00:00.000Z');
  });

  it('never before sign-up opens, and within the deadline day when the lead reaches past it', () => {
    expect(at(planCampaignReminders({ signupLeadDays: 30, campaigns: [campaign()] }))[0]?.[1]).toBe('2026-04-25T01:00:00.000Z');
    expect(at(planCampaignReminders({ signupLeadDays: 0, campaigns: [campaign({ signupStart: '2026-05-15' })] }))[0]?.[1]).toBe('2026-05-15T01:00:00.000Z');
  });

  it('at the start and the end of a campaign taken part in (China days), not the deadline any more', () => {
    const plans = planCampaignReminders({ signupLeadDays: 3, campaigns: [campaign({ status: 'signedUp' })] });
    expect(at(plans)).toEqual([
      ['campaign:7:start:2026-05-25', '2026-05-24T16:00:00.000Z', '2026-05-25T16:00:00.000Z'],
      ['campaign:7:end:2026-06-18', '2026-06-18T16:00:00.000Z', '2026-06-19T16:00:00.000Z'],
    ]);
    expect(plans.every((p) => p.kind === 'campaign' && p.subject === 'campaign:7')).toBe(true);
    expect(plans[0]?.params).toMatchObject({ event: 'start', campaign: '2026 618 好物节', runStart: '2026-05-25', runEnd: '2026-06-18' });
  });

  it('the seller’s own campaign has no sign-up, only start and end; a skipped or unsigned one has no start or end', () => {
    const own = campaign({ id: 8, origin: 'own', signupStart: null, signupDeadline: null });
    expect(planCampaignReminders({ signupLeadDays: 3, campaigns: [own] }).map((p) => p.params.event)).toEqual(['start', 'end']);
    expect(planCampaignReminders({ signupLeadDays: 3, campaigns: [campaign({ status: 'skipped' })] })).toEqual([]);
    expect(planCampaignReminders({ signupLeadDays: 3, campaigns: [campaign({ signupDeadline: null })] })).toEqual([]);
  });

  it('moving the deadline gives a new key, so the new date reminds again', () => {
    const before = planCampaignReminders({ signupLeadDays: 3, campaigns: [campaign()] })[0]?.key;
    const after = planCampaignReminders({ signupLeadDays: 3, campaigns: [campaign({ signupDeadline: '2026-05-18' })] })[0]?.key;
    expect(before).not.toBe(after);
  });
});
