import { addDays, daysBetween } from './china-time';
import type { SampleState } from './influencer-pipeline';

/*
 * The sample (寄样) ledger's rules, pure; dates are China dates, money integer fen.
 * Issue 13: "Reminders: not signed for 5 days after sending; content not delivered by its due date."
 * "Per influencer: 履约率 (samples with content / samples signed), sample cost vs attributed sales since
 * the first sample (ROI), and a flag for 'samples taken, no content' past a threshold."
 */

export type SampleSettings = {
  /** Days after sending without a signature before a reminder (issue 13: 5). */
  unsignedDays: number;
  /** Content due this many days after signing when the sample has no due date of its own. */
  contentDueDays: number;
  /** A sample signed this many days ago or more, still without content, flags its influencer. */
  noContentFlagDays: number;
};

export const DEFAULT_SAMPLE_SETTINGS: SampleSettings = { unsignedDays: 5, contentDueDays: 7, noContentFlagDays: 15 };

export type SampleFacts = {
  id: number;
  state: SampleState;
  sentOn: string | null;
  signedOn: string | null;
  contentDueOn: string | null;
  costFen: number;
  freightFen: number;
};

export type SampleDue = { sampleId: number; rule: 'unsigned' | 'contentDue'; dueOn: string };

/** The content due date: the sample's own, else signed + contentDueDays; null before signing. */
export const contentDueOf = (s: SampleFacts, settings: SampleSettings): string | null =>
  s.contentDueOn ?? (s.signedOn === null ? null : addDays(s.signedOn, settings.contentDueDays));

/**
 * What a sample is waiting for and from which day it is late: a sent parcel not signed for
 * `unsignedDays` days, or a signed sample without content by its due date (due the day after it).
 */
export function sampleDue(s: SampleFacts, settings: SampleSettings): SampleDue | null {
  if (s.state === 'sent' && s.sentOn !== null) return { sampleId: s.id, rule: 'unsigned', dueOn: addDays(s.sentOn, settings.unsignedDays) };
  if (s.state === 'signed') {
    const due = contentDueOf(s, settings);
    if (due !== null) return { sampleId: s.id, rule: 'contentDue', dueOn: addDays(due, 1) };
  }
  return null;
}

/** Due on or before `today`. */
export const isSampleLate = (s: SampleFacts, settings: SampleSettings, today: string): SampleDue | null => {
  const due = sampleDue(s, settings);
  return due !== null && due.dueOn <= today ? due : null;
};

export type SampleScore = {
  sent: number;
  signed: number;
  withContent: number;
  /** withContent / signed in bp, rounded down; null before any sample was signed. */
  fulfilmentBp: number | null;
  /** cost + freight of every sample that left (sent or later), fen. */
  costFen: number;
  firstSentOn: string | null;
  /** Samples signed `noContentFlagDays` or more ago that still have no content. */
  overdueWithoutContent: number;
};

const LEFT: ReadonlySet<SampleState> = new Set(['sent', 'signed', 'content', 'no_content']);
const SIGNED: ReadonlySet<SampleState> = new Set(['signed', 'content', 'no_content']);

export function sampleScore(samples: readonly SampleFacts[], settings: SampleSettings, today: string): SampleScore {
  let sent = 0;
  let signed = 0;
  let withContent = 0;
  let costFen = 0;
  let firstSentOn: string | null = null;
  let overdueWithoutContent = 0;
  for (const s of samples) {
    if (LEFT.has(s.state)) {
      sent += 1;
      costFen += s.costFen + s.freightFen;
      if (s.sentOn !== null && (firstSentOn === null || s.sentOn < firstSentOn)) firstSentOn = s.sentOn;
    }
    if (SIGNED.has(s.state)) signed += 1;
    if (s.state === 'content') withContent += 1;
    if ((s.state === 'signed' || s.state === 'no_content') && s.signedOn !== null && daysBetween(s.signedOn, today) >= settings.noContentFlagDays) overdueWithoutContent += 1;
  }
  return { sent, signed, withContent, fulfilmentBp: signed === 0 ? null : Math.floor((withContent * 10_000) / signed), costFen, firstSentOn, overdueWithoutContent };
}

/**
 * ROI as the Douyin back office states it (成交金额 / 花费, e.g. 千川's 支付ROI): attributed sales since
 * the first sample over what the samples cost, in bp rounded down (15 000 = 1.5); null without cost.
 */
export const sampleRoiBp = (salesFen: number, costFen: number): number | null => (costFen <= 0 ? null : Math.floor((salesFen * 10_000) / costFen));
