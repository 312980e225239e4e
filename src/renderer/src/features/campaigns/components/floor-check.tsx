import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBp, formatFen } from '../../../../../shared/domain/cost-stack';
import type { PriceFloorCheck } from '../../../../../shared/rpc/contract';

const yuan = (fen: number | null): string => (fen === null ? '—' : formatFen(fen));

/** The floor check of one campaign price, with its numbers: what is wrong first, then break-even, the margin floor and the profit. */
export function FloorCheck({ check, compact = false }: { check: PriceFloorCheck; compact?: boolean }) {
  const { t } = useTranslation();
  const target = formatBp(check.targetMarginBp);
  const lines = check.flags.map((flag) => {
    if (flag === 'belowBreakEven')
      return check.breakEvenFen === null ? t('campaigns.products.check.noFloor') : t('campaigns.products.check.belowBreakEven', { breakEven: yuan(check.breakEvenFen), loss: yuan(-check.profitFen) });
    if (flag === 'belowTargetMargin') return check.marginFloorFen === null ? t('campaigns.products.check.noTargetFloor', { target }) : t('campaigns.products.check.belowTargetMargin', { target, floor: yuan(check.marginFloorFen) });
    return t('campaigns.products.check.noCost');
  });
  const figures = t('campaigns.products.check.figures', { breakEven: yuan(check.breakEvenFen), target, floor: yuan(check.marginFloorFen), profit: yuan(check.profitFen), margin: formatBp(check.marginBp) });
  const type = check.flags.includes('belowBreakEven') ? 'error' : check.flags.includes('belowTargetMargin') || check.flags.includes('noCost') ? 'warning' : 'success';
  return (
    <Alert
      type={type}
      showIcon
      data-floor-check={check.flags.join(' ') || 'ok'}
      style={compact ? { padding: '4px 8px' } : undefined}
      title={lines.length > 0 ? lines.join('；') : t('campaigns.products.check.ok')}
      description={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{figures}</Typography.Text>}
    />
  );
}
