import type { remindersZh } from './messages';

type KindKey = keyof typeof remindersZh.settings.kind;

/**
 * The label key of a reminder kind. Kinds are dotted (`orders.shipDue`), which i18next would read
 * as a path, so labels are keyed in camel case; a kind added later without a label reads "other".
 */
export function kindLabelKey(kind: string): `reminders.settings.kind.${KindKey}` {
  const camel = kind.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());
  const known: readonly string[] = ['routineTargetReached', 'listingSlot', 'ordersShipDue', 'ordersShipOverdue', 'dataDecline', 'settlement', 'deposit', 'supplierReturnInfo', 'campaign', 'aftersalesDeadline', 'influencer', 'sample', 'healthWarning'];
  return `reminders.settings.kind.${(known.includes(camel) ? camel : 'other') as KindKey}`;
}
