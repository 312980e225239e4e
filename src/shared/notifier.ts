/**
 * The port through which the core's reminders reach the user: a desktop notification in the
 * Electron host, an event in the browser harness, a printed line in the CLI.
 */
export type Notification = {
  /** Stable key of what the notification is about, so a click can open it. */
  key: string;
  /** What a click opens: the reminder's `subject` (`supplier:12`, `slot:09:00` …); absent when there is nothing to open. */
  subject?: string;
  title: string;
  body: string;
};

export interface Notifier {
  notify(notification: Notification): void;
}
