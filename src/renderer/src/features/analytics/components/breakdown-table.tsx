import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BreakdownResult, BreakdownRow } from '../../../../../shared/rpc/domains/analytics';
import { pctColour, pctText, yuanText } from './format';

type Row = BreakdownRow & { tail?: boolean };

/**
 * Rows of a breakdown, the long tail last; a key with an orders filter opens the desk (`onOpen`).
 * `nowrapNames`: names stay on one line (province names are short enough; the other columns give way).
 */
export function BreakdownTable({ result, keyTitle, showKey = false, onOpen, label, nowrapNames = false }: { result: BreakdownResult; keyTitle: string; showKey?: boolean; onOpen?: (key: string) => void; label: string; nowrapNames?: boolean }) {
  const { t } = useTranslation();
  const rows: Row[] = [...result.rows];
  if (result.tail) rows.push({ key: '\u0000tail', name: t('analytics.products.tail', { keys: result.tail.keys }), ...result.tail, previousOrders: 0, changePct: null, flag: null, trend: [], tail: true });
  const nameOf = (r: Row) => r.name ?? (r.key === '' ? t('analytics.table.none') : r.key);
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      aria-label={label}
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: keyTitle,
          key: 'name',
          ...(nowrapNames ? { onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) } : {}),
          render: (_: unknown, r) =>
            onOpen && !r.tail && r.key !== '' ? (
              <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: nowrapNames ? 'nowrap' : 'normal', textAlign: 'left' }} onClick={() => onOpen(r.key)}>
                {nameOf(r)}
              </Button>
            ) : (
              nameOf(r)
            ),
        },
        ...(showKey ? [{ title: 'ID', key: 'id', render: (_: unknown, r: Row) => (r.tail ? '' : r.key) }] : []),
        { title: t('analytics.table.orders'), dataIndex: 'orders', align: 'right' },
        { title: t('analytics.products.share'), dataIndex: 'share', align: 'right', render: (v: number) => `${v.toFixed(1)}%` },
        { title: t('analytics.table.change'), key: 'change', align: 'right', render: (_: unknown, r) => (r.tail ? '' : <span style={{ color: pctColour(r.changePct) }}>{pctText(r.changePct)}</span>) },
        { title: t('analytics.table.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => yuanText(fen) },
        {
          title: '',
          key: 'flag',
          render: (_: unknown, r) => (r.flag === 'hit' ? <Tag color="red">{t('analytics.products.hit')}</Tag> : r.flag === 'drop' ? <Tag>{t('analytics.products.drop')}</Tag> : null),
        },
      ]}
    />
  );
}

/** A breakdown's CSV: every top key and the tail, with translated headers and flags. */
export function useBreakdownCsv(result: BreakdownResult): { header: string[]; rows: (string | number | null)[][] } {
  const { t } = useTranslation();
  const flag = (f: BreakdownRow['flag']) => (f === 'hit' ? t('analytics.products.hit') : f === 'drop' ? t('analytics.products.drop') : null);
  const header = [t('analytics.table.key'), t('analytics.table.name'), t('analytics.table.orders'), t('analytics.table.share'), t('analytics.table.change'), t('analytics.table.amount'), t('analytics.table.flag')];
  const rows: (string | number | null)[][] = result.rows.map((r) => [r.key, r.name, r.orders, r.share, r.changePct, r.amountFen / 100, flag(r.flag)]);
  if (result.tail) rows.push(['', t('analytics.products.tail', { keys: result.tail.keys }), result.tail.orders, result.tail.share, null, result.tail.amountFen / 100, null]);
  return { header, rows };
}
