import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Empty, Flex, Segmented, Spin, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { addDays, chinaDate } from '../../../../../shared/domain/china-time';
import type { ProfitDay, ProfitFigures, ProfitGrouping, ProfitProduct } from '../../../../../shared/rpc/domains/profit-reports';
import { hashForScreen } from '../../../app/hash-route';
import { useAppStatus } from '../../../app/status-context';
import { resolveTheme, useSystemDark } from '../../../app/theme';
import { useRpcQuery } from '../../../app/use-rpc';
import { Chart } from '../../../shared/charts/chart';
import type { ChartPngRef } from '../../../shared/charts/chart-png';
import { ChartPngButton } from '../../../shared/charts/chart-png-button';
import { useErrorMessage } from '../../../shared/ui/error-message';
import { SectionCard } from '../../../shared/ui/section-card';
import { useLocale } from '../../../shared/ui/use-locale';
import { BasisTag, shareText, yuan } from '../model';
import { useCsvExport } from '../../shared/use-csv-export';
import { buildProfitOption } from '../profit-option';

const REFETCH = ['purchases.changed', 'imports.finished', 'imports.undone', 'sourcing.changed'] as const;

/** The money columns every row shares (day or product). */
function moneyColumns<T extends ProfitFigures>(t: TFunction): TableColumnsType<T> {
  const money = (key: keyof ProfitFigures, title: string) => ({ key, title, align: 'right' as const, render: (_: unknown, r: T) => yuan(r[key] as number) });
  return [
    { key: 'orders', title: t('profit.columns.orders'), align: 'right', render: (_, r) => r.orders },
    { key: 'withCost', title: t('profit.columns.withCost'), align: 'right', render: (_, r) => `${r.ordersWithCost} (${shareText(r.ordersWithCost, r.orders)})` },
    money('revenueFen', t('profit.columns.revenue')),
    money('purchaseCostFen', t('profit.columns.cost')),
    money('commissionFen', t('profit.columns.commission')),
    money('feesFen', t('profit.columns.fees')),
    money('afterSalesLossFen', t('profit.columns.afterSales')),
    money('supplierRefundFen', t('profit.columns.supplierRefund')),
    { key: 'profit', title: t('profit.columns.profit'), align: 'right', render: (_, r) => <Typography.Text type={r.profitFen < 0 ? 'danger' : undefined}>{yuan(r.profitFen)}</Typography.Text> },
    { key: 'basis', title: t('profit.columns.basis'), render: (_, r) => <BasisTag basis={r.basis} /> },
  ];
}

