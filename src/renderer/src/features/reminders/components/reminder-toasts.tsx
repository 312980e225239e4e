import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRpcEvent } from '../../../app/use-rpc';

/**
 * Shows each reminder notification in the window as it fires (the desktop app also shows it as a
 * system notification). A click on "open" goes to the reminders centre.
 */
export function ReminderToasts() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
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
              window.location.hash = '#/reminders';
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
