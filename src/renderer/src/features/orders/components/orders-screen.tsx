import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Empty, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/cost-stack';
import { UNSHIPPED_STATUSES } from '../../../../../shared/domain/order-line-state';
import { PURCHASE_STATUSES, type PurchaseStatus } from '../../../../../shared/domain/purchase-status';
import type { OrderCount, OrderFilter, OrderQueue, OrderSort, OrderSummary } from '../../../../../shared/rpc/contract';
import { hashForScreen, useHashParam } from '../../../app/hash-route';
import { useClient, useRpcEvent, useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { formatChinaTime } from '../../../shared/ui/format';
import { downloadCsv } from '../../shared/download-csv';
import { PREFS_KEY, readPrefs, visibleColumns, type ColumnPrefs, type OrderColumn } from '../column-prefs';
import { orderFromHash, useHashFilter } from '../hash-filter';
import { ColumnChooser } from './column-chooser';
import { OrderDrawer } from './order-drawer';
import { OrdersBulkBar } from './orders-bulk-bar';

const PAGE = 200;
const QUEUES: (OrderQueue | 'all')[] = ['all', 'toPurchase', 'due24h', 'overdue', 'refundBeforeShip', 'afterSalesOpen'];
const STATUSES = ['待支付', '已支付', '待发货', '备货中', '部分发货', '已发货', '已完成', '已关闭'];

const EXCEPTIONS: readonly PurchaseStatus[] = ['out_of_stock', 'delayed', 'address_issue'];
/** Still to ship: a line of an unshipped status without its own 发货时间 (order-line-state.ts). */
const toShip = (o: OrderSummary) => o.lines.some((l) => l.shippedAt === null && (UNSHIPPED_STATUSES as readonly string[]).includes(l.status ?? ''));

type Loaded = { orders: OrderSummary[]; total: OrderCount | null; next: string | null; at: string };

const loadPrefs = (): ColumnPrefs => {
  try {
    return readPrefs(window.localStorage.getItem(PREFS_KEY));
  } catch {
    return readPrefs(null);
  }
};

/** 订单 Orders: every imported order, filtered and sorted on the core's indexes, loaded page by page. */
export function OrdersScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const showError = useShowError();
  const hashFilter = useHashFilter();
  const hashOrder = orderFromHash(useHashParam('order'));
  const [filter, setFilter] = useState<OrderFilter>(hashFilter);
  const [sort, setSort] = useState<{ sort: OrderSort; direction: 'asc' | 'desc' }>({ sort: 'shipBy', direction: 'asc' });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(false);
  const [prefs, setPrefs] = useState<ColumnPrefs>(loadPrefs);
  const [choosing, setChoosing] = useState(false);
  const [openOrder, setOpenOrder] = useState<string | null>(null);
  const generation = useRef(0);
  const [selected, setSelected] = useState<string[]>([]);
  // Bumped to load the list again from the first page (after a bulk action, or a purchase changed in the drawer).
  const [reloads, setReloads] = useState(0);
  const purchasesChanged = useRef(false);
  useRpcEvent('purchases.changed', () => {
    purchasesChanged.current = true;
  });
  const suppliers = useRpcQuery('suppliers.list', {}, { refetchOn: ['sourcing.changed'] });
  const { mutate: exportCsv, isPending: exporting } = useRpcMutation('orders.exportCsv');

  useEffect(() => setFilter(hashFilter), [hashFilter]);
  useEffect(() => {
    if (hashOrder) setOpenOrder(hashOrder);
  }, [hashOrder]);

  // A new filter or sort starts again from the first page; answers to an older one are dropped.
  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    setSelected([]);
    purchasesChanged.current = false;
    // The page shows first; the count of every match (a pass over them all) follows.
    client
      .call('orders.list', { filter, ...sort, limit: PAGE, withTotal: false })
      .then(async (r) => {
        if (mine !== generation.current) return;
        setLoaded({ orders: r.orders, total: null, next: r.nextCursor, at: r.at });
        setLoading(false);
        const total = await client.call('orders.count', { filter, at: r.at });
        if (mine === generation.current) setLoaded((prev) => (prev ? { ...prev, total } : prev));
      })
      .catch((error: unknown) => mine === generation.current && showError(error))
      .finally(() => mine === generation.current && setLoading(false));
  }, [client, filter, sort, showError, reloads]);

  const loadMore = useCallback(() => {
    if (!loaded?.next || loading) return;
    const mine = generation.current;
    setLoading(true);
    client
      .call('orders.list', { filter, ...sort, at: loaded.at, cursor: loaded.next, limit: PAGE, withTotal: false })
      .then((r) => mine === generation.current && setLoaded((prev) => (prev ? { ...prev, orders: [...prev.orders, ...r.orders], next: r.nextCursor } : prev)))
      .catch((error: unknown) => mine === generation.current && showError(error))
      .finally(() => mine === generation.current && setLoading(false));
  }, [client, filter, sort, loaded, loading, showError]);

  const savePrefs = (next: ColumnPrefs) => {
    setPrefs(next);
    try {
      window.localStorage.setItem(PREFS_KEY, JSON.stringify(next));
    } catch {
      // Storage refused (private window): the choice holds for this session.
    }
  };

  const patch = (p: Partial<OrderFilter>) =>
    setFilter((f) => {
      const next: OrderFilter = { ...f, ...p };
      for (const k of Object.keys(next) as (keyof OrderFilter)[]) if (next[k] === undefined || next[k] === '') delete next[k];
      return next;
    });

  const onExport = async () => {
    try {
      const result = await exportCsv({ filter, ...sort, at: loaded?.at });
      downloadCsv(result.csv, 'shopdesk-orders.csv');
      void message.success(t('orders.exported', { rows: result.rows }));
    } catch (error) {
      showError(error);
    }
  };

  const closeDrawer = () => {
    setOpenOrder(null);
    // The order's purchase may have moved: its row (and the filter's matches) are read again.
    if (purchasesChanged.current) setReloads((n) => n + 1);
    if (hashOrder) window.location.replace(hashForScreen('orders', hashFilter.queue ? { queue: hashFilter.queue } : {}));
  };

  const nowMs = loaded ? Date.parse(loaded.at) : Date.now();
  const allColumns = useMemo((): Record<OrderColumn, TableColumnsType<OrderSummary>[number]> => {
    const join = (o: OrderSummary, pick: (l: OrderSummary['lines'][number]) => string | null) => [...new Set(o.lines.map(pick).filter((v): v is string => !!v && v !== '-'))].join(' / ');
    return {
      mainOrderId: { key: 'mainOrderId', title: t('orders.columns.mainOrderId'), width: 190, fixed: 'left', render: (_, o) => <Typography.Text copyable={{ text: o.mainOrderId }}>{o.mainOrderId}</Typography.Text> },
      shipBy: {
        key: 'shipBy',
        title: t('orders.columns.shipBy'),
        // Date, time and the 已超时 tag on one line: at 170 px the time wrapped under the date on overdue rows only.
        width: 210,
        render: (_, o) =>
          o.shipBy === null ? (
            <Typography.Text type="secondary">{t('orders.noShipBy')}</Typography.Text>
          ) : (
            <Space size={4} style={{ whiteSpace: 'nowrap' }}>
              {formatChinaTime(o.shipBy)}
              {toShip(o) && Date.parse(o.shipBy) <= nowMs && <Tag color="error">{t('orders.overdue')}</Tag>}
            </Space>
          ),
      },
      products: {
        key: 'products',
        title: t('orders.columns.products'),
        width: 320,
        render: (_, o) => (
          <Typography.Text ellipsis={{ tooltip: o.lines.map((l) => `${l.productTitle ?? '-'}${l.productSpec ? `（${l.productSpec}）` : ''}`).join('\n') }} style={{ maxWidth: 300 }}>
            {o.lines[0]?.productTitle ?? '-'}
            {o.lines.length > 1 && <Typography.Text type="secondary">{` · ${t('orders.lines', { count: o.lines.length })}`}</Typography.Text>}
          </Typography.Text>
        ),
      },
      quantity: { key: 'quantity', title: t('orders.columns.quantity'), width: 70, align: 'right', render: (_, o) => o.lines.reduce((n, l) => n + (l.quantity ?? 0), 0) },
      amount: { key: 'amount', title: t('orders.columns.amount'), width: 110, align: 'right', render: (_, o) => `¥${formatFen(o.payableFen)}` },
      status: { key: 'status', title: t('orders.columns.status'), width: 110, render: (_, o) => join(o, (l) => l.status) },
      aftersale: { key: 'aftersale', title: t('orders.columns.aftersale'), width: 120, render: (_, o) => join(o, (l) => l.aftersaleStatus) || '-' },
      purchase: {
        key: 'purchase',
        title: t('orders.columns.purchase'),
        width: 220,
        render: (_, o) =>
          o.purchaseStatus === null ? (
            '-'
          ) : (
            <Flex gap={4} align="center" style={{ minWidth: 0 }}>
              <Tag color={EXCEPTIONS.includes(o.purchaseStatus) ? 'error' : o.purchaseStatus === 'pending' ? 'processing' : 'default'} style={{ flex: 'none' }}>
                {t(`purchases.statuses.${o.purchaseStatus}`)}
              </Tag>
              {o.suppliers.length > 0 && (
                <Typography.Text type="secondary" ellipsis={{ tooltip: o.suppliers.map((x) => x.name).join(' / ') }} style={{ minWidth: 0 }}>
                  {o.suppliers.map((x) => x.name).join(' / ')}
                </Typography.Text>
              )}
            </Flex>
          ),
      },
      paidAt: { key: 'paidAt', title: t('orders.columns.paidAt'), width: 160, render: (_, o) => o.paidAt?.slice(0, 16) ?? '-' },
      province: { key: 'province', title: t('orders.columns.province'), width: 130, render: (_, o) => o.province ?? '-' },
      influencer: { key: 'influencer', title: t('orders.columns.influencer'), width: 160, render: (_, o) => join(o, (l) => l.influencerName ?? l.influencerId) || '-' },
      source: { key: 'source', title: t('orders.columns.source'), width: 120, render: (_, o) => join(o, (l) => l.trafficSource) || '-' },
    };
  }, [t, nowMs]);
  const columns = visibleColumns(prefs).map((c) => allColumns[c]);
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);
  const filtered = Object.keys(filter).length > 0;
  const empty = loaded !== null && loaded.orders.length === 0;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('orders.title')}
        </Typography.Title>
        <Space wrap>
          <Input.Search aria-label={t('orders.search')} placeholder={t('orders.search')} allowClear onSearch={(v) => patch({ search: v.trim() || undefined })} style={{ width: 320 }} />
          <Button icon={<SettingOutlined aria-hidden />} onClick={() => setChoosing(true)}>
            {t('orders.columnsButton')}
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} loading={exporting} disabled={empty} onClick={() => void onExport()}>
            {t('orders.exportCsv')}
          </Button>
        </Space>
      </Flex>
      <Flex wrap gap={8} align="center">
        <Select<OrderQueue | 'all'>
          aria-label={t('orders.queue.all')}
          value={filter.queue ?? 'all'}
          style={{ width: 170 }}
          options={QUEUES.map((q) => ({ value: q, label: t(`orders.queue.${q}`) }))}
          onChange={(q) => patch({ queue: q === 'all' ? undefined : q })}
        />
        <Select
          allowClear
          aria-label={t('orders.filters.status')}
          placeholder={t('orders.filters.status')}
          value={filter.status}
          style={{ width: 130 }}
          options={STATUSES.map((s) => ({ value: s, label: s }))}
          onChange={(s?: string) => patch({ status: s })}
        />
        <Select
          allowClear
          aria-label={t('orders.source.placeholder')}
          placeholder={t('orders.source.placeholder')}
          value={filter.source}
          style={{ width: 150 }}
          options={(['affiliate', 'self'] as const).map((s) => ({ value: s, label: t(`orders.source.${s}`) }))}
          onChange={(s?: 'affiliate' | 'self') => patch({ source: s })}
        />
        <DatePicker.RangePicker
          aria-label={t('orders.filters.paidFrom')}
          placeholder={[t('orders.filters.paidFrom'), t('orders.filters.paidTo')]}
          value={filter.paidFrom && filter.paidTo ? [dayjs(filter.paidFrom), dayjs(filter.paidTo)] : null}
          onChange={(range) => patch({ paidFrom: range?.[0]?.format('YYYY-MM-DD'), paidTo: range?.[1]?.format('YYYY-MM-DD') })}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('orders.filters.supplier')}
          placeholder={t('orders.filters.supplier')}
          value={filter.supplierId}
          style={{ width: 160 }}
          options={(suppliers.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          onChange={(v?: number) => patch({ supplierId: v })}
        />
        <Select
          allowClear
          aria-label={t('orders.filters.purchaseStatus')}
          placeholder={t('orders.filters.purchaseStatus')}
          value={filter.purchaseStatus}
          style={{ width: 130 }}
          options={PURCHASE_STATUSES.map((x) => ({ value: x, label: t(`purchases.statuses.${x}`) }))}
          onChange={(v?: PurchaseStatus) => patch({ purchaseStatus: v })}
        />
        {/* Keyed by the filter's value: a drill-down from 看数据 (or 清除筛选) shows in the box it set. */}
        <Input.Search key={`province-${filter.province ?? ''}`} defaultValue={filter.province} aria-label={t('orders.filters.province')} placeholder={t('orders.filters.province')} allowClear style={{ width: 200 }} onSearch={(v) => patch({ province: v.trim() || undefined })} />
        <Input.Search key={`product-${filter.product ?? ''}`} defaultValue={filter.product} aria-label={t('orders.filters.product')} placeholder={t('orders.filters.product')} allowClear style={{ width: 180 }} onSearch={(v) => patch({ product: v.trim() || undefined })} />
        <Input.Search key={`influencer-${filter.influencer ?? ''}`} defaultValue={filter.influencer} aria-label={t('orders.filters.influencer')} placeholder={t('orders.filters.influencer')} allowClear style={{ width: 160 }} onSearch={(v) => patch({ influencer: v.trim() || undefined })} />
        <Select
          aria-label={t('orders.sort.label')}
          value={`${sort.sort}:${sort.direction}`}
          style={{ width: 190 }}
          options={(['shipBy', 'paidAt', 'amount'] as const).flatMap((s) => (['asc', 'desc'] as const).map((d) => ({ value: `${s}:${d}`, label: `${t(`orders.sort.${s}`)} · ${t(`orders.sort.${d}`)}` })))}
          onChange={(v: string) => {
            const [s, d] = v.split(':') as [OrderSort, 'asc' | 'desc'];
            setSort({ sort: s, direction: d });
          }}
        />
        {filtered && <Button onClick={() => setFilter({})}>{t('orders.clear')}</Button>}
      </Flex>
      {loaded && !empty && (
        <Typography.Text type="secondary" aria-live="polite">
          {loaded.total ? t('orders.total', { orders: loaded.total.orders, lines: loaded.total.lines, shown: loaded.orders.length }) : t('orders.counting', { shown: loaded.orders.length })}
        </Typography.Text>
      )}
      {selected.length > 0 ? (
        <OrdersBulkBar orderIds={selected} suppliers={suppliers.data ?? []} onDone={() => setReloads((n) => n + 1)} onClear={() => setSelected([])} />
      ) : (
        loaded && !empty && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('orders.bulk.selectHint')}</Typography.Text>
      )}
      {empty && !loading ? (
        <Empty
          description={
            <Flex vertical gap={4} style={{ maxWidth: 560, margin: '0 auto' }}>
              <Typography.Text strong>{filtered ? t('orders.empty.filtered') : t('orders.empty.title')}</Typography.Text>
              {!filtered && <Typography.Text type="secondary">{t('orders.empty.hint')}</Typography.Text>}
            </Flex>
          }
        >
          {filtered ? <Button onClick={() => setFilter({})}>{t('orders.clear')}</Button> : <Button type="primary" href={hashForScreen('imports')}>{t('orders.empty.importNow')}</Button>}
        </Empty>
      ) : (
        <>
          <Table<OrderSummary>
            virtual
            rowKey="mainOrderId"
            size="small"
            loading={loading && loaded === null}
            dataSource={loaded?.orders ?? []}
            columns={columns}
            pagination={false}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), columnWidth: 40 }}
            scroll={{ x: width + 40, y: 560 }}
            onRow={(o) => ({ onClick: () => setOpenOrder(o.mainOrderId), style: { cursor: 'pointer' } })}
          />
          <Flex justify="center">
            {loaded?.next ? (
              <Button loading={loading} onClick={loadMore}>
                {t('orders.loadMore')}
              </Button>
            ) : (
              loaded && <Typography.Text type="secondary">{t('orders.allLoaded')}</Typography.Text>
            )}
          </Flex>
        </>
      )}
      <ColumnChooser open={choosing} prefs={prefs} onChange={savePrefs} onClose={() => setChoosing(false)} />
      <OrderDrawer orderId={openOrder} onClose={closeDrawer} />
    </Flex>
  );
}
