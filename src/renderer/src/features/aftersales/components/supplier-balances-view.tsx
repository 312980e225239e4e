import { Empty, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupplierBalance } from '../../../../../shared/rpc/contract';
import { hashForScreen } from '../../../app/hash-route';
import { useRpcQuery } from '../../../app/use-rpc';
import { yuan } from '../model';

/** 供应商欠款: what each supplier still owes for after-sales (应退 − 已退), most first. */
export function SupplierBalancesView({ onOpenSupplierCases }: { onOpenSupplierCases?(supplierId: number): void }) {
  const { t } = useTranslation();
  const balances = useRpcQuery('aftersales.supplierBalances', {}, { refetchOn: ['aftersales.changed', 'imports.finished'] });
  const rows = balances.data?.suppliers ?? [];
  if (!balances.isLoading && rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('aftersales.balances.none')} />;
  return (
    <Flex vertical gap={12} data-testid="supplier-balances">
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {t('aftersales.balances.total', { amount: yuan(balances.data?.totalOwedFen ?? 0).slice(1) })}
      </Typography.Title>
      <Table<SupplierBalance>
        size="middle"
        rowKey="supplierId"
        loading={balances.isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          { key: 'supplier', title: t('aftersales.balances.columns.supplier'), render: (_, r) => <a href={hashForScreen('suppliers', { supplier: String(r.supplierId) })}>{r.supplierName}</a> },
          {
            key: 'cases',
            title: t('aftersales.balances.columns.cases'),
            align: 'right',
            render: (_, r) => (onOpenSupplierCases ? <a onClick={() => onOpenSupplierCases(r.supplierId)}>{r.cases}</a> : r.cases),
          },
          { key: 'claim', title: t('aftersales.balances.columns.claim'), align: 'right', render: (_, r) => yuan(r.claimFen) },
          { key: 'refunded', title: t('aftersales.balances.columns.refunded'), align: 'right', render: (_, r) => yuan(r.refundedFen) },
          { key: 'owed', title: t('aftersales.balances.columns.owed'), align: 'right', render: (_, r) => <Typography.Text strong type={r.owedFen > 0 ? 'danger' : undefined}>{yuan(r.owedFen)}</Typography.Text> },
        ]}
      />
    </Flex>
  );
}

/** One supplier's owed balance, for the supplier screen (`suppliers.owedBalance`). */
export function SupplierOwedBalance({ supplierId }: { supplierId: number }) {
  const { t } = useTranslation();
  const balance = useRpcQuery('suppliers.owedBalance', { id: supplierId }, { refetchOn: ['aftersales.changed'] });
  const b = balance.data;
  if (!b) return null;
  if (b.cases === 0) return <Typography.Text type="secondary">{t('aftersales.balances.none')}</Typography.Text>;
  return (
    <Flex vertical gap={6} data-testid="supplier-owed-balance">
      <Typography.Text strong type={b.owedFen > 0 ? 'danger' : undefined}>
        {t('aftersales.balances.columns.owed')} {yuan(b.owedFen)} · {t('aftersales.balances.columns.claim')} {yuan(b.claimFen)} · {t('aftersales.balances.columns.refunded')} {yuan(b.refundedFen)}
      </Typography.Text>
      {b.caseRows.length > 0 && (
        <Typography.Text type="secondary">
          {t('aftersales.balances.cases')}：
          {b.caseRows.map((c) => (
            <a key={c.caseKey} href={hashForScreen('aftersales', { case: c.caseKey })} style={{ marginRight: 8 }}>
              {c.aftersaleId ?? c.orderId}
            </a>
          ))}
        </Typography.Text>
      )}
    </Flex>
  );
}
