import { describe, expect, it } from 'vitest';
import { campaignName, platformCampaignSeeds, yearsToSeed } from './campaign-calendar';

describe('platformCampaignSeeds', () => {
  // DOMAIN.md block 6 (seed 000): "除了常规的618、双11、双12，运营还需要及时关注一些日常的活动。比如三八妇女节、818好物节、七夕节等等。"
  it('holds the campaigns the source names, with 年货节, by run start (七夕 moves with the lunar calendar)', () => {
    const seeds = platformCampaignSeeds(2026);
    expect(seeds.map((s) => s.seedKey)).toEqual(['nianhuo', 'women', '618', '818', 'qixi', 'double11', 'double12']);
    expect(seeds.map((s) => s.runStart)).toEqual([...seeds.map((s) => s.runStart)].sort());
  });

  it('follows the lunar calendar: 年货节 ends before 春节, 七夕 ends on lunar 7/7', () => {
    // 春节 2026-02-17, 七夕 2026-08-19; 2027: 02-06 and 08-08.
    const of = (year: number, key: string) => platformCampaignSeeds(year).find((s) => s.seedKey === key);
    expect(of(2026, 'nianhuo')).toMatchObject({ runStart: '2026-01-22', runEnd: '2026-02-12' });
    expect(of(2026, 'qixi')).toMatchObject({ runStart: '2026-08-12', runEnd: '2026-08-19' });
    expect(of(2027, 'qixi')?.runEnd).toBe('2027-08-08');
    expect(of(2026, '618')).toMatchObject({ runStart: '2026-05-25', runEnd: '2026-06-18', signupStart: '2026-04-25', signupDeadline: '2026-05-15' });
  });

  it('every sign-up opens before it closes, and closes before the run starts', () => {
    for (const year of [2025, 2026, 2027, 2030]) {
      for (const s of platformCampaignSeeds(year)) {
        expect(s.signupStart < s.signupDeadline && s.signupDeadline < s.runStart && s.runStart <= s.runEnd).toBe(true);
      }
    }
  });

  it.each([
    ['2026-01-15', [2026]],
    ['2026-09-30', [2026]],
    ['2026-10-01', [2026, 2027]],
    ['2026-12-31', [2026, 2027]],
  ])('on %s seeds %j', (today, years) => expect(yearsToSeed(today)).toEqual(years));
});

describe('campaignName', () => {
  it('shows a seeded name in the reader’s language until the seller renames it', () => {
    const seeded = { name: '2026 618 好物节', seedKey: '618', year: 2026 };
    expect(campaignName(seeded, 'en-US')).toBe('2026 618 Shopping Festival');
    expect(campaignName(seeded, 'zh-CN')).toBe('2026 618 好物节');
    expect(campaignName({ ...seeded, name: '618 主会场' }, 'en-US')).toBe('618 主会场');
    expect(campaignName({ name: '店庆', seedKey: null, year: 2026 }, 'en-US')).toBe('店庆');
  });
});
