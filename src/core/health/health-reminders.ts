import { chinaDate, chinaDayRange } from '../../shared/domain/china-time';
import { healthWarnings } from '../../shared/domain/shop-health';
import type { HealthWarning } from '../../shared/rpc/domains/health';
import type { PlannedReminder } from '../reminders/planned-reminder';
import type { HealthExecutor } from './health-schema';
import { latestEntry, readHealthSettings } from './health-service';
import { loadSpotShare } from './spot-share';

/** What the health warnings rule needs: today's warnings (shared/domain/shop-health.ts). */
export async function loadHealthWarnings(db: HealthExecutor, now: Date): Promise<HealthWarning[]> {
  const [latest, settings, spot] = await Promise.all([latestEntry(db), readHealthSettings(db), loadSpotShare(db, now)]);
  return healthWarnings(latest, spot, settings);
}

/**
 * One reminder per warning, due at the start of today and stale at its end. The key holds the
 * entry's date (DSR, good-review) or the spot window's last day, so an entry warns once and a low
 * spot share once a day while it stays low.
 */
export function planHealthReminders(warnings: readonly HealthWarning[], now: Date): PlannedReminder[] {
  const day = chinaDayRange(chinaDate(now));
  return warnings.map((w) => ({
    key: `health.warning:${w.kind}:${w.date}`,
    kind: 'health.warning',
    dueAt: day.from,
    expiresAt: day.to,
    subject: `health:${w.kind}`,
    params: { metric: w.kind, level: w.level, value: w.value, threshold: w.threshold, date: w.date },
  }));
}
