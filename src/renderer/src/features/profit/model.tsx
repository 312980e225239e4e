import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/cost-stack';
import type { Basis } from '../../../../shared/domain/profit';

const BASIS_COLOUR: Record<Basis, string> = { recorded: 'green', estimated: 'gold', missing: 'default' };

/** Whether a figure is recorded, estimated or missing, as the purchases screen tags it. */
export function BasisTag({ basis }: { basis: Basis }) {
  const { t } = useTranslation();
  return <Tag color={BASIS_COLOUR[basis]}>{t(`profit.basis.${basis}`)}</Tag>;
}

/** Money as the app writes it: ¥ and two decimals, the sign kept. */
export const yuan = (fen: number): string => `¥${formatFen(fen)}`;

/** `37.5%`, one decimal, rounded down so the share is never overstated; '—' without orders. */
export function shareText(recorded: number, orders: number): string {
  if (orders === 0) return '—';
  return `${Math.floor((recorded * 1000) / orders) / 10}%`;
}
