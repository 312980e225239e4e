import { Card, DatePicker, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductProfitRow } from '../../../../../shared/rpc/contract';
import { addDays, chinaDate } from '../../../../../shared/domain/china-time';
import { useAppStatus } from '../../../app/status-context';
import { useRpcQuery } from '../../../app/use-rpc';
import { shareText } from '../model';
import { BasisTag, yuan } from './profit-table';

/** Profit per product over the lines paid in a date range (default: the last 30 days). */
export function ProductProfitCard() {
  const { t } = useTranslation();
  // The core's clock decides "today" (China day), not the computer's: the harness and tests move it.
  const today = chinaDate(new Date(useAppStatus().now));
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs(addDays(today, -29)), dayjs(today)]);
  const result = useRpcQuery('purchases.productProfit', { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }, { refetchOn: ['purchases.changed', 'imports.finished', 'imports.undone'] });
  const data = result.data;
  return (
    <Card
      size="small"
      title={t('purchases.productProfit.title')}
      extra={<DatePicker.RangePicker aria-label={t('purchases.productProfit.range')} value={range} allowClear={false} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />}
    >
      {data && data.coverage.orders > 0 && (
        <Typography.Paragraph type="secondary">
          {t('purchases.coverage', { recorded: data.coverage.withRecordedCost, orders: data.coverage.orders, share: shareText(data.coverage.withRecordedCost, data.coverage.orders) })}
          {data.afterSalesSource === 'none' && ` · ${t('purchases.panel.afterSalesNote')}`}
        </Typography.Paragraph>
      )}
      <Table<ProductProfitRow>
        rowKey="productId"
        size="small"
        loading={result.isLoading}
        dataSource={data?.products ?? []}
        locale={{ emptyText: t('purchases.productProfit.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('purchases.productProfit.product'), render: (_: unknown, r) => r.productTitle ?? r.productId },
          { title: t('purchases.productProfit.lines'), width: 90, align: 'right', dataIndex: 'lines' },
          { title: t('purchases.productProfit.quantity'), width: 90, align: 'right', dataIndex: 'quantity' },
          { title: t('purchases.panel.profitRows.purchaseCost'), width: 150, align: 'right', render: (_: unknown, r) => <>{yuan(r.profit.purchaseCost.fen)} <BasisTag basis={r.profit.purchaseCost.basis} /></> },
          { title: t('purchases.columns.profit'), width: 150, align: 'right', render: (_: unknown, r) => <>{yuan(r.profit.profitFen)} <BasisTag basis={r.profit.basis} /></> },
          { title: t('purchases.productProfit.coverage'), width: 130, align: 'right', render: (_: unknown, r) => `${r.coverage.withRecordedCost}/${r.coverage.orders}` },
        ]}
      />
    </Card>
  );
}
