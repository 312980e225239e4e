import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { joinMessages } from '../../../../../shared/domain/supplier-message';
import type { PurchaseStatus } from '../../../../../shared/domain/purchase-status';
import type { MoveResult, SupplierSummary } from '../../../../../shared/rpc/contract';
import { useClient } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { useCopyText } from '../../purchases/use-copy';
import { inChunks } from '../bulk';

/**
 * Bulk actions on the orders ticked in the table (issue 11): assign a supplier, mark 已下单 / 已付款,
 * copy every message for one supplier. The purchases desk's own bulk methods do the work (at most
 * 500 orders per call, so a larger selection goes in parts and the results are added up); a move
 * the state machine refuses is reported with both states named, in the user's language.
 */
export function OrdersBulkBar({ orderIds, suppliers, onDone, onClear }: { orderIds: readonly string[]; suppliers: readonly SupplierSummary[]; onDone(): void; onClear(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const showError = useShowError();
  const copy = useCopyText();
  const [assignTo, setAssignTo] = useState<number | undefined>(undefined);
  const [copyFor, setCopyFor] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState<'assign' | 'ordered' | 'paid' | 'copy' | null>(null);
  const options = suppliers.map((s) => ({ value: s.id, label: s.blacklisted ? `${s.name} ⚠` : s.name }));
  const label = (s: PurchaseStatus) => t(`purchases.statuses.${s}`);

  const run = async (what: NonNullable<typeof busy>, work: () => Promise<void>) => {
    setBusy(what);
    try {
      await work();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const assign = () =>
    run('assign', async () => {
      if (assignTo === undefined) return;
      const parts = await inChunks(orderIds, (part) => client.call('purchases.assignSupplier', { orderIds: part, supplierId: assignTo, rememberForProduct: true }));
      const assigned = parts.reduce((n, r) => n + r.purchases.length, 0);
      const skipped = parts.reduce((n, r) => n + r.skipped.length, 0);
      void message.success(t('purchases.bulk.assigned', { count: assigned }));
      if (skipped > 0) void message.warning(t('purchases.bulk.skipped', { count: skipped }));
      onDone();
    });

  const mark = (to: 'ordered' | 'paid') =>
    run(to, async () => {
      const parts = await inChunks(orderIds, (part) => client.call('purchases.move', { orderIds: part, to }));
      const result: MoveResult = { moved: parts.flatMap((r) => r.moved), created: parts.flatMap((r) => r.created), refused: parts.flatMap((r) => r.refused) };
      void message.success(t('purchases.bulk.moved', { count: result.moved.length }));
      if (result.refused.length > 0) {
        const why = [...new Set(result.refused.map((r) => t(`purchases.refusal.${r.problem}`, { from: label(r.from), to: label(r.to) })))].join('；');
        void message.warning(t('purchases.bulk.refused', { count: result.refused.length, why }));
      }
      onDone();
    });

  const copyAll = () =>
    run('copy', async () => {
      if (copyFor === undefined) return;
      const parts = await inChunks(orderIds, (part) => client.call('purchases.messages', { orderIds: part, supplierId: copyFor }));
      const texts = parts.flatMap((r) => r.messages.map((m) => m.text));
      if (texts.length === 0) void message.warning(t('purchases.bulk.nothingToCopy'));
      else await copy(joinMessages(texts), t('purchases.bulk.copied', { count: texts.length }));
    });

  return (
    <Flex gap={8} wrap align="center" data-testid="orders-bulk-bar" role="toolbar" aria-label={t('orders.bulk.bar')}>
      <Typography.Text strong>{t('purchases.bulk.selected', { count: orderIds.length })}</Typography.Text>
      <Space.Compact>
        <Select aria-label={t('purchases.bulk.assignPlaceholder')} placeholder={t('purchases.bulk.assignPlaceholder')} style={{ width: 170 }} options={options} value={assignTo} onChange={setAssignTo} showSearch={{ optionFilterProp: 'label' }} />
        <Button onClick={() => void assign()} disabled={assignTo === undefined} loading={busy === 'assign'}>
          {t('purchases.bulk.assign')}
        </Button>
      </Space.Compact>
      <Button onClick={() => void mark('ordered')} loading={busy === 'ordered'}>
        {t('purchases.bulk.markOrdered')}
      </Button>
      <Button onClick={() => void mark('paid')} loading={busy === 'paid'}>
        {t('purchases.bulk.markPaid')}
      </Button>
      <Space.Compact>
        <Select aria-label={t('purchases.bulk.copySupplierPlaceholder')} placeholder={t('purchases.bulk.copySupplierPlaceholder')} style={{ width: 170 }} options={options} value={copyFor} onChange={setCopyFor} showSearch={{ optionFilterProp: 'label' }} />
        <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copyAll()} disabled={copyFor === undefined} loading={busy === 'copy'}>
          {t('purchases.bulk.copySupplier')}
        </Button>
      </Space.Compact>
      <Button type="link" onClick={onClear}>
        {t('purchases.bulk.clear')}
      </Button>
    </Flex>
  );
}
