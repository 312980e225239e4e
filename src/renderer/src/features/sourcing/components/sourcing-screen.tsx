import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Input, Segmented, Select, Space, Typography } from 'antd';
import { lengthCount } from '../../../shared/ui/length-count';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ABANDON_REASONS, PRODUCT_STAGES, type AbandonReason, type ProductStage } from '../../../../../shared/domain/sourcing-pipeline';
import { SOURCE_CHANNELS, type SourceChannel } from '../../../../../shared/domain/sourcing-pipeline';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useErrorMessage, useShowError } from '../../../shared/ui/error-message';
import { useCsvExport } from '../../shared';
import { CaptureBar } from './capture-bar';
import { CsvImportModal } from './csv-import-modal';
import { ProductBoard } from './product-board';
import { ProductDrawer } from './product-drawer';
import { ProductTable } from './product-table';
import { QuotaCard } from './quota-card';

const INVALIDATES = { methods: ['products.list', 'sourcing.quota', 'products.get'] } as const;

/** 选品 Sourcing: today's quota, quick capture, the pipeline as a board or a table, bulk moves. */
export function SourcingScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const describe = useErrorMessage();
  const [view, setView] = useState<'board' | 'table'>('board');
  const [search, setSearch] = useState('');
  const [channel, setChannel] = useState<SourceChannel | undefined>(undefined);
  const [selected, setSelected] = useState<number[]>([]);
  const [bulkTo, setBulkTo] = useState<ProductStage | undefined>(undefined);
  const [bulkReason, setBulkReason] = useState<AbandonReason | undefined>(undefined);
  const [drawer, setDrawer] = useState<{ open: boolean; id: number | null }>({ open: false, id: null });
  const [importing, setImporting] = useState(false);
  const filter = { ...(search.trim() ? { search: search.trim() } : {}), ...(channel ? { sourceChannel: channel } : {}) };
  const products = useRpcQuery('products.list', filter, { refetchOn: ['sourcing.changed'] });
  const quota = useRpcQuery('sourcing.quota', {}, { refetchOn: ['sourcing.changed'] });
  const move = useRpcMutation('products.move', { invalidates: INVALIDATES });
  const csvExport = useCsvExport('products.exportCsv', 'shopdesk-products.csv');
  const list = products.data ?? [];
  const filtered = Object.keys(filter).length > 0;

  const applyBulk = async () => {
    if (!bulkTo) return;
    try {
      const result = await move.mutate({ ids: selected, to: bulkTo, ...(bulkTo === 'abandoned' && bulkReason ? { reason: bulkReason } : {}) });
      if (result.moved.length > 0) void message.success(t('sourcing.bulk.moved', { moved: result.moved.length }));
      if (result.refused.length > 0) {
        const why = [...new Set(result.refused.map((r) => t(`sourcing.problems.${r.problem}`)))].join('；');
        void message.warning(t('sourcing.bulk.refused', { count: result.refused.length, why }), 6);
      }
      setSelected(result.refused.map((r) => r.id));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('sourcing.title')}
        </Typography.Title>
        <Space>
          <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
            {t('sourcing.csv.button')}
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void csvExport.exportCsv()} loading={csvExport.isPending}>
            {t('sourcing.exportCsv')}
          </Button>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDrawer({ open: true, id: null })}>
            {t('sourcing.newProduct')}
          </Button>
        </Space>
      </Flex>
      {quota.data && <QuotaCard view={quota.data} />}
      <CaptureBar onCaptured={() => undefined} />
      {products.error !== undefined && <Alert type="error" showIcon title={describe(products.error)} />}
      <Flex gap={8} wrap align="center">
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'board' | 'table')}
          options={[
            { value: 'board', label: t('sourcing.view.board') },
            { value: 'table', label: t('sourcing.view.table') },
          ]}
        />
        <Input.Search aria-label={t('sourcing.filters.search')} placeholder={t('sourcing.filters.search')} allowClear count={lengthCount('productSearch', { onlyPastLimit: true })} onSearch={setSearch} style={{ width: 280 }} />
        <Select
          aria-label={t('sourcing.filters.channel')}
          allowClear
          placeholder={t('sourcing.filters.allChannels')}
          value={channel}
          onChange={setChannel}
          style={{ width: 180 }}
          options={SOURCE_CHANNELS.map((c) => ({ value: c, label: t(`sourcing.channels.${c}`) }))}
        />
        {selected.length > 0 && (
          <Space.Compact>
            <Typography.Text style={{ padding: '4px 8px' }}>{t('sourcing.bulk.selected', { count: selected.length })}</Typography.Text>
            <Select aria-label={t('sourcing.bulk.moveTo')} placeholder={t('sourcing.bulk.moveTo')} style={{ width: 120 }} value={bulkTo} onChange={setBulkTo} options={PRODUCT_STAGES.map((s) => ({ value: s, label: t(`sourcing.stages.${s}`) }))} />
            {bulkTo === 'abandoned' && (
              <Select aria-label={t('sourcing.bulk.reason')} placeholder={t('sourcing.bulk.reason')} style={{ width: 140 }} value={bulkReason} onChange={setBulkReason} options={ABANDON_REASONS.map((r) => ({ value: r, label: t(`sourcing.reasons.${r}`) }))} />
            )}
            <Button type="primary" disabled={!bulkTo} loading={move.isPending} onClick={() => void applyBulk()}>
              {t('sourcing.bulk.apply')}
            </Button>
            <Button onClick={() => setSelected([])}>{t('sourcing.bulk.clear')}</Button>
          </Space.Compact>
        )}
      </Flex>
      {list.length === 0 && !products.isLoading ? (
        <Empty description={filtered ? t('sourcing.empty.filtered') : <Flex vertical gap={4} style={{ maxWidth: 520, margin: '0 auto' }}><Typography.Text strong>{t('sourcing.empty.title')}</Typography.Text><Typography.Text type="secondary">{t('sourcing.empty.hint')}</Typography.Text></Flex>} />
      ) : view === 'board' ? (
        <ProductBoard products={list} selected={selected} onSelect={setSelected} onOpen={(id) => setDrawer({ open: true, id })} />
      ) : (
        <ProductTable products={list} selected={selected} onSelect={setSelected} onOpen={(id) => setDrawer({ open: true, id })} />
      )}
      <CsvImportModal kind="products" open={importing} onClose={() => setImporting(false)} />
      <ProductDrawer productId={drawer.id} open={drawer.open} onClose={() => setDrawer({ open: false, id: null })} onCreated={(id) => setDrawer({ open: true, id })} />
    </Flex>
  );
}
