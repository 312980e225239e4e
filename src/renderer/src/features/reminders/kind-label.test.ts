import { describe, expect, it } from 'vitest';
import { REMINDER_KINDS } from '../../../../shared/rpc/domains/reminders';
import { remindersEn, remindersZh } from './messages';
import { kindLabelKey } from './kind-label';

describe('kindLabelKey', () => {
  it('names every reminder kind in both languages', () => {
    for (const kind of REMINDER_KINDS) {
      const key = kindLabelKey(kind).split('.').at(-1) as keyof typeof remindersZh.settings.kind;
      expect(key, kind).not.toBe('other');
      expect(remindersZh.settings.kind[key]).toMatch(/[\u4e00-\u9fff]/);
      expect(remindersEn.settings.kind[key]).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('falls back for a kind without a label', () => {
    expect(kindLabelKey('campaign.deadline')).toBe('reminders.settings.kind.other');
  });
});
