import { App, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hashForScreen } from '../../../app/hash-route';
import { useHost } from '../../../app/host-context';
import { useRpcEvent } from '../../../app/use-rpc';
import { openSubject } from '../subject-route';

/**
 * Shows each reminder notification in the window as it fires (the desktop app also shows it as a
 * system notification). "Open" goes to what it is about (the reminders centre when it names
 * nothing). On the desktop, a click on the system notification lands here too: main shows the
 * window and the bridge passes the subject on.
 */
export function ReminderToasts() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const host = useHost();
  useEffect(() => (host.kind === 'desktop' ? host.desktop.onOpenSubject(openSubject) : undefined), [host]);
  useRpcEvent('reminders.fired', ({ notifications }) => {
    for (const n of notifications) {
      notification.info({
        key: n.key,
        title: n.title,
        description: n.body,
        placement: 'bottomRight',
        duration: 12,
        actions: (
          <Button
            size="small"
            type="primary"
            onClick={() => {
              notification.destroy(n.key);
              if (n.subject) openSubject(n.subject);
              else window.location.hash = hashForScreen('reminders');
            }}
          >
            {t('reminders.open')}
          </Button>
        ),
      });
    }
  });
  return null;
}
