import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Empty, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PURCHASE_STATUSES, type PurchaseStatus } from '../../../../../shared/domain/purchase-status';
import type { MoveResult, PurchaseRow } from '../../../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { shareText } from '../model';
import { useCopyText } from '../use-copy';
import { ProductProfitCard } from './product-profit-card';
import { BasisTag, yuan } from './profit-table';
import { PurchasePanel } from './purchase-panel';
import { StatusTag } from './status-tag';

const PAGE = 50;
const INVALIDATES = { methods: ['purchases.list', 'purchases.forOrder'] } as const;
const rowKey = (r: PurchaseRow) => (r.purchaseId === null ? `order:${r.orderId}` : `purchase:${r.purchaseId}`);

/** 采购 Purchases: every order to buy and every purchase, bulk actions, profit per order and per product. */
export function PurchasesScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const copy = useCopyText();
  const [status, setStatus] = useState<PurchaseStatus | undefined>(undefined);
  const [supplierId, setSupplierId] = useState<number | undefined>(undefined);
  const [orderId, setOrderId] = useState('');
  const [page, setPage] = useState(1);
  // Selected by order number: a bulk action turns an order's 待采购 row into a purchase row (a new key), and the order stays selected.
  const [selectedOrders, setSelectedOrders] = useState<string[]>([]);
  const [bulkSupplier, setBulkSupplier] = useState<number | undefined>(undefined);
  const [copySupplier, setCopySupplier] = useState<number | undefined>(undefined);
  const [open, setOpen] = useState<string | null>(null);
  const params = { ...(status && { status }), ...(supplierId && { supplierId }), ...(orderId.trim() && { orderId: orderId.trim() }), limit: PAGE, offset: (page - 1) * PAGE };
  const list = useRpcQuery('purchases.list', params, { refetchOn: ['purchases.changed', 'imports.finished', 'imports.undone'] });
  const suppliers = useRpcQuery('suppliers.list', {}, { refetchOn: ['sourcing.changed'] });
  const assign = useRpcMutation('purchases.assignSupplier', { invalidates: INVALIDATES });
  const move = useRpcMutation('purchases.move', { invalidates: INVALIDATES });
  const messages = useRpcMutation('purchases.messages');
  const label = (s: PurchaseStatus) => t(`purchases.statuses.${s}`);
  const supplierOptions = (suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  const orderIds = selectedOrders;
  const rows = list.data?.rows ?? [];
  const coverage = list.data?.coverage;

  const reportMove = (result: MoveResult) => {
    void message.success(t('purchases.bulk.moved', { count: result.moved.length }));
    if (result.refused.length > 0) {
      const why = [...new Set(result.refused.map((r) => t(`purchases.refusal.${r.problem}`, { from: label(r.from), to: label(r.to) })))].join('；');
      void message.warning(t('purchases.bulk.refused', { count: result.refused.length, why }));
    }
  };
  const markAll = async (to: 'ordered' | 'paid') => {
    try {
      reportMove(await move.mutate({ orderIds, to }));
    } catch (error) {
      showError(error);
    }
  };
  const assignAll = async () => {
    if (bulkSupplier === undefined) return;
    try {
      const result = await assign.mutate({ orderIds, supplierId: bulkSupplier });
      void message.success(t('purchases.bulk.assigned', { count: result.purchases.length }));
      if (result.skipped.length > 0) void message.warning(t('purchases.bulk.skipped', { count: result.skipped.length }));
    } catch (error) {
      showError(error);
    }
  };
  const copyAll = async () => {
    if (copySupplier === undefined) return;
    try {
      const result = await messages.mutate({ supplierId: copySupplier, ...(orderIds.length > 0 && { orderIds }) });
      if (result.messages.length === 0) void message.warning(t('purchases.bulk.nothingToCopy'));
      else await copy(result.text, t('purchases.bulk.copied', { count: result.messages.length }));
    } catch (error) {
      showError(error);
    }
  };

  const filtered = status !== undefined || supplierId !== undefined || orderId.trim() !== '';
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('purchases.title')}
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label={t('purchases.filters.status')}
            allowClear
            placeholder={t('purchases.filters.allStatuses')}
            style={{ width: 150 }}
            value={status}
            onChange={(v: PurchaseStatus | undefined) => {
              setStatus(v);
              setPage(1);
            }}
            options={PURCHASE_STATUSES.map((s) => ({ value: s, label: label(s) }))}
          />
          <Select
            aria-label={t('purchases.filters.supplier')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('purchases.filters.allSuppliers')}
            style={{ width: 180 }}
            value={supplierId}
            onChange={(v: number | undefined) => {
              setSupplierId(v);
              setPage(1);
            }}
            options={supplierOptions}
          />
          <Input.Search
            aria-label={t('purchases.filters.order')}
            placeholder={t('purchases.filters.order')}
            allowClear
            style={{ width: 240 }}
            onSearch={(v) => {
              setOrderId(v);
              setPage(1);
            }}
          />
        </Space>
      </Flex>
      <Typography.Text type="secondary" data-testid="cost-coverage">
        {coverage && coverage.orders > 0
          ? t('purchases.coverage', { recorded: coverage.withRecordedCost, orders: coverage.orders, share: shareText(coverage.withRecordedCost, coverage.orders) })
          : t('purchases.coverageNone')}
      </Typography.Text>
      <Flex gap={8} wrap align="center" data-testid="bulk-bar">
        {orderIds.length > 0 && (
          <>
            <Typography.Text strong>{t('purchases.bulk.selected', { count: orderIds.length })}</Typography.Text>
            <Space.Compact>
              <Select aria-label={t('purchases.bulk.assignPlaceholder')} placeholder={t('purchases.bulk.assignPlaceholder')} style={{ width: 170 }} options={supplierOptions} value={bulkSupplier} onChange={setBulkSupplier} showSearch={{ optionFilterProp: 'label' }} />
              <Button onClick={() => void assignAll()} disabled={bulkSupplier === undefined} loading={assign.isPending}>
                {t('purchases.bulk.assign')}
              </Button>
            </Space.Compact>
            <Button onClick={() => void markAll('ordered')} loading={move.isPending}>
              {t('purchases.bulk.markOrdered')}
            </Button>
            <Button onClick={() => void markAll('paid')} loading={move.isPending}>
              {t('purchases.bulk.markPaid')}
            </Button>
            <Button type="link" onClick={() => setSelectedOrders([])}>
              {t('purchases.bulk.clear')}
            </Button>
          </>
        )}
        <Space.Compact>
          <Select aria-label={t('purchases.bulk.copySupplierPlaceholder')} placeholder={t('purchases.bulk.copySupplierPlaceholder')} style={{ width: 170 }} options={supplierOptions} value={copySupplier} onChange={setCopySupplier} showSearch={{ optionFilterProp: 'label' }} />
          <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copyAll()} disabled={copySupplier === undefined} loading={messages.isPending}>
            {t('purchases.bulk.copySupplier')}
          </Button>
        </Space.Compact>
      </Flex>
      {rows.length === 0 && !list.isLoading ? (
        <Empty
          description={
            <Flex vertical gap={4} style={{ maxWidth: 520, margin: '0 auto' }}>
              <Typography.Text strong>{filtered ? t('purchases.empty.filtered') : t('purchases.empty.title')}</Typography.Text>
              {!filtered && <Typography.Text type="secondary">{t('purchases.empty.hint')}</Typography.Text>}
            </Flex>
          }
        />
      ) : (
        <Table<PurchaseRow>
          rowKey={rowKey}
          size="small"
          scroll={{ x: 930 }}
          loading={list.isLoading}
          dataSource={rows}
          rowSelection={{
            selectedRowKeys: rows.filter((r) => selectedOrders.includes(r.orderId)).map(rowKey),
            onChange: (_keys, chosen) => {
              const onPage = new Set(rows.map((r) => r.orderId));
              setSelectedOrders([...new Set([...selectedOrders.filter((o) => !onPage.has(o)), ...chosen.map((r) => r.orderId)])]);
            },
          }}
          pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: setPage }}
          onRow={(r) => ({ onClick: () => setOpen(r.orderId), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('purchases.columns.order'), width: 170, render: (_: unknown, r) => <Typography.Text copyable={{ text: r.orderId }}>{r.orderId}</Typography.Text> },
            {
              title: t('purchases.columns.products'),
              render: (_: unknown, r) => (
                <>
                  {r.lines.map((l) => `${l.productTitle ?? '?'} ×${l.quantity ?? 1}`).join('；')}
                  {r.trackingMismatch && (
                    <Tooltip title={t('purchases.mismatchHint', { own: r.trackingNo, platform: r.platformTracking.map((w) => w.waybill).join('，') })}>
                      <Tag color="orange" style={{ marginLeft: 6 }}>{t('purchases.mismatch')}</Tag>
                    </Tooltip>
                  )}
                  {r.proofCount > 0 && <Tag style={{ marginLeft: 6 }}>{`${t('purchases.panel.proofs')} ${r.proofCount}`}</Tag>}
                </>
              ),
            },
            {
              title: t('purchases.columns.status'),
              width: 120,
              // The refund request sits beside the status, where it cannot be scrolled out of sight.
              render: (_: unknown, r) => (
                <Flex gap={4} wrap>
                  <StatusTag status={r.status} />
                  {r.refundRequested && <Tag color="red">{t('purchases.refundRequested')}</Tag>}
                </Flex>
              ),
            },
            {
              title: t('purchases.columns.supplier'),
              width: 110,
              render: (_: unknown, r) => r.supplierName ?? (r.suggestedSupplierName ? <Typography.Text type="secondary">{t('purchases.suggested', { name: r.suggestedSupplierName })}</Typography.Text> : <Typography.Text type="secondary">{t('purchases.noSupplier')}</Typography.Text>),
            },
            { title: t('purchases.columns.shipBy'), width: 90, render: (_: unknown, r) => r.shipBy?.slice(5, 16) ?? '—' },
            { title: t('purchases.columns.amount'), width: 80, align: 'right', render: (_: unknown, r) => (r.amountFen === null ? '—' : yuan(r.amountFen)) },
            {
              title: t('purchases.columns.profit'),
              width: 125,
              align: 'right',
              render: (_: unknown, r) => (
                <span data-testid="row-profit">
                  <Typography.Text type={r.profit.profitFen < 0 ? 'danger' : undefined}>{yuan(r.profit.profitFen)}</Typography.Text> <BasisTag basis={r.profit.basis} />
                </span>
              ),
            },
          ]}
        />
      )}
      <ProductProfitCard />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size="large" destroyOnHidden title={`${t('purchases.panel.title')} · ${open ?? ''}`}>
        {open && <PurchasePanel orderId={open} />}
      </Drawer>
    </Flex>
  );
}
