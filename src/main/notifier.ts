import type { NotificationConstructorOptions, WebContents } from 'electron';
import { DESKTOP_EVENTS } from '../shared/ipc-channels';
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
 * The shared Notifier port as system notifications. A click is reported with the notification
 * (its key and subject). Shown notifications are kept referenced until they are clicked or closed:
 * an unreferenced one can be garbage-collected and its click lost.
 */
export function createElectronNotifier(deps: { Notification: NotificationClass; onClick(notification: Notification): void; icon?: string }): DesktopNotifier {
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
        deps.onClick(notification);
      });
      shown.on('close', forget);
      shown.on('failed', forget);
      shown.show();
    },
  };
}

/**
 * What a click on a notification does: bring up the window, then ask its page to open the
 * notification's subject (a reminder's `supplier:12` opens that supplier). Main only passes the
 * subject on; the page decides where it leads. A notification without a subject just shows the window.
 */
export function openNotificationSubject(deps: { show(): void; target(): Pick<WebContents, 'send' | 'isDestroyed'> | null }): (notification: Notification) => void {
  return (notification) => {
    deps.show();
    const contents = deps.target();
    if (notification.subject && contents && !contents.isDestroyed()) contents.send(DESKTOP_EVENTS.openSubject, notification.subject);
  };
}
