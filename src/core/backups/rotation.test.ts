import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_KINDS, type BackupKind } from '../../shared/rpc/contract';
import { chinaDate } from '../../shared/domain/china-time';
import { DEFAULT_ROTATION, backupsToKeep, type RotationPolicy } from './rotation';

type Dated = { id: string; kind: BackupKind; createdAt: Date };

const at = (iso: string, kind: BackupKind = 'daily'): Dated => ({ id: `${kind}@${iso}`, kind, createdAt: new Date(iso) });

/** One daily backup at 10:00 China time (02:00 UTC) on each day from `first` to `last`, inclusive. */
const everyDay = (first: string, last: string): Dated[] => {
  const out: Dated[] = [];
  for (let d = new Date(`${first}T02:00:00.000Z`); d <= new Date(`${last}T02:00:00.000Z`); d = new Date(d.getTime() + 86400_000)) {
    out.push(at(d.toISOString()));
  }
  return out;
};

const keptDays = (list: Dated[], policy?: RotationPolicy) => {
  const kept = backupsToKeep(list, policy);
  return list
    .filter((b) => kept.has(b.id))
    .map((b) => chinaDate(b.createdAt))
    .sort();
};

const manyOfKind = (kind: BackupKind, count: number): Dated[] =>
  Array.from({ length: count }, (_, i) => at(`2026-11-${String(i + 1).padStart(2, '0')}T04:00:00.000Z`, kind));

describe('backupsToKeep: the policy, case by case', () => {
  it('keeps nothing of nothing', () => {
    expect(backupsToKeep([]).size).toBe(0);
  });

  it('keeps only the newest of two daily backups on the same China day', () => {
    const list = [at('2026-11-10T16:00:00.000Z'), at('2026-11-11T15:59:59.000Z')]; // both China 11-11
    expect([...backupsToKeep(list)]).toEqual(['daily@2026-11-11T15:59:59.000Z']);
  });

  it('counts days in China time: 23:59 and 00:00 China on either side of UTC 16:00 are two days', () => {
    const list = [at('2026-11-10T15:59:59.000Z'), at('2026-11-10T16:00:00.000Z')]; // China 11-10 23:59, 11-11 00:00
    expect(backupsToKeep(list).size).toBe(2);
  });

  it('30 days: the last 7 days, then the newest of each of the 4 newest China weeks (Monday start)', () => {
    // 2026-11-02, 09, 16, 23, 30 are Mondays.
    expect(keptDays(everyDay('2026-11-01', '2026-11-30'))).toEqual([
      '2026-11-15', // week of 11-09
      '2026-11-22', // week of 11-16
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29', // also the newest of the week of 11-23
      '2026-11-30', // also this week's and this month's
    ]);
  });

  it('14 months: adds the newest of each of the 12 newest China months and drops the rest', () => {
    const kept = keptDays(everyDay('2025-10-01', '2026-11-30'));
    expect(kept).toEqual([
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-15',
      '2026-11-22',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
    ]);
  });

  it('counts buckets that hold backups, not calendar distance: a long break empties nothing', () => {
    const list = [at('2025-01-05T02:00:00.000Z'), at('2026-11-30T02:00:00.000Z')];
    expect(backupsToKeep(list).size).toBe(2);
  });

  it.each(['manual', 'pre-migration', 'pre-restore', 'pre-import', 'pre-undo'] as const)('keeps the newest 10 %s backups', (kind) => {
    const list = manyOfKind(kind, 15);
    const kept = backupsToKeep(list);
    expect(list.filter((b) => kept.has(b.id)).map((b) => b.createdAt.getUTCDate())).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('counts each operation kind separately and never lets them push out daily backups', () => {
    const list = [...manyOfKind('manual', 12), ...manyOfKind('pre-import', 12), ...everyDay('2026-11-20', '2026-11-22')];
    const kept = backupsToKeep(list);
    expect(list.filter((b) => kept.has(b.id) && b.kind === 'manual')).toHaveLength(10);
    expect(list.filter((b) => kept.has(b.id) && b.kind === 'pre-import')).toHaveLength(10);
    expect(list.filter((b) => kept.has(b.id) && b.kind === 'daily')).toHaveLength(3);
  });

  it('keeps the newest backup even when every limit is 0', () => {
    const list = [...everyDay('2026-11-01', '2026-11-03'), at('2026-11-03T09:00:00.000Z', 'manual')];
    expect([...backupsToKeep(list, { daily: 0, weekly: 0, monthly: 0, perOperationKind: 0 })]).toEqual(['manual@2026-11-03T09:00:00.000Z']);
  });

  it('uses 7 daily, 4 weekly, 12 monthly and 10 per operation kind by default', () => {
    expect(DEFAULT_ROTATION).toEqual({ daily: 7, weekly: 4, monthly: 12, perOperationKind: 10 });
  });
});

// 2024-01-01 … 2027-12-31, to the millisecond; many land on the same day, week or month.
const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) });
const backupList = fc
  .array(fc.record({ kind: fc.constantFrom(...BACKUP_KINDS), ms: instant }), { maxLength: 120 })
  .map((rows) => rows.map((r, i): Dated => ({ id: `b${String(i).padStart(3, '0')}`, kind: r.kind, createdAt: new Date(r.ms) })));
