import { describe, expect, it } from 'vitest';
import type { SampleState } from './influencer-pipeline';
import { DEFAULT_SAMPLE_SETTINGS, isSampleLate, sampleDue, sampleRoiBp, sampleScore, type SampleFacts } from './sample-rules';

/*
 * Issue 13: "Reminders: not signed for 5 days after sending; content not delivered by its due date."
 * "履约率 (samples with content / samples signed), sample cost vs attributed sales since the first
 * sample (ROI)". The 5 days and the content window are settings (DEFAULT_SAMPLE_SETTINGS).
 */
const sample = (state: SampleState, over: Partial<SampleFacts> = {}): SampleFacts => ({ id: 1, state, sentOn: null, signedOn: null, contentDueOn: null, costFen: 0, freightFen: 0, ...over });
const S = DEFAULT_SAMPLE_SETTINGS;

describe('sample reminders', () => {
  it.each([
    ['sent on the 1st: late from the 6th (5 days)', sample('sent', { sentOn: '2026-12-01' }), '2026-12-05', null],
    ['sent on the 1st, on the 6th', sample('sent', { sentOn: '2026-12-01' }), '2026-12-06', { rule: 'unsigned', dueOn: '2026-12-06' }],
    ['signed, own due date the 10th: not late on the 10th', sample('signed', { sentOn: '2026-12-01', signedOn: '2026-12-03', contentDueOn: '2026-12-10' }), '2026-12-10', null],
    ['signed, own due date the 10th: late on the 11th', sample('signed', { signedOn: '2026-12-03', contentDueOn: '2026-12-10' }), '2026-12-11', { rule: 'contentDue', dueOn: '2026-12-11' }],
    ['signed without a due date: signed + 7 days', sample('signed', { signedOn: '2026-12-03' }), '2026-12-11', { rule: 'contentDue', dueOn: '2026-12-11' }],
    ['content delivered: nothing awaited', sample('content', { signedOn: '2026-12-03' }), '2027-01-01', null],
    ['to send: nothing awaited', sample('to_send'), '2027-01-01', null],
  ] as const)('%s', (_label, s, today, expected) => {
    expect(isSampleLate(s, S, today)).toEqual(expected === null ? null : { sampleId: 1, ...expected });
  });

  it('the unsigned window is editable', () => {
    expect(sampleDue(sample('sent', { sentOn: '2026-12-01' }), { ...S, unsignedDays: 3 })).toEqual({ sampleId: 1, rule: 'unsigned', dueOn: '2026-12-04' });
  });
});

describe('履约率, cost and ROI in fen', () => {
  const samples = [
    sample('content', { sentOn: '2026-11-02', signedOn: '2026-11-05', costFen: 1990, freightFen: 800 }),
    sample('no_content', { sentOn: '2026-11-10', signedOn: '2026-11-12', costFen: 2350, freightFen: 600 }),
    sample('signed', { sentOn: '2026-11-20', signedOn: '2026-11-22', costFen: 1000, freightFen: 0 }),
    sample('sent', { sentOn: '2026-12-01', costFen: 500, freightFen: 500 }),
    sample('to_send', { costFen: 9999 }),
  ];
  it('counts samples that left, were signed, brought content', () => {
    const score = sampleScore(samples, S, '2026-12-06');
    expect(score).toMatchObject({ sent: 4, signed: 3, withContent: 1, firstSentOn: '2026-11-02' });
    // 1 / 3 = 33.33 %, rounded down to the bp.
    expect(score.fulfilmentBp).toBe(3333);
    // 1990 + 800 + 2350 + 600 + 1000 + 0 + 500 + 500; the sample still to send costs nothing yet.
    expect(score.costFen).toBe(7740);
    // Signed 15+ days ago without content: the 11-12 one (24 days), not the 11-22 one (14 days).
    expect(score.overdueWithoutContent).toBe(1);
  });
  it('no signed sample: no 履约率', () => expect(sampleScore([sample('sent', { sentOn: '2026-12-01' })], S, '2026-12-02').fulfilmentBp).toBeNull());
  it.each([
    [23_220, 7740, 30_000],
    [1, 3, 3333],
    [0, 7740, 0],
    [5000, 0, null],
  ])('ROI of ¥%d fen sales over %d fen cost = %s bp', (sales, cost, roi) => expect(sampleRoiBp(sales, cost)).toBe(roi));
});
