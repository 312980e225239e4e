import type { Kysely } from 'kysely';
import * as m0001 from './0001-create-settings';
import * as m0002 from './0002-create-imports';
import * as m0003 from './0003-create-routine';
import * as m0004 from './0004-create-sourcing';
import * as m0005 from './0005-create-money';
import * as m0006 from './0006-create-purchases';
import * as m0007 from './0007-create-orders-desk';
import * as m0008 from './0008-create-aftersales-desk';
import * as m0009 from './0009-orders-desk-counts';
import * as m0010 from './0010-create-campaigns';
import * as m0011 from './0011-create-analytics';
import * as m0012 from './0012-create-influencers';
import * as m0013 from './0013-create-shop-health';
import * as m0014 from './0014-orders-desk-summaries';
import * as m0015 from './0015-order-buyer-keys';
import * as m0016 from './0016-profit-and-watch-days';
import * as m0017 from './0017-create-ship-queue';
import * as m0018 from './0018-aftersales-list-indexes';
import * as m0019 from './0019-money-kept-snapshot';
import * as m0020 from './0020-repeat-buyer-chains';
import * as m0021 from './0021-money-movement-indexes';

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
  { version: 8, name: '0008-create-aftersales-desk', up: m0008.up },
  { version: 9, name: '0009-orders-desk-counts', up: m0009.up },
  { version: 10, name: '0010-create-campaigns', up: m0010.up },
  { version: 11, name: '0011-create-analytics', up: m0011.up },
  { version: 12, name: '0012-create-influencers', up: m0012.up },
  { version: 13, name: '0013-create-shop-health', up: m0013.up },
  { version: 14, name: '0014-orders-desk-summaries', up: m0014.up },
  { version: 15, name: '0015-order-buyer-keys', up: m0015.up },
  { version: 16, name: '0016-profit-and-watch-days', up: m0016.up },
  { version: 17, name: '0017-create-ship-queue', up: m0017.up },
  { version: 18, name: '0018-aftersales-list-indexes', up: m0018.up },
  { version: 19, name: '0019-money-kept-snapshot', up: m0019.up },
  { version: 20, name: '0020-repeat-buyer-chains', up: m0020.up },
  { version: 21, name: '0021-money-movement-indexes', up: m0021.up },
];

export const latestSchemaVersion = (list: readonly Migration[] = migrations): number =>
  list.reduce((max, m) => Math.max(max, m.version), 0);