/** 利润 Profit: per day and per product over a paid-date range, with the share of orders whose purchase cost is recorded. */
export function ProfitScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorMessage();
  // The core's clock decides "today" (China day): the harness and tests move it.
  const today = chinaDate(new Date(useAppStatus().now));
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs(addDays(today, -30)), dayjs(addDays(today, -1))]);
  const [by, setBy] = useState<ProfitGrouping>('day');
  const params = useMemo(() => ({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }), [range]);
  const byDay = useRpcQuery('reports.profitByDay', params, { refetchOn: REFETCH });
  const byProduct = useRpcQuery('reports.profitByProduct', params, { refetchOn: REFETCH });
  const csvParams = useMemo(() => ({ ...params, by, locale }), [params, by, locale]);
  const { exportCsv, isPending } = useCsvExport('reports.profitCsv', `shopdesk-profit-${by}-${params.from}-${params.to}.csv`, csvParams);
  const settings = useRpcQuery('settings.get', {}, { refetchOn: ['settings.changed'] });
  const dark = resolveTheme(settings.data?.theme ?? 'system', useSystemDark()) === 'dark';
  const png: ChartPngRef = useRef(null);
  const d = byDay.data;
  const p = byProduct.data;
  const labels = useMemo(
    () => ({ revenue: t('profit.series.revenue'), cost: t('profit.series.cost'), commission: t('profit.series.commission'), fees: t('profit.series.fees'), afterSales: t('profit.series.afterSales'), profit: t('profit.series.profit') }),
    [t],
  );
  const option = useMemo(() => buildProfitOption(d?.days ?? [], labels), [d, labels]);
  const dayColumns = useMemo((): TableColumnsType<ProfitDay> => [{ key: 'date', title: t('profit.columns.date'), dataIndex: 'date', fixed: 'left' }, ...moneyColumns<ProfitDay>(t)], [t]);
  const productColumns = useMemo(
    (): TableColumnsType<ProfitProduct> => [
      { key: 'product', title: t('profit.columns.product'), fixed: 'left', render: (_, r) => <Typography.Text ellipsis={{ tooltip: r.productTitle ?? r.productId }} style={{ maxWidth: 260 }}>{r.productTitle ?? (r.productId || '-')}</Typography.Text> },
      { key: 'quantity', title: t('profit.columns.quantity'), align: 'right', render: (_, r) => r.quantity },
      ...moneyColumns<ProfitProduct>(t),
    ],
    [t],
  );
  const error = byDay.error ?? byProduct.error;
  const empty = d !== undefined && d.total.orders === 0;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('profit.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('profit.intro')}</Typography.Text>
      <Flex wrap gap={12} align="center">
        <Typography.Text>{t('profit.range')}</Typography.Text>
        <DatePicker.RangePicker aria-label={t('profit.range')} value={range} allowClear={false} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />
        <Segmented<ProfitGrouping> value={by} onChange={setBy} options={[{ value: 'day', label: t('profit.byDay') }, { value: 'product', label: t('profit.byProduct') }]} />
        <Button icon={<DownloadOutlined />} loading={isPending} disabled={empty} onClick={() => void exportCsv()}>
          {t('profit.csv')}
        </Button>
      </Flex>
      {error !== undefined && !d ? (
        <Alert type="error" showIcon title={t('profit.loadFailed')} description={errorText(error)} />
      ) : !d || !p ? (
        <Spin />
      ) : empty ? (
        <SectionCard title={t('profit.chart')}>
          <Empty data-testid="profit-empty" description={t('profit.empty')}>
            <Button type="primary" href={hashForScreen('imports')}>
              {t('profit.importNow')}
            </Button>
          </Empty>
        </SectionCard>
      ) : (
        <>
          <Typography.Text data-testid="profit-coverage">
            {t('profit.coverage', { recorded: d.total.ordersWithCost, orders: d.total.orders, share: shareText(d.total.ordersWithCost, d.total.orders) })}
            {d.afterSalesSource === 'none' && ` · ${t('profit.afterSalesNone')}`}
          </Typography.Text>
          <SectionCard
            title={t('profit.chart')}
            extra={
              <ChartPngButton exportRef={png} fileName={`shopdesk-profit-${params.from}-${params.to}.png`} label={t('profit.png')} />
            }
          >
            <Chart option={option} label={t('profit.chart')} height={300} theme={dark ? 'dark' : 'light'} exportRef={png} />
          </SectionCard>
          <SectionCard title={by === 'day' ? t('profit.byDay') : t('profit.byProduct')}>
            {by === 'day' ? (
              <Table rowKey="date" size="small" columns={dayColumns} dataSource={[...d.days].reverse()} pagination={{ pageSize: 31, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} summary={() => <TotalRow total={d.total} leading={1} />} />
            ) : (
              <Table rowKey="productId" size="small" columns={productColumns} dataSource={p.products} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} summary={() => <TotalRow total={p.total} leading={2} />} />
            )}
          </SectionCard>
        </>
      )}
    </Flex>
  );
}

function TotalRow({ total, leading }: { total: ProfitFigures; leading: number }) {
  const { t } = useTranslation();
  const cells = [
    String(total.orders),
    `${total.ordersWithCost} (${shareText(total.ordersWithCost, total.orders)})`,
    yuan(total.revenueFen),
    yuan(total.purchaseCostFen),
    yuan(total.commissionFen),
    yuan(total.feesFen),
    yuan(total.afterSalesLossFen),
    yuan(total.supplierRefundFen),
    yuan(total.profitFen),
  ];
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={leading}>
        <Typography.Text strong>{t('profit.total')}</Typography.Text>
      </Table.Summary.Cell>
      {cells.map((c, i) => (
        <Table.Summary.Cell key={i} index={leading + i} align="right">
          <Typography.Text strong>{c}</Typography.Text>
        </Table.Summary.Cell>
      ))}
      <Table.Summary.Cell index={leading + cells.length}>
        <BasisTag basis={total.basis} />
      </Table.Summary.Cell>
    </Table.Summary.Row>
  );
}
