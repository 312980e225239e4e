import { Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineStatus, ReconciledLine, ReconciliationList } from '../../../../../shared/rpc/contract';
import { useRpcQuery } from '../../../app/use-rpc';
import { MONEY_REFETCH } from './money-refetch';

export const RECONCILIATION_PAGE_SIZE = 10;

/**
 * One list of reconciled lines, paged on the core (`money.reconciliationLines`): at 500k lines the
 * whole list is far too big to carry to the window. Each page is one call, read again after the
 * events that change the money; a status change goes back to the first page, and a list that has
 * shrunk under the current page (an undo) goes to its last page.
 */
export function ReconciliationLinesTable({ list, status, columns, label }: { list: ReconciliationList; status?: LineStatus | undefined; columns: TableColumnsType<ReconciledLine>; label: string }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(1);
  useEffect(() => setCurrent(1), [status]);
  const params = { list, offset: (current - 1) * RECONCILIATION_PAGE_SIZE, limit: RECONCILIATION_PAGE_SIZE, ...(status ? { status } : {}) };
  const page = useRpcQuery('money.reconciliationLines', params, { refetchOn: MONEY_REFETCH });
  const total = page.data?.total ?? 0;
  const last = Math.max(1, Math.ceil(total / RECONCILIATION_PAGE_SIZE));
  useEffect(() => {
    if (page.data && current > last) setCurrent(last);
  }, [page.data, current, last]);
  return (
    <Table<ReconciledLine>
      size="small"
      rowKey="subOrderId"
      aria-label={label}
      loading={page.isLoading}
      dataSource={page.data?.lines ?? []}
      columns={columns}
      pagination={{
        current,
        pageSize: RECONCILIATION_PAGE_SIZE,
        total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (n) => t('money.reconcile.pageTotal', { total: n }),
        onChange: setCurrent,
      }}
    />
  );
}
