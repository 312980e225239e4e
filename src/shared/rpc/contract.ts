import type { z } from 'zod';
import { analyticsMethods, type AnalyticsResults } from './domains/analytics';
import { appMethods, type AppEvents, type AppResults } from './domains/app';
import { backupMethods, type BackupEvents, type BackupResults } from './domains/backups';
import { reminderMethods, type ReminderEvents, type ReminderResults } from './domains/reminders';
import { routineMethods, type RoutineEvents, type RoutineResults } from './domains/routine';
import { importMethods, type ImportEvents, type ImportResults } from './domains/imports';
import { moneyMethods, type MoneyEvents, type MoneyResults } from './domains/money';
import { orderMethods, type OrderResults } from './domains/orders';
import { reportMethods, type ReportResults } from './domains/reports';
import { declineMethods, type DeclineResults } from './domains/decline';
import { healthMethods, type HealthEvents, type HealthResults } from './domains/health';
import { profitReportMethods, type ProfitReportResults } from './domains/profit-reports';
import { settingsMethods, type SettingsEvents, type SettingsResults } from './domains/settings';
import { sourcingMethods, type SourcingEvents, type SourcingResults } from './domains/sourcing';
import { supplierMethods, type SupplierResults } from './domains/suppliers';
import { purchaseMethods, type PurchaseEvents, type PurchaseResults } from './domains/purchases';
import { aftersaleMethods, type AftersaleEvents, type AftersaleResults } from './domains/aftersales';
import { campaignMethods, type CampaignEvents, type CampaignResults } from './domains/campaigns';
import { influencerMethods, type InfluencerEvents, type InfluencerResults } from './domains/influencers';

export * from './domains/analytics';
export * from './domains/app';
export * from './domains/backups';
export * from './domains/reminders';
export * from './domains/routine';
export * from './domains/imports';
export * from './domains/money';
export * from './domains/orders';
export * from './domains/reports';
export * from './domains/decline';
export * from './domains/health';
export * from './domains/profit-reports';
export * from './domains/settings';
export * from './domains/sourcing';
export * from './domains/suppliers';
export * from './domains/purchases';
export * from './domains/aftersales';
export * from './domains/campaigns';
export * from './domains/influencers';

/*
 * The one contract between the core and every host. A method is `domain.verb`, an event
 * `domain.pastTense`. Each domain declares its params schemas, result types and events in
 * `domains/<domain>.ts`; this file joins them. The core's handler table is checked against
 * the joined map, so a method added here without a handler is a compile error.
 */
export const methodSchemas = {
  ...appMethods,
  ...settingsMethods,
  ...backupMethods,
  ...routineMethods,
  ...reminderMethods,
  ...importMethods,
  ...reportMethods,
  ...declineMethods,
  ...healthMethods,
  ...profitReportMethods,
  ...moneyMethods,
  ...sourcingMethods,
  ...supplierMethods,
  ...purchaseMethods,
  ...orderMethods,
  ...aftersaleMethods,
  ...campaignMethods,
  ...analyticsMethods,
  ...influencerMethods,
} as const;

export type Results = AppResults & SettingsResults & BackupResults & RoutineResults & ReminderResults & ImportResults & ReportResults & DeclineResults & HealthResults & ProfitReportResults & MoneyResults & SourcingResults & SupplierResults & PurchaseResults & OrderResults & CampaignResults & AftersaleResults & AnalyticsResults & InfluencerResults;
export type Events = AppEvents & SettingsEvents & BackupEvents & RoutineEvents & ReminderEvents & ImportEvents & MoneyEvents & SourcingEvents & PurchaseEvents & CampaignEvents & AftersaleEvents & InfluencerEvents & HealthEvents;

export type Method = keyof typeof methodSchemas;
export type ParamsOf<M extends Method> = z.input<(typeof methodSchemas)[M]>;
/** Params as a handler receives them, after the dispatcher has parsed them. */
export type ParsedParamsOf<M extends Method> = z.output<(typeof methodSchemas)[M]>;
export type Api = { [M in Method]: { params: ParamsOf<M>; result: Results[M] } };
export type EventName = keyof Events;

// A record, not a list, so a new event without an entry here is a compile error.
const EVENT_SET: Record<EventName, true> = {
  'settings.changed': true,
  'backups.created': true,
  'backups.restored': true,
  'app.statusChanged': true,
  'routine.changed': true,
  'reminders.fired': true,
  'reminders.changed': true,
  'imports.progressed': true,
  'imports.finished': true,
  'imports.undone': true,
  'money.changed': true,
  'sourcing.changed': true,
  'purchases.changed': true,
  'aftersales.changed': true,
  'campaigns.changed': true,
  'influencers.changed': true,
  'health.changed': true,
};
export const EVENT_NAMES = Object.keys(EVENT_SET) as EventName[];

/** Methods that work while the database is unusable (recovery mode). */
export const RECOVERY_METHODS: readonly Method[] = [
  'app.status',
  'settings.get',
  'backups.list',
  'backups.restore',
  'recovery.startFresh',
  'testing.setTime',
];

export const isMethod = (name: string): name is Method => Object.hasOwn(methodSchemas, name);
