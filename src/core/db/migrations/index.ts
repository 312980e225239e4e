import type { Kysely } from 'kysely';
import * as m0001 from './0001-create-settings';
import * as m0002 from './0002-create-imports';
import * as m0003 from './0003-create-routine';
import * as m0004 from './0004-create-sourcing';
import * as m0005 from './0005-create-money';
import * as m0006 from './0006-create-purchases';
import * as m0007 from './0007-create-orders-desk';
import * as m0008 from './0008-create-shop-health';

export type Migration = {
  /** Becomes PRAGMA user_version once applied; consecutive from 1. */
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
};

// Statically imported: the app is bundled, so a folder scan would find nothing at run time.
export const migrations: readonly Migration[] = [
  { version: 1, name: '0001-create-settings', up: m0001.up },
  { version: 2, name: '0002-create-imports', up: m0002.up },
  { version: 3, name: '0003-create-routine', up: m0003.up },
  { version: 4, name: '0004-create-sourcing', up: m0004.up },
  { version: 5, name: '0005-create-money', up: m0005.up },
  { version: 6, name: '0006-create-purchases', up: m0006.up },
  { version: 7, name: '0007-create-orders-desk', up: m0007.up },
  { version: 8, name: '0008-create-shop-health', up: m0008.up },
];

export const latestSchemaVersion = (list: readonly Migration[] = migrations): number =>
  list.reduce((max, m) => Math.max(max, m.version), 0);
