import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useErrorMessage, useShowError } from '../../../shared/ui/error-message';
import { useCopyText } from '../use-copy';
import { PurchaseCard } from './purchase-card';
import { ProfitTable } from './profit-table';

const INVALIDATES = { methods: ['purchases.forOrder', 'purchases.list'] } as const;

/**
 * The purchase side of one order (采购 / 代发): its purchases with form, status, proofs and the
 * message for the supplier, a button for lines no purchase covers yet, the loud refund warning,
 * and the order's profit. Mounted in the orders drawer and the purchases screen's drawer.
 */
export function PurchasePanel({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const describe = useErrorMessage();
  const copy = useCopyText();
  const order = useRpcQuery('purchases.forOrder', { orderId }, { refetchOn: ['purchases.changed', 'imports.finished'] });
  const suppliers = useRpcQuery('suppliers.list', {}, { refetchOn: ['sourcing.changed'] });
  const channels = useRpcQuery('purchases.channels', {});
  const create = useRpcMutation('purchases.create', { invalidates: INVALIDATES });
  const messages = useRpcMutation('purchases.messages');

  if (order.error && !order.data) return <Alert type="error" showIcon title={describe(order.error)} />;
  const data = order.data;
  if (!data) return <Skeleton active />;

  const createPurchase = async () => {
    try {
      await create.mutate({ orderId, ...(data.suggestedSupplierId !== null && { fields: { supplierId: data.suggestedSupplierId } }) });
      void message.success(t('purchases.panel.created'));
    } catch (error) {
      showError(error);
    }
  };
  const copyUncovered = async () => {
    try {
      const result = await messages.mutate({ orderIds: [orderId] });
      const open = result.messages.filter((m) => m.purchaseId === null);
      await copy(open.map((m) => m.text).join('\n\n'), t('purchases.panel.copied'));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="purchase-panel">
      {/* A purchase card carrying the warning says it where the buying happens; the order-level banner would repeat it. */}
      {data.refundRequested && !data.purchases.some((p) => p.refundRequested) && <Alert type="error" showIcon banner title={t('purchases.refundRequested')} description={t('purchases.refundRequestedHint')} />}
      {data.uncoveredSubOrderIds.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('purchases.panel.uncovered', { count: data.uncoveredSubOrderIds.length })}
          action={
            <Space>
              <Button size="small" icon={<CopyOutlined aria-hidden />} onClick={() => void copyUncovered()} loading={messages.isPending}>
                {t('purchases.panel.copy')}
              </Button>
              <Button size="small" type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void createPurchase()} loading={create.isPending}>
                {t('purchases.panel.create')}
              </Button>
            </Space>
          }
        />
      )}
      {data.purchases.length === 0 && data.uncoveredSubOrderIds.length === 0 && <Empty description={t('purchases.empty.title')} />}
      {data.purchases.map((p) => (
        <PurchaseCard key={p.id} purchase={p} suppliers={suppliers.data ?? []} channels={channels.data ?? []} />
      ))}
      {data.purchases.length !== 1 && <ProfitTable profit={data.profit} />}
    </Flex>
  );
}
