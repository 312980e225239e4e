import { Card, Checkbox, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBp, formatFen } from '../../../../../shared/domain/cost-stack';
import { PRODUCT_STAGES } from '../../../../../shared/domain/sourcing-pipeline';
import type { ProductSummary } from '../../../../../shared/rpc/contract';

export type SelectionProps = { selected: number[]; onSelect(ids: number[]): void; onOpen(id: number): void };

/** One column per pipeline stage; a card shows price, margin, orders and warnings. */
export function ProductBoard({ products, selected, onSelect, onOpen }: { products: ProductSummary[] } & SelectionProps) {
  const { t } = useTranslation();
  const toggle = (id: number, on: boolean) => onSelect(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(${PRODUCT_STAGES.length}, minmax(136px, 1fr))`, gap: 12, overflowX: 'auto' }}>
      {PRODUCT_STAGES.map((stage) => {
        const items = products.filter((p) => p.stage === stage);
        const label = t(`sourcing.stages.${stage}`);
        return (
          <section key={stage} aria-label={label} style={{ background: 'rgba(127,127,127,0.08)', borderRadius: 8, padding: 8, minHeight: 160 }}>
            <Typography.Title level={3} style={{ fontSize: 14, margin: '0 0 8px' }}>
              {label} <Typography.Text type="secondary">{items.length}</Typography.Text>
            </Typography.Title>
            <Flex vertical gap={8}>
              {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sourcing.empty.stage', { stage: label })} />}
              {items.map((p) => (
                <Card key={p.id} size="small" hoverable onClick={() => onOpen(p.id)} data-testid={`product-card-${p.id}`}>
                  <Flex gap={6} align="flex-start">
                    <Checkbox aria-label={p.title} checked={selected.includes(p.id)} onClick={(e) => e.stopPropagation()} onChange={(e) => toggle(p.id, e.target.checked)} />
                    <div style={{ minWidth: 0 }}>
                      <Typography.Text strong ellipsis style={{ display: 'block' }}>
                        {p.title}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.plannedPriceFen === null ? '—' : `¥${formatFen(p.plannedPriceFen)}`}
                        {p.costStack.atPlanned && ` · ${formatBp(p.costStack.atPlanned.marginBp)}`}
                        {p.orders.ordersAll > 0 && ` · ${p.orders.orders7}/${p.orders.orders30}`}
                      </Typography.Text>
                      <div>
                        {p.supplierName && <Tag style={{ marginTop: 4 }}>{p.supplierName}</Tag>}
                        {p.warnings.map((w) => (
                          <Tag key={w} color={w === 'supplier_blacklisted' ? 'red' : 'orange'} style={{ marginTop: 4, whiteSpace: 'normal' }}>
                            {t(`sourcing.warnings.${w}`)}
                          </Tag>
                        ))}
                      </div>
                    </div>
                  </Flex>
                </Card>
              ))}
            </Flex>
          </section>
        );
      })}
    </div>
  );
}
