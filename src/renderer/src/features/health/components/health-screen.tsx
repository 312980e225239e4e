import { Alert, App, Button, Empty, Flex, Popconfirm, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../../../shared/domain/china-time';
import { HEALTH_METRICS, type HealthEntry, type HealthLog } from '../../../../../shared/rpc/domains/health';
import { FIELD_SPECS } from '../../../../../shared/validation/field-specs';
import { useAppStatus } from '../../../app/status-context';
import { resolveTheme, useSystemDark } from '../../../app/theme';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useErrorMessage, useShowError } from '../../../shared/ui/error-message';
import { SectionCard } from '../../../shared/ui/section-card';
import { useLocale } from '../../../shared/ui/use-locale';
import { METRIC_FIELD } from '../fields';
import { HealthEntryCard } from './health-entry-card';
import { HealthSettingsCard } from './health-settings-card';
import { HealthTrendsCard } from './health-trends-card';

function WarningsCard({ log }: { log: HealthLog }) {
  const { t } = useTranslation();
  const s = log.spot;
  return (
    <SectionCard title={t('health.warnings.title')}>
      <Flex vertical gap={8}>
        {log.warnings.length === 0 ? (
          <Alert type="success" showIcon title={t('health.warnings.none')} />
        ) : (
          log.warnings.map((w) => <Alert key={w.kind} data-testid={`health-warning-${w.kind}`} type={w.level === 'danger' ? 'error' : 'warning'} showIcon title={t(`health.warnings.${w.kind}`, { value: w.value, threshold: w.threshold, date: w.date })} />)
        )}
        <Typography.Text>
          <Typography.Text strong>{t('health.spot.title')}：</Typography.Text>
          {s.sharePct === null ? t('health.spot.none', { from: s.from, to: s.to }) : t('health.spot.value', { share: s.sharePct, spot: s.spotOrders, orders: s.orders, from: s.from, to: s.to })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('health.spot.how')}</Typography.Text>
      </Flex>
    </SectionCard>
  );
}

function EntriesTable({ entries }: { entries: readonly HealthEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const showError = useShowError();
  const remove = useRpcMutation('health.remove', { invalidates: { methods: ['health.list'] } });
  const columns = useMemo((): TableColumnsType<HealthEntry> => {
    const spec = (m: (typeof HEALTH_METRICS)[number]) => FIELD_SPECS[METRIC_FIELD[m]];
    return [
      { key: 'date', title: FIELD_SPECS.healthDate.label[locale], dataIndex: 'date', fixed: 'left', width: 110 },
      ...HEALTH_METRICS.map((m) => ({
        key: m,
        title: spec(m).label[locale],
        align: 'right' as const,
        render: (_: unknown, e: HealthEntry) => (e[m] === null ? '-' : `${e[m]}${spec(m).unit === 'percent' ? '%' : ''}`),
      })),
      { key: 'note', title: FIELD_SPECS.healthNote.label[locale], dataIndex: 'note' },
      {
        key: 'remove',
        title: '',
        render: (_: unknown, e: HealthEntry) => (
          <Popconfirm
            title={t('health.table.removeConfirm', { date: e.date })}
            onConfirm={() =>
              remove.mutate({ date: e.date }).then(
                () => void message.success(t('health.table.removed')),
                (error: unknown) => showError(error),
              )
            }
          >
            <Button size="small" type="link" danger>
              {t('health.table.remove')}
            </Button>
          </Popconfirm>
        ),
      },
    ];
  }, [locale, t, remove, message, showError]);
  return (
    <SectionCard title={t('health.table.title')}>
      <Table<HealthEntry> rowKey="date" size="small" columns={columns} dataSource={[...entries].reverse()} pagination={{ pageSize: 30, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} />
    </SectionCard>
  );
}

/** 店铺健康 Shop health: the daily entry, warnings and spot share, trends, the editable lines and every entry. */
export function HealthScreen() {
  const { t } = useTranslation();
  const errorText = useErrorMessage();
  const log = useRpcQuery('health.list', {}, { refetchOn: ['health.changed', 'imports.finished', 'imports.undone'] });
  const settings = useRpcQuery('settings.get', {}, { refetchOn: ['settings.changed'] });
  const dark = resolveTheme(settings.data?.theme ?? 'system', useSystemDark()) === 'dark';
  // The core's clock decides "today" (China day), not the computer's: the harness and tests move it.
  const today = chinaDate(new Date(useAppStatus().now));
  const l = log.data;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('health.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('health.intro')}</Typography.Text>
      {log.error !== undefined && !l ? (
        <Alert type="error" showIcon title={t('health.loadFailed')} description={errorText(log.error)} />
      ) : !l ? (
        <Spin />
      ) : (
        <>
          <WarningsCard log={l} />
          <HealthEntryCard today={today} entries={l.entries} />
          {l.entries.length === 0 ? (
            <SectionCard title={t('health.charts.title')}>
              <Empty data-testid="health-empty" description={t('health.empty')} />
            </SectionCard>
          ) : (
            <>
              <HealthTrendsCard entries={l.entries} settings={l.settings} dark={dark} />
              <EntriesTable entries={l.entries} />
            </>
          )}
          <HealthSettingsCard settings={l.settings} />
        </>
      )}
    </Flex>
  );
}
