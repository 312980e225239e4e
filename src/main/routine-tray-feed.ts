import type { Logger } from '../core/log';
import type { Notifier } from '../shared/notifier';
import type { RpcClient } from '../shared/rpc/client';
import type { TrayController } from './tray-controller';

/** How often the tray's remaining time is brought up to date. */
export const TRAY_REFRESH_MS = 60_000;

export type RoutineTrayFeed = { refresh(): Promise<void>; stop(): void };

/**
 * Keeps the tray's routine lines current: asks the core for `routine.status` at start, whenever
 * the routine changes, and once a minute (the remaining time moves on by itself). The core
 * computes the time from its timestamps, so the tray is right after sleep or a restart too.
 */
export function startRoutineTrayFeed(deps: { client: RpcClient; tray: TrayController; log: Logger; intervalMs?: number }): RoutineTrayFeed {
  const { client, tray, log } = deps;
  let stopped = false;
  const refresh = async () => {
    try {
      const status = await client.call('routine.status', {});
      if (!stopped) tray.update({ state: { routine: status } });
    } catch (error) {
      log.warn('could not read the routine for the tray', { detail: (error as Error).message });
    }
  };
  const off = client.on('routine.changed', () => void refresh());
  const timer = setInterval(() => void refresh(), deps.intervalMs ?? TRAY_REFRESH_MS);
  timer.unref?.();
  void refresh();
  return {
    refresh,
    stop() {
      stopped = true;
      off();
      clearInterval(timer);
    },
  };
}

/** Shows each reminder notification the core fires as a system notification (with its subject, for the click). */
export function showReminderNotifications(client: RpcClient, notifier: Notifier): () => void {
  return client.on('reminders.fired', ({ notifications }) => {
    for (const n of notifications) notifier.notify(n);
  });
}
