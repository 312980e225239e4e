import { Alert, Checkbox, Flex, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AFTERSALE_TYPES } from '../../../../../shared/domain/aftersale-type';
import type { AftersaleCaseRow, AftersaleTypeOrUnknown } from '../../../../../shared/rpc/contract';
import { useRpcQuery } from '../../../app/use-rpc';
import { yuan } from '../model';
import { ArbitrationTag, CountdownTag, OpenTag, TypeTag } from './labels';

const PAGE = 50;
const REFETCH_ON = ['aftersales.changed', 'imports.finished', 'imports.undone', 'purchases.changed'] as const;

/** The cases list with its filters (open, type, deadline soon, arbitration, search). */
export function CaseTable({ onOpen }: { onOpen(caseKey: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const [type, setType] = useState<AftersaleTypeOrUnknown | undefined>(undefined);
  const [soon, setSoon] = useState(false);
  const [arbitration, setArbitration] = useState(false);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const params = { ...(open && { open: true }), ...(type && { type }), ...(soon && { soon: true }), ...(arbitration && { arbitration: true }), ...(search.trim() && { search: search.trim() }), limit: PAGE, offset: (page - 1) * PAGE };
  const list = useRpcQuery('aftersales.list', params, { refetchOn: REFETCH_ON });
  const counts = list.data?.counts;
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  const filtered = open || type !== undefined || soon || arbitration || search.trim() !== '';
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8} align="center">
        <Space wrap>
          <Checkbox checked={open} onChange={(e) => reset(setOpen)(e.target.checked)}>
            {t('aftersales.filters.open')}
          </Checkbox>
          <Checkbox checked={soon} onChange={(e) => reset(setSoon)(e.target.checked)}>
            {t('aftersales.filters.soon')}
          </Checkbox>
          <Checkbox checked={arbitration} onChange={(e) => reset(setArbitration)(e.target.checked)}>
            {t('aftersales.filters.arbitration')}
          </Checkbox>
          <Select
            aria-label={t('aftersales.filters.type')}
            allowClear
            placeholder={t('aftersales.filters.allTypes')}
            style={{ width: 170 }}
            value={type}
            onChange={reset(setType)}
            options={[...AFTERSALE_TYPES, 'unknown' as const].map((k) => ({ value: k, label: t(`aftersales.types.${k}`) }))}
          />
          <Input.Search aria-label={t('aftersales.filters.search')} placeholder={t('aftersales.filters.search')} allowClear style={{ width: 260 }} onSearch={reset(setSearch)} />
        </Space>
        {counts && (
          <Typography.Text type="secondary" data-testid="case-counts">
            {t('aftersales.counts', counts)} · {t('aftersales.leadHint', { hours: list.data?.leadHours ?? 0 })}
          </Typography.Text>
        )}
      </Flex>
      {counts && counts.unmapped > 0 && <Alert type="warning" showIcon title={t('aftersales.unmappedHint', { count: counts.unmapped })} />}
      <Table<AftersaleCaseRow>
        size="middle"
        rowKey="caseKey"
        loading={list.isLoading}
        dataSource={list.data?.rows ?? []}
        // Before the first answer neither text is true; with no case at all the default 只看未完结 is not why the list is empty.
        locale={{ emptyText: counts === undefined ? <span /> : filtered && counts.all > 0 ? t('aftersales.emptyFiltered') : t('aftersales.empty') }}
        onRow={(r) => ({ onClick: () => onOpen(r.caseKey), style: { cursor: 'pointer' } })}
        scroll={{ x: 1560 }}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { key: 'case', title: t('aftersales.columns.case'), width: 190, render: (_, r) => (r.aftersaleId ? <a>{r.aftersaleId}</a> : <a>{t('aftersales.manual')}</a>) },
          { key: 'order', title: t('aftersales.columns.order'), dataIndex: 'orderId', width: 190 },
          { key: 'product', title: t('aftersales.columns.product'), dataIndex: 'productTitle', width: 260, ellipsis: { showTitle: true } },
          { key: 'type', title: t('aftersales.columns.type'), render: (_, r) => <TypeTag row={r} /> },
          { key: 'status', title: t('aftersales.columns.status'), render: (_, r) => (<Space size={4} wrap><OpenTag row={r} /><ArbitrationTag row={r} /></Space>) },
          { key: 'refund', title: t('aftersales.columns.refund'), align: 'right', render: (_, r) => yuan(r.buyerRefundFen) },
          { key: 'deadline', title: t('aftersales.columns.deadline'), width: 240, render: (_, r) => <CountdownTag row={r} /> },
          { key: 'supplier', title: t('aftersales.columns.supplier'), width: 200, ellipsis: { showTitle: true }, render: (_, r) => r.supplierName ?? '—' },
          { key: 'owed', title: t('aftersales.columns.owed'), align: 'right', render: (_, r) => (r.owedFen === 0 ? '—' : yuan(r.owedFen)) },
        ]}
      />
    </Flex>
  );
}
