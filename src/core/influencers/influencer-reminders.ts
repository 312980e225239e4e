import type { Kysely } from 'kysely';
import { addDays, chinaDate, chinaInstant } from '../../shared/domain/china-time';
import type { SampleState } from '../../shared/domain/influencer-pipeline';
import { sampleDue, type SampleSettings } from '../../shared/domain/sample-rules';
import type { PlannedReminder } from '../reminders/planned-reminder';
import type { InfluencerDatabase } from './influencer-schema';
import { readInfluencerSettings } from './influencer-settings';

/*
 * The CRM's reminders: a follow-up on an influencer's next contact date (kind `influencer`) and the
 * sample rules (kind `sample`: not signed N days after sending, content not delivered by its due
 * date). Due at 09:00 China time of the day, like the money reminders: a working morning.
 */

export type InfluencerReminderFacts = {
  settings: SampleSettings;
  followUps: { id: number; nickname: string; on: string }[];
  samples: { id: number; nickname: string; product: string; state: SampleState; sentOn: string | null; signedOn: string | null; contentDueOn: string | null; trackingNo: string }[];
};

const MORNING = '09:00';

export async function loadInfluencerReminderFacts<D>(db: Kysely<D>, now: Date): Promise<InfluencerReminderFacts> {
  const idb = db as unknown as Kysely<InfluencerDatabase>;
  const settings = await readInfluencerSettings(idb);
  // Up to tomorrow, so the centre shows what comes next; later ones are planned when their day nears.
  const horizon = chinaDate(new Date(now.getTime() + 86400_000));
  const followUps = await idb.selectFrom('influencers').select(['id', 'nickname', 'next_contact_on']).where('next_contact_on', 'is not', null).where('next_contact_on', '<=', horizon).where('stage', '<>', 'unfit').execute();
  const samples = await idb
    .selectFrom('samples')
    .innerJoin('influencers', 'influencers.id', 'samples.influencer_id')
    .select(['samples.id', 'influencers.nickname', 'samples.product_title', 'samples.state', 'samples.sent_on', 'samples.signed_on', 'samples.content_due_on', 'samples.tracking_no'])
    .where('samples.state', 'in', ['sent', 'signed'])
    .execute();
  return {
    settings,
    followUps: followUps.map((f) => ({ id: f.id, nickname: f.nickname, on: f.next_contact_on! })),
    samples: samples.map((s) => ({ id: s.id, nickname: s.nickname, product: s.product_title, state: s.state as SampleState, sentOn: s.sent_on, signedOn: s.signed_on, contentDueOn: s.content_due_on, trackingNo: s.tracking_no })),
  };
}

/** Pure: the reminders of the facts. A key holds the day it is about, so a new date reminds again. */
export function planInfluencerReminders(facts: InfluencerReminderFacts): PlannedReminder[] {
  const out: PlannedReminder[] = facts.followUps.map((f) => ({
    key: `influencer.followUp:${f.id}:${f.on}`,
    kind: 'influencer',
    dueAt: chinaInstant(f.on, MORNING),
    expiresAt: null,
    subject: `influencer:${f.id}`,
    params: { nickname: f.nickname, on: f.on },
  }));
  for (const s of facts.samples) {
    const due = sampleDue({ id: s.id, state: s.state, sentOn: s.sentOn, signedOn: s.signedOn, contentDueOn: s.contentDueOn, costFen: 0, freightFen: 0 }, facts.settings);
    if (due === null) continue;
    const about = due.rule === 'unsigned' ? (s.sentOn ?? '') : addDays(due.dueOn, -1);
    out.push({
      key: `sample.${due.rule}:${s.id}:${about}`,
      kind: 'sample',
      dueAt: chinaInstant(due.dueOn, MORNING),
      expiresAt: null,
      subject: `sample:${s.id}`,
      params: {
        rule: due.rule,
        nickname: s.nickname,
        product: s.product,
        on: about,
        days: facts.settings.unsignedDays,
        tracking: s.trackingNo === '' ? '—' : s.trackingNo,
      },
    });
  }
  return out;
}
