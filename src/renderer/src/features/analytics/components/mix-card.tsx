import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProductMixRow } from '../../../../../shared/rpc/domains/analytics';
import { SectionCard } from '../../../shared/ui/section-card';
import { CsvButton } from './export-buttons';

/** Per product: closed before shipping, refunded, after-sales rate; the 20 with most lines shown, all in the CSV. */
export function MixCard({ rows, onOpen }: { rows: readonly ProductMixRow[]; onOpen: (key: string) => void }) {
  const { t } = useTranslation();
  const pct = (v: number) => `${v.toFixed(1)}%`;
  const header = [t('analytics.table.key'), t('analytics.products.product'), t('analytics.mix.lines'), `${t('analytics.mix.closedBeforeShip')} (%)`, `${t('analytics.mix.refunded')} (%)`, `${t('analytics.mix.aftersale')} (%)`];
  return (
    <SectionCard
      title={t('analytics.mix.title')}
      description={t('analytics.mix.description')}
      extra={<CsvButton header={header} rows={rows.map((r) => [r.productId, r.name, r.lines, r.closedBeforeShipPct, r.refundedPct, r.aftersalePct])} fileName={`${t('analytics.files.mix')}.csv`} />}
    >
      <Table<ProductMixRow>
        size="small"
        rowKey="productId"
        aria-label={t('analytics.mix.title')}
        pagination={false}
        dataSource={rows.slice(0, 20)}
        columns={[
          {
            title: t('analytics.products.product'),
            key: 'name',
            render: (_: unknown, r) =>
              r.productId === '' ? t('analytics.table.none') : (
                <a href={`#/orders?product=${encodeURIComponent(r.productId)}`} onClick={(e) => (e.preventDefault(), onOpen(r.productId))}>
                  {r.name ?? r.productId}
                </a>
              ),
          },
          { title: t('analytics.mix.lines'), dataIndex: 'lines', align: 'right' },
          { title: t('analytics.mix.closedBeforeShip'), key: 'c', align: 'right', render: (_: unknown, r) => `${r.closedBeforeShip} (${pct(r.closedBeforeShipPct)})` },
          { title: t('analytics.mix.refunded'), key: 'r', align: 'right', render: (_: unknown, r) => `${r.refunded} (${pct(r.refundedPct)})` },
          { title: t('analytics.mix.aftersale'), key: 'a', align: 'right', render: (_: unknown, r) => pct(r.aftersalePct) },
        ]}
      />
    </SectionCard>
  );
}