const policies = fc.oneof(
  fc.constant(DEFAULT_ROTATION),
  fc.record({ daily: fc.nat(8), weekly: fc.nat(5), monthly: fc.nat(13), perOperationKind: fc.nat(11) }),
);

const newestFirst = (list: Dated[]) => [...list].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());

describe('backupsToKeep: properties (R19)', () => {
  it('keeps a subset of its input, always including a newest backup', () => {
    fc.assert(
      fc.property(backupList, policies, (list, policy) => {
        const kept = backupsToKeep(list, policy);
        const ids = new Set(list.map((b) => b.id));
        for (const id of kept) expect(ids.has(id)).toBe(true);
        if (list.length > 0) {
          const newestTime = Math.max(...list.map((b) => b.createdAt.getTime()));
          expect(list.some((b) => b.createdAt.getTime() === newestTime && kept.has(b.id))).toBe(true);
        }
      }),
    );
  });

  it('never keeps more than the limits allow', () => {
    fc.assert(
      fc.property(backupList, policies, (list, policy) => {
        const keptIds = backupsToKeep(list, policy);
        const kept = list.filter((b) => keptIds.has(b.id));
        const keptDaily = kept.filter((b) => b.kind === 'daily');
        const days = new Set(keptDaily.map((b) => chinaDate(b.createdAt)));
        expect(days.size, 'at most one daily backup per China day').toBe(keptDaily.length);
        // +1: the newest backup of all is kept whatever the limits.
        expect(keptDaily.length).toBeLessThanOrEqual(policy.daily + policy.weekly + policy.monthly + 1);
        for (const kind of BACKUP_KINDS.filter((k) => k !== 'daily')) {
          expect(kept.filter((b) => b.kind === kind).length).toBeLessThanOrEqual(Math.max(policy.perOperationKind, 1));
        }
      }),
    );
  });

  it('keeps what the policy promises: the newest per day for the newest days, the newest N per kind', () => {
    fc.assert(
      fc.property(backupList, policies, (list, policy) => {
        const kept = backupsToKeep(list, policy);
        const sorted = newestFirst(list);
        const newestPerDay = new Map<string, Dated>();
        for (const b of sorted.filter((x) => x.kind === 'daily')) if (!newestPerDay.has(chinaDate(b.createdAt))) newestPerDay.set(chinaDate(b.createdAt), b);
        const recentDays = [...newestPerDay.values()].slice(0, policy.daily);
        const newestTimes = (b: Dated) => sorted.filter((x) => x.kind === 'daily' && chinaDate(x.createdAt) === chinaDate(b.createdAt) && x.createdAt.getTime() === b.createdAt.getTime());
        // Ties in time may resolve to either backup of the same instant.
        for (const b of recentDays) expect(newestTimes(b).some((x) => kept.has(x.id))).toBe(true);
        for (const kind of BACKUP_KINDS.filter((k) => k !== 'daily')) {
          const ofKind = sorted.filter((b) => b.kind === kind);
          if (policy.perOperationKind === 0) continue;
          const cutoff = ofKind[policy.perOperationKind - 1]?.createdAt.getTime() ?? -Infinity;
          for (const b of ofKind) if (b.createdAt.getTime() > cutoff) expect(kept.has(b.id)).toBe(true);
        }
      }),
    );
  });

  it('is idempotent: rotating the kept set keeps all of it', () => {
    fc.assert(
      fc.property(backupList, policies, (list, policy) => {
        const kept = backupsToKeep(list, policy);
        const again = backupsToKeep(
          list.filter((b) => kept.has(b.id)),
          policy,
        );
        expect([...again].sort()).toEqual([...kept].sort());
      }),
    );
  });

  it('does not depend on the order of its input', () => {
    fc.assert(
      fc.property(backupList, policies, (list, policy) => {
        expect([...backupsToKeep([...list].reverse(), policy)].sort()).toEqual([...backupsToKeep(list, policy)].sort());
      }),
    );
  });
});
