import { describe, expect, it } from 'vitest';
import { decideUpsert, type IncomingState, type StoredState } from './decide-upsert';

/*
 * DOUYIN_EXPORTS.md §0.10: "The same order appears in many exports over time. Key rows on
 * `子订单编号` and let the newest export win. The export time is in the file name, which starts with
 * 10-digit Unix seconds". §7: "Orders: upsert on 子订单编号, and do not let an older export overwrite
 * a newer status. Use the file-name timestamp, or status order as a fallback: 待支付 <
 * 已支付/待发货/备货中 < 已发货 < 已完成/已关闭 (S2)." A file whose name lost the prefix has no
 * export time; it was made after every event it records, so that is its least export time.
 * 售后状态 ranks none < open < ended (§3.2's classification).
 */
const stored = (exportTime: number | null, rank: number | null, aftersaleRank: number | null = 0): StoredState => ({ exportTime, rank, aftersaleRank });
const timed = (exportTime: number, rank: number | null, aftersaleRank: number | null = 0): IncomingState => ({ exportTime, eventBound: null, rank, aftersaleRank });
const undated = (eventBound: number | null, rank: number | null, aftersaleRank: number | null = 0): IncomingState => ({ exportTime: null, eventBound, rank, aftersaleRank });

describe('decideUpsert', () => {
  it.each([
    ['same content is unchanged, whatever the ages', stored(200, 4), timed(100, 1), true, 'unchanged'],
    ['same content from an undated file is unchanged', stored(200, 4), undated(50, 4), true, 'unchanged'],
    ['newer export wins', stored(100, 3), timed(200, 3), false, 'update'],
    ['newer export wins even when its status rank is lower', stored(100, 3), timed(200, 1), false, 'update'],
    ['older export never wins', stored(200, 1), timed(100, 4), false, 'older'],
    ['same export time: the later import wins', stored(100, 1), timed(100, 1), false, 'update'],
    ['a timed export over an undated row must not move its status back', stored(null, 4), timed(100, 1), false, 'older'],
    ['a timed export over an undated row moves it forward', stored(null, 1), timed(100, 3), false, 'update'],
    // The case: export A, then the later B, then a copy of A whose name lost its time.
    ['undated copy of an older export, same status: the stored row is kept', stored(200, 3), undated(150, 3), false, 'undated'],
    ['undated, equal rank 已完成 ↔ 已关闭: no proof either way', stored(200, 4), undated(150, 4), false, 'undated'],
    ['undated, status back (已发货 → 待发货)', stored(200, 3), undated(150, 1), false, 'older'],
    ['undated, 售后状态 back (退款成功 → "-")', stored(200, 4, 2), undated(150, 4, 0), false, 'older'],
    ['undated, 售后状态 back even with a later event', stored(200, 4, 2), undated(300, 4, 0), false, 'older'],
    ['undated, status forward (待发货 → 已发货): provably newer', stored(200, 1), undated(150, 3), false, 'merge'],
    ['undated, 售后状态 forward ("-" → 售后待处理): provably newer', stored(200, 1, 0), undated(150, 1, 1), false, 'merge'],
    ['undated, an event after the stored export time: provably newer', stored(200, 3), undated(201, 3), false, 'merge'],
    ['undated, its latest event exactly at the stored export time: unknowable', stored(200, 3), undated(200, 3), false, 'undated'],
    ['undated over undated, equal ranks: unknowable', stored(null, 3), undated(500, 3), false, 'undated'],
    ['undated over undated, status forward', stored(null, 1), undated(null, 4), false, 'merge'],
    ['undated over undated, status back', stored(null, 3), undated(null, 1), false, 'older'],
    ['undated, no status (funds, bill): only a later event proves it newer', stored(200, null, null), undated(250, null, null), false, 'merge'],
    ['undated, no status and no later event: kept', stored(200, null, null), undated(100, null, null), false, 'undated'],
  ] as const)('%s', (_name, s, i, same, expected) => expect(decideUpsert(s, i, same)).toBe(expected));
});
