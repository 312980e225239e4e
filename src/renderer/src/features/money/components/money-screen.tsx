import { Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRpcQuery } from '../../../app/use-rpc';
import { resolveTheme, useSystemDark } from '../../../app/theme';
import { DepositTableCard } from './deposit-table-card';
import { HolidaysCard } from './holidays-card';
import { MONEY_REFETCH as REFETCH } from './money-refetch';
import { DepositCard, RefundCard } from './profile-cards';
import { RemindersCard } from './reminders-card';
import { ForecastCard, OverdueCard, ReconcileCard, RuleCard } from './settlement-cards';
import { UnmatchedCard } from './unmatched-card';

/** 资金 Money: the deposit and its refund path, the settlement rule, the forecast, overdue lines and reconciliation. */
export function MoneyScreen() {
  const { t } = useTranslation();
  const profile = useRpcQuery('money.profile', {}, { refetchOn: REFETCH });
  const deposit = useRpcQuery('money.deposit', {}, { refetchOn: REFETCH });
  const forecast = useRpcQuery('money.forecast', {}, { refetchOn: REFETCH });
  const rec = useRpcQuery('money.reconciliation', {}, { refetchOn: REFETCH });
  const settings = useRpcQuery('settings.get', {}, { refetchOn: ['settings.changed'] });
  const dark = resolveTheme(settings.data?.theme ?? 'system', useSystemDark()) === 'dark';
  const [p, d, f, r] = [profile.data, deposit.data, forecast.data, rec.data];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('money.title')}
      </Typography.Title>
      {!p || !d || !f || !r ? (
        <Spin />
      ) : (
        <>
          <RemindersCard />
          <ForecastCard forecast={f} hasOrders={r.hasOrders} dark={dark} />
          <OverdueCard rec={r} />
          <ReconcileCard rec={r} dark={dark} />
          {r.unmatched.rows > 0 && <UnmatchedCard unmatched={r.unmatched} />}
          <RuleCard profile={p} />
          <DepositCard profile={p} deposit={d} />
          <DepositTableCard />
          <RefundCard profile={p} deposit={d} />
          <HolidaysCard year={Number((d.refund.expectedBy ?? f.from).slice(0, 4))} />
        </>
      )}
    </Flex>
  );
}
