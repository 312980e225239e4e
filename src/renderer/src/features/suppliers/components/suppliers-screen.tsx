import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import { lengthCount } from '../../../shared/ui/length-count';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBp } from '../../../../../shared/domain/cost-stack';
import type { SupplierSummary } from '../../../../../shared/rpc/contract';
import { hashForScreen, useHashParam } from '../../../app/hash-route';
import { useRpcQuery } from '../../../app/use-rpc';
import { CsvImportModal } from '../../sourcing';
import { useCsvExport } from '../../shared';
import { SupplierDrawer } from './supplier-drawer';

/** 供应商 Suppliers: the list with warnings and scorecards; the drawer edits one. */
export function SuppliersScreen() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [drawer, setDrawer] = useState<{ open: boolean; id: number | null }>({ open: false, id: null });
  const [importing, setImporting] = useState(false);
  const suppliers = useRpcQuery('suppliers.list', search ? { search } : {}, { refetchOn: ['sourcing.changed'] });
  const { exportCsv } = useCsvExport('suppliers.exportCsv', 'shopdesk-suppliers.csv');
  const list = suppliers.data ?? [];
  // `#/suppliers?supplier=12` (a reminder about that supplier) opens its drawer.
  const linked = Number(useHashParam('supplier'));
  useEffect(() => {
    if (Number.isSafeInteger(linked) && linked > 0) setDrawer({ open: true, id: linked });
  }, [linked]);
  const closeDrawer = () => {
    setDrawer({ open: false, id: null });
    // Forget the link, so the same reminder opens the drawer again next time.
    if (linked) window.location.replace(hashForScreen('suppliers'));
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('suppliers.title')}
        </Typography.Title>
        <Space>
          <Input.Search aria-label={t('suppliers.search')} placeholder={t('suppliers.search')} allowClear count={lengthCount('supplierSearch', { onlyPastLimit: true })} onSearch={setSearch} style={{ width: 260 }} />
          <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
            {t('sourcing.csv.button')}
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void exportCsv()}>
            {t('sourcing.exportCsv')}
          </Button>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDrawer({ open: true, id: null })}>
            {t('suppliers.add')}
          </Button>
        </Space>
      </Flex>
      {list.length === 0 && !suppliers.isLoading ? (
        <Empty
          description={
            <Flex vertical gap={4} style={{ maxWidth: 520, margin: '0 auto' }}>
              <Typography.Text strong>{search ? t('sourcing.empty.filtered') : t('suppliers.empty.title')}</Typography.Text>
              {!search && <Typography.Text type="secondary">{t('suppliers.empty.hint')}</Typography.Text>}
            </Flex>
          }
        />
      ) : (
        <Table<SupplierSummary>
          rowKey="id"
          size="small"
          dataSource={list}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(s) => ({ onClick: () => setDrawer({ open: true, id: s.id }), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('suppliers.columns.name'),
              render: (_: unknown, s) => (
                <>
                  <Typography.Text strong>{s.name}</Typography.Text>
                  {s.blacklisted && <Tag color="red" style={{ marginLeft: 6 }}>{`${t('suppliers.blacklisted')}：${s.blacklistReason}`}</Tag>}
                  {s.warnings.map((w) => (
                    <Tag key={w} color="orange" style={{ marginLeft: 6 }}>
                      {t(`suppliers.warnings.${w}`)}
                    </Tag>
                  ))}
                </>
              ),
            },
            { title: t('suppliers.columns.contact'), render: (_: unknown, s) => [s.contactPerson, s.wechat, s.phone].filter(Boolean).join(' · ') || '—' },
            { title: t('suppliers.columns.channel'), width: 100, render: (_: unknown, s) => t(`suppliers.channels.${s.purchaseChannel}`) },
            { title: t('suppliers.columns.addresses'), width: 90, align: 'right', render: (_: unknown, s) => s.addresses.length },
            { title: t('suppliers.columns.score'), width: 110, align: 'right', render: (_: unknown, s) => `${s.scorecard.products} / ${s.scorecard.orders}` },
            {
              title: t('suppliers.columns.returns'),
              width: 150,
              align: 'right',
              render: (_: unknown, s) => (s.scorecard.returnRateBp === null ? '—' : `${formatBp(s.scorecard.returnRateBp)} / ${formatBp(s.scorecard.defectRateBp ?? 0)}`),
            },
          ]}
        />
      )}
      <CsvImportModal kind="suppliers" open={importing} onClose={() => setImporting(false)} />
      <SupplierDrawer supplierId={drawer.id} open={drawer.open} onClose={closeDrawer} onCreated={(id) => setDrawer({ open: true, id })} />
    </Flex>
  );
}
