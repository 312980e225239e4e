import { Alert, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { computeCostStack, costLineAt, formatBp, formatFen, type MarginDrift } from '../../../../../shared/domain/cost-stack';
import type { ProductFields } from '../../../../../shared/rpc/contract';

/** The live cost stack of the form's current values, computed by the same shared function as the core. */
export function CostStackPanel({ fields, drift }: { fields: ProductFields | null; drift: MarginDrift | null }) {
  const { t } = useTranslation();
  if (fields === null) {
    return (
      <section aria-label={t('sourcing.stack.title')} data-testid="cost-stack">
        <Typography.Title level={3} style={{ fontSize: 15, margin: '0 0 8px' }}>
          {t('sourcing.stack.title')}
        </Typography.Title>
        <Alert type="warning" showIcon title={t('sourcing.stack.invalid')} />
      </section>
    );
  }
  const inputs = {
    costFen: fields.costFen,
    supplierFreightFen: fields.supplierFreightFen,
    couponFen: fields.couponFen,
    commissionBp: fields.commissionBp,
    platformFeeBp: fields.platformFeeBp,
    returnAllowanceBp: fields.returnAllowanceBp,
  };
  const stack = computeCostStack(inputs, fields.plannedPriceFen, fields.targetMarginBp);
  const line = fields.plannedPriceFen === null ? null : costLineAt(inputs, fields.plannedPriceFen);
  const yuan = (fen: number | null) => (fen === null ? t('sourcing.stack.impossible') : `¥${formatFen(fen)}`);
  const negative = (stack.atPlanned?.profitFen ?? 0) < 0;
  return (
    <section aria-label={t('sourcing.stack.title')} data-testid="cost-stack">
      <Typography.Title level={3} style={{ fontSize: 15, margin: '0 0 8px' }}>
        {t('sourcing.stack.title')}
      </Typography.Title>
      <Flex vertical style={{ border: '1px solid rgba(127,127,127,0.25)', borderRadius: 8 }}>
        <StackRow label={t('sourcing.stack.breakEven')}>{yuan(stack.breakEvenFen)}</StackRow>
        <StackRow label={t('sourcing.stack.profit')}>
          {stack.atPlanned === null ? (
            <Typography.Text type="secondary">{t('sourcing.stack.noPrice')}</Typography.Text>
          ) : (
            <Typography.Text type={negative ? 'danger' : 'success'} strong>
              ¥{formatFen(stack.atPlanned.profitFen)}
            </Typography.Text>
          )}
        </StackRow>
        <StackRow label={t('sourcing.stack.margin')}>
          {stack.atPlanned === null ? '—' : <Typography.Text type={negative ? 'danger' : undefined}>{formatBp(stack.atPlanned.marginBp)}</Typography.Text>}
        </StackRow>
        <StackRow label={t('sourcing.stack.minCampaign', { target: formatBp(fields.targetMarginBp) })} last>
          {yuan(stack.minCampaignFen)}
        </StackRow>
      </Flex>
      {line && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
          {t('sourcing.stack.deductions', { commission: `¥${formatFen(line.commissionFen)}`, fee: `¥${formatFen(line.platformFeeFen)}`, returns: `¥${formatFen(line.returnAllowanceFen)}` })}
        </Typography.Paragraph>
      )}
      {drift && drift.profitFen !== 0 && (
        <Alert
          style={{ marginTop: 8 }}
          type={drift.profitFen < 0 ? 'warning' : 'info'}
          showIcon
          title={t('sourcing.stack.drift', { profit: formatFen(drift.profitFen), margin: formatBp(drift.marginBp) })}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
        {t('sourcing.stack.rule')}
      </Typography.Paragraph>
    </section>
  );
}

function StackRow({ label, children, last = false }: { label: string; children: ReactNode; last?: boolean }) {
  return (
    <Flex justify="space-between" gap={12} style={{ padding: '8px 12px', borderBottom: last ? undefined : '1px solid rgba(127,127,127,0.15)' }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <span style={{ whiteSpace: 'nowrap' }}>{children}</span>
    </Flex>
  );
}
