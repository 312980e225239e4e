import { Alert, Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../../shared/rpc/contract';
import type { ReminderKind } from '../../../../../shared/rpc/domains/reminders';
import { useRpcQuery } from '../../../app/use-rpc';
import { SectionCard } from '../../../shared/ui/section-card';

const MONEY_KINDS: ReminderKind[] = ['settlement', 'deposit'];

/** The money reminders due now (kinds `settlement` and `deposit`, asked of the core: not every due order), refreshed when reminders fire. */
export function RemindersCard() {
  const { t, i18n } = useTranslation();
  const locale: Language = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'zh-CN';
  const due = useRpcQuery('reminders.due', { locale, kinds: MONEY_KINDS }, { refetchOn: ['reminders.fired', 'reminders.changed', 'money.changed', 'imports.finished'] });
  // A page of 100: the money kinds are at most the two forecast days' settlements and three deposit cases.
  const list = due.data?.reminders ?? [];
  return (
    <SectionCard title={t('money.reminders.title')}>
      {list.length === 0 ? (
        <Empty description={t('money.reminders.empty')} />
      ) : (
        <Flex vertical gap={8}>
          {list.map((r) => (
            <Alert key={r.key} type={r.kind === 'deposit' ? 'warning' : 'success'} showIcon message={r.title} description={r.body} />
          ))}
        </Flex>
      )}
    </SectionCard>
  );
}
