import { describe, expect, it } from 'vitest';
import { decideUpsert, type IncomingState, type StoredState } from './decide-upsert';

const stored = (exportTime: number | null, rank: number | null): StoredState => ({ exportTime, rank, lastImportId: 1 });
const incoming = (exportTime: number | null, rank: number | null): IncomingState => ({ exportTime, rank });

describe('decideUpsert', () => {
  it.each([
    ['same content is unchanged, whatever the ages', stored(200, 4), incoming(100, 1), true, 'unchanged'],
    ['newer export wins', stored(100, 3), incoming(200, 3), false, 'update'],
    ['newer export wins even when its status rank is lower', stored(100, 3), incoming(200, 1), false, 'update'],
    ['older export never wins', stored(200, 1), incoming(100, 4), false, 'older'],
    ['same export time: the later import wins', stored(100, 1), incoming(100, 1), false, 'update'],
    ['no export time: a lower status is refused (已发货 → 待发货)', stored(null, 3), incoming(null, 1), false, 'older'],
    ['no export time: a higher status updates', stored(null, 1), incoming(null, 4), false, 'update'],
    ['no export time: same status updates other fields', stored(null, 3), incoming(null, 3), false, 'update'],
    ['one side without export time falls back to the status', stored(100, 4), incoming(null, 1), false, 'older'],
    ['unknown status never blocks', stored(null, 4), incoming(null, null), false, 'update'],
    ['kinds without status: later import wins', stored(null, null), incoming(null, null), false, 'update'],
  ] as const)('%s', (_name, s, i, same, expected) => expect(decideUpsert(s, i, same)).toBe(expected));
});
