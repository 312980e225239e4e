import { Alert, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReminderEntry, SnoozeChoice } from '../../../../../shared/rpc/domains/reminders';
import { useClient, useInvalidate, useRpcQuery } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { SectionCard } from '../../../shared/ui/section-card';
import { useLocale } from '../../../shared/ui/use-locale';
import { openSubject } from '../subject-route';
import { FIRST_LIMIT, nextLimit } from '../centre-limit';
import { MoreLine } from './more-line';
import { OverdueOrders } from './overdue-orders';
import { ReminderList, type ReminderActions } from './reminder-list';
import { ReminderSettingsCard } from './reminder-settings-card';

/**
 * 提醒: upcoming, shown and snoozed reminders, each leading to what it is about — the first ones of
 * each list, with how many more and "show more" — and the settings.
 */
export function RemindersScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useClient();
  const invalidate = useInvalidate();
  const showError = useShowError();
  // Each list shows its first `limit`; "show more" raises it (the lists can hold 100k+ overdue orders).
  const [limit, setLimit] = useState(FIRST_LIMIT);
  const centre = useRpcQuery('reminders.list', { locale, limit }, { refetchOn: ['reminders.fired', 'reminders.changed', 'routine.changed', 'imports.finished', 'sourcing.changed'] });
  const [busy, setBusy] = useState(false);

  const change = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
      invalidate({ methods: ['reminders.list', 'routine.today'] });
    }
  };
  const actions: ReminderActions = {
    open: (entry: ReminderEntry) => openSubject(entry.subject),
    snooze: (entry, choice: SnoozeChoice) => void change(() => client.call('reminders.snooze', { key: entry.key, choice })),
    dismiss: (entry) => void change(() => client.call('reminders.dismiss', { key: entry.key })),
  };

  const data = centre.data;
  const more = (list: 'upcoming' | 'fired' | 'snoozed') =>
    data && <MoreLine total={data.totals[list]} shown={data[list].length} limit={limit} isLoading={centre.isLoading} onShowMore={() => setLimit(nextLimit)} />;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('reminders.title')}
      </Typography.Title>
      {!data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          {data.isQuietNow && <Alert type="info" showIcon title={t('reminders.quietNow')} />}
          <OverdueOrders
            overdue={data.overdueOrders}
            more={<MoreLine total={data.overdueOrders.total} shown={data.overdueOrders.orders.length} limit={limit} isLoading={centre.isLoading} onShowMore={() => setLimit(nextLimit)} />}
          />
          <SectionCard title={t('reminders.fired')}>
            <ReminderList entries={data.fired} empty={t('reminders.emptyFired')} actions={actions} isBusy={busy} />
            {more('fired')}
          </SectionCard>
          <SectionCard title={t('reminders.upcoming')}>
            <ReminderList entries={data.upcoming} empty={t('reminders.emptyUpcoming')} actions={actions} isBusy={busy} />
            {more('upcoming')}
          </SectionCard>
          <SectionCard title={t('reminders.snoozed')}>
            <ReminderList entries={data.snoozed} empty={t('reminders.emptySnoozed')} actions={actions} isBusy={busy} />
            {more('snoozed')}
          </SectionCard>
        </>
      )}
      <ReminderSettingsCard />
    </Flex>
  );
}
