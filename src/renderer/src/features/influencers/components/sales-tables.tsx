import { Empty, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InfluencerDetail, SalesRow } from '../../../../../shared/rpc/contract';
import { yuanText } from '../format';

/** Attributed sales per product and per month (orders, lines, amount, refunded, commission). */
export function SalesTables({ influencer }: { influencer: InfluencerDetail }) {
  const { t } = useTranslation();
  if (influencer.byProduct.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('influencers.sales.empty')} />;
  const figures = [
    { title: t('influencers.stats.orders'), width: 70, align: 'right' as const, render: (_: unknown, r: SalesRow) => `${r.orders} / ${r.lines}` },
    { title: t('influencers.stats.amount'), width: 100, align: 'right' as const, render: (_: unknown, r: SalesRow) => yuanText(r.amountFen) },
    { title: t('influencers.stats.refunded'), width: 90, align: 'right' as const, render: (_: unknown, r: SalesRow) => yuanText(r.refundedFen) },
    { title: t('influencers.stats.commission'), width: 90, align: 'right' as const, render: (_: unknown, r: SalesRow) => yuanText(r.commissionFen) },
  ];
  return (
    <Flex vertical gap={12}>
      <Typography.Text strong>{t('influencers.sales.byProduct')}</Typography.Text>
      <Table<SalesRow> rowKey="key" size="small" pagination={false} dataSource={influencer.byProduct} columns={[{ title: t('influencers.sales.product'), render: (_: unknown, r) => r.title || r.key }, ...figures]} />
      <Typography.Text strong>{t('influencers.sales.byMonth')}</Typography.Text>
      <Table<SalesRow> rowKey="key" size="small" pagination={false} dataSource={influencer.byMonth} columns={[{ title: t('influencers.sales.month'), render: (_: unknown, r) => r.key || '—' }, ...figures]} data-testid="sales-by-month" />
    </Flex>
  );
}
