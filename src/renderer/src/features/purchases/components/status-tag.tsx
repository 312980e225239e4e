import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PurchaseStatus } from '../../../../../shared/rpc/contract';

const COLOUR: Record<PurchaseStatus, string> = {
  pending: 'default', ordered: 'blue', paid: 'cyan', shipped: 'green', received: 'success', out_of_stock: 'orange', delayed: 'gold', address_issue: 'volcano', cancelled: 'default',
};

export function StatusTag({ status }: { status: PurchaseStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOUR[status]}>{t(`purchases.statuses.${status}`)}</Tag>;
}
