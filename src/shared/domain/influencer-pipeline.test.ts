import { describe, expect, it } from 'vitest';
import { checkSampleMove, describeSampleRefusal, SAMPLE_STATES, SAMPLE_TRANSITIONS } from './influencer-pipeline';

/* Issue 13: "states 待寄 → 已寄出 → 已签收 → 已出内容 / 未出内容". */
describe('sample state machine', () => {
  it.each([
    ['to_send', 'sent', '', null],
    ['sent', 'signed', '', null],
    ['signed', 'content', 'https://v.douyin.com/abc/', null],
    ['signed', 'no_content', '', null],
    ['no_content', 'content', 'https://v.douyin.com/abc/', null],
    ['signed', 'content', '  ', 'link_required'],
    ['to_send', 'signed', '', 'illegal_transition'],
    ['to_send', 'content', 'x', 'illegal_transition'],
    ['content', 'no_content', '', 'illegal_transition'],
    ['sent', 'sent', '', 'same_state'],
  ] as const)('%s → %s', (from, to, link, refusal) => expect(checkSampleMove(from, to, link)).toBe(refusal));

  it('every state’s moves are states', () => {
    for (const s of SAMPLE_STATES) for (const t of SAMPLE_TRANSITIONS[s]) expect(SAMPLE_STATES).toContain(t);
  });

  it('says the refusal in both languages with what is allowed', () => {
    expect(describeSampleRefusal('illegal_transition', 'to_send', 'signed', 'zh')).toBe('样品不能从「待寄」改为「已签收」（可改为：已寄出）');
    expect(describeSampleRefusal('illegal_transition', 'to_send', 'signed', 'en')).toBe('A sample cannot move from “To send” to “Signed for” (allowed: Sent)');
  });
});
