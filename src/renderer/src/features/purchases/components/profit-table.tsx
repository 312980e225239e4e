import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/cost-stack';
import type { Basis, ProfitBreakdown } from '../../../../../shared/rpc/contract';

const BASIS_COLOUR: Record<Basis, string> = { recorded: 'green', estimated: 'gold', missing: 'default' };

export function BasisTag({ basis }: { basis: Basis }) {
  const { t } = useTranslation();
  return <Tag color={BASIS_COLOUR[basis]}>{t(`purchases.basis.${basis}`)}</Tag>;
}

/** Money as the app writes it: ¥ and two decimals, the sign kept. */
export const yuan = (fen: number): string => `¥${formatFen(fen)}`;

/** The profit of an order (or purchase), each figure with whether it is recorded or estimated. */
export function ProfitTable({ profit }: { profit: ProfitBreakdown }) {
  const { t } = useTranslation();
  const row = (key: 'shopDiscount' | 'purchaseCost' | 'commission' | 'platformFee' | 'afterSalesLoss' | 'supplierRefund', sign: '−' | '+') => ({
    key,
    label: t(`purchases.panel.profitRows.${key}`),
    children: (
      <>
        {sign} {yuan(profit[key].fen)} <BasisTag basis={profit[key].basis} />
      </>
    ),
  });
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        title={t('purchases.panel.profit')}
        items={[
          { key: 'goods', label: t('purchases.panel.profitRows.goods'), children: yuan(profit.goodsFen) },
          row('shopDiscount', '−'),
          row('purchaseCost', '−'),
          row('commission', '−'),
          row('platformFee', '−'),
          row('afterSalesLoss', '−'),
          row('supplierRefund', '+'),
          {
            key: 'profit',
            label: t('purchases.panel.profitRows.profit'),
            children: (
              <Typography.Text strong type={profit.profitFen < 0 ? 'danger' : undefined}>
                {yuan(profit.profitFen)} <BasisTag basis={profit.basis} />
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4 }}>
        {t('purchases.panel.afterSalesNote')}
      </Typography.Paragraph>
    </>
  );
}
