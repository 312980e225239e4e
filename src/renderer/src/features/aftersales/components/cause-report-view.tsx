import { Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CauseReportRow } from '../../../../../shared/rpc/contract';
import { useRpcQuery } from '../../../app/use-rpc';
import { useCauseName } from './close-case-form';

/** Closed cases' causes by product and supplier: the link to fix (DOMAIN.md, the dispute case). */
export function CauseReportView() {
  const { t } = useTranslation();
  const report = useRpcQuery('aftersales.causeReport', {}, { refetchOn: ['aftersales.changed'] });
  const causes = useRpcQuery('aftersales.causes', {}, { refetchOn: ['aftersales.changed'] });
  const causeName = useCauseName();
  const nameOf = (id: number, fallback: string) => {
    const c = (causes.data ?? []).find((x) => x.id === id);
    return c ? causeName(c) : fallback;
  };
  const data = report.data;
  if (data && data.closed === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('aftersales.report.none')} />;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {t('aftersales.report.title')}
      </Typography.Title>
      {data && <Typography.Text type="secondary">{t('aftersales.report.summary', { closed: data.closed, without: data.withoutCause })}</Typography.Text>}
      <Table<CauseReportRow>
        size="middle"
        rowKey={(r) => `${r.productId ?? r.productTitle ?? ''}|${r.supplierId ?? ''}`}
        loading={report.isLoading}
        dataSource={data?.rows ?? []}
        pagination={false}
        columns={[
          { key: 'product', title: t('aftersales.report.columns.product'), render: (_, r) => r.productTitle ?? r.productId ?? '—' },
          { key: 'supplier', title: t('aftersales.report.columns.supplier'), render: (_, r) => r.supplierName ?? '—' },
          { key: 'total', title: t('aftersales.report.columns.total'), align: 'right', dataIndex: 'total' },
          { key: 'causes', title: t('aftersales.report.columns.causes'), render: (_, r) => r.causes.map((c) => <Tag key={c.causeId}>{`${nameOf(c.causeId, c.name)} × ${c.count}`}</Tag>) },
        ]}
      />
    </Flex>
  );
}
