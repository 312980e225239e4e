import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBp, formatFen } from '../../../../../shared/domain/cost-stack';
import type { ProductSummary } from '../../../../../shared/rpc/contract';
import type { SelectionProps } from './product-board';

export function ProductTable({ products, selected, onSelect, onOpen }: { products: ProductSummary[] } & SelectionProps) {
  const { t } = useTranslation();
  return (
    <Table<ProductSummary>
      rowKey="id"
      size="small"
      dataSource={products}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(Number)) }}
      columns={[
        {
          title: t('sourcing.columns.title'),
          dataIndex: 'title',
          render: (_: unknown, p) => (
            <Button type="link" onClick={() => onOpen(p.id)} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}>
              {p.title}
            </Button>
          ),
        },
        { title: t('sourcing.columns.stage'), dataIndex: 'stage', render: (_: unknown, p) => <Tag>{t(`sourcing.stages.${p.stage}`)}</Tag>, width: 100 },
        { title: t('sourcing.columns.price'), align: 'right', width: 110, render: (_: unknown, p) => (p.plannedPriceFen === null ? '—' : `¥${formatFen(p.plannedPriceFen)}`) },
        { title: t('sourcing.columns.margin'), align: 'right', width: 90, render: (_: unknown, p) => (p.costStack.atPlanned ? formatBp(p.costStack.atPlanned.marginBp) : '—') },
        { title: t('sourcing.columns.orders'), align: 'right', width: 130, render: (_: unknown, p) => `${p.orders.orders7} / ${p.orders.orders30}` },
        { title: t('sourcing.columns.supplier'), width: 140, render: (_: unknown, p) => p.supplierName ?? '—' },
      ]}
    />
  );
}
