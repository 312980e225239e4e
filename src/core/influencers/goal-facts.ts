import type { Kysely } from 'kysely';
import { goalProgress, type GoalProgress } from '../../shared/domain/influencer-goal';
import type { SampleState } from '../../shared/domain/influencer-pipeline';
import { isSampleLate } from '../../shared/domain/sample-rules';
import type { InfluencerDatabase } from './influencer-schema';
import { readInfluencerSettings } from './influencer-settings';

/** Today's new influencers against the goal, for Today's 联系达人 block, the tray and `influencers.goal`. */
export async function loadGoalProgress<D>(db: Kysely<D>, today: string): Promise<GoalProgress> {
  const idb = db as unknown as Kysely<InfluencerDatabase>;
  const [settings, rows] = await Promise.all([
    readInfluencerSettings(idb),
    idb.selectFrom('influencers').select(['added_on', (eb) => eb.fn.countAll<number>().as('n')]).where('added_on', 'is not', null).groupBy('added_on').execute(),
  ]);
  return goalProgress(new Map(rows.map((r) => [r.added_on!, Number(r.n)])), today, settings.dailyGoal);
}

/** What Today's 联系达人 block shows: the goal, follow-ups due today or earlier, and samples running late. */
export type InfluencerQueueFacts = { goal: GoalProgress; followUps: { id: number; nickname: string; on: string }[]; lateSamples: number };

export async function loadInfluencerQueue<D>(db: Kysely<D>, today: string): Promise<InfluencerQueueFacts> {
  const idb = db as unknown as Kysely<InfluencerDatabase>;
  const settings = await readInfluencerSettings(idb);
  const [goal, followUps, samples] = await Promise.all([
    loadGoalProgress(db, today),
    idb.selectFrom('influencers').select(['id', 'nickname', 'next_contact_on']).where('next_contact_on', '<=', today).where('stage', '<>', 'unfit').orderBy('next_contact_on').orderBy('id').execute(),
    idb.selectFrom('samples').select(['id', 'state', 'sent_on', 'signed_on', 'content_due_on']).where('state', 'in', ['sent', 'signed']).execute(),
  ]);
  const lateSamples = samples.filter((s) => isSampleLate({ id: s.id, state: s.state as SampleState, sentOn: s.sent_on, signedOn: s.signed_on, contentDueOn: s.content_due_on, costFen: 0, freightFen: 0 }, settings, today) !== null).length;
  return { goal, followUps: followUps.map((f) => ({ id: f.id, nickname: f.nickname, on: f.next_contact_on! })), lateSamples };
}
