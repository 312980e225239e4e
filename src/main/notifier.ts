import type { NotificationConstructorOptions } from 'electron';
import type { Notification, Notifier } from '../shared/notifier';

type NotificationLike = {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
};

/** Electron's Notification class, as far as the notifier uses it. */
export type NotificationClass = {
  new (options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
};

export type DesktopNotifier = Notifier & {
  /** False where the system shows no notifications; callers then fall back to a dialog. */
  readonly isSupported: boolean;
};

/**
 * The shared Notifier port as system notifications. A click brings up the app with the
 * notification's key. Shown notifications are kept referenced until they are clicked or closed:
 * an unreferenced one can be garbage-collected and its click lost.
 */
export function createElectronNotifier(deps: { Notification: NotificationClass; onClick(key: string): void; icon?: string }): DesktopNotifier {
  const live = new Set<NotificationLike>();
  const isSupported = deps.Notification.isSupported();
  return {
    isSupported,
    notify(notification: Notification) {
      if (!isSupported) return;
      const shown = new deps.Notification({
        title: notification.title,
        body: notification.body,
        ...(deps.icon === undefined ? {} : { icon: deps.icon }),
      });
      live.add(shown);
      const forget = () => live.delete(shown);
      shown.on('click', () => {
        forget();
        deps.onClick(notification.key);
      });
      shown.on('close', forget);
      shown.on('failed', forget);
      shown.show();
    },
  };
}
