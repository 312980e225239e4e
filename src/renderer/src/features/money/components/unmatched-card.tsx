import { Alert, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnmatchedMovement, UnmatchedMovements } from '../../../../../shared/rpc/domains/money';
import { SectionCard } from '../../../shared/ui/section-card';
import { yuan } from './money-format';

/**
 * Funds-flow and bill rows with a blank 子订单号 whose 订单号 has no single line (DOUYIN_EXPORTS.md
 * §1.3): listed with their amount, so no money disappears from the screen.
 */
export function UnmatchedCard({ unmatched }: { unmatched: UnmatchedMovements }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('money.unmatched.title')}>
      <Flex vertical gap={12} data-testid="money-unmatched">
        <Alert type="warning" showIcon title={t('money.unmatched.summary', { rows: unmatched.rows, amount: yuan(unmatched.amountFen) })} description={t('money.unmatched.hint')} />
        <Table<UnmatchedMovement>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={unmatched.items}
          columns={[
            { title: t('money.unmatched.order'), dataIndex: 'orderId' },
            { title: t('money.unmatched.on'), dataIndex: 'on' },
            { title: t('money.unmatched.kind'), dataIndex: 'kind', render: (k: UnmatchedMovement['kind']) => t(`money.unmatched.kinds.${k}`) },
            { title: t('money.unmatched.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => yuan(fen) },
            { title: t('money.unmatched.reason'), dataIndex: 'reason', render: (r: UnmatchedMovement['reason']) => t(`money.unmatched.reasons.${r}`) },
          ]}
        />
        {unmatched.items.length < unmatched.rows && <Typography.Text type="secondary">{t('money.unmatched.listed', { count: unmatched.items.length })}</Typography.Text>}
      </Flex>
    </SectionCard>
  );
}
