import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumePeriod, VolumeResult } from '../../../../../shared/rpc/domains/analytics';
import { Chart } from '../../../shared/charts/chart';
import { SectionCard } from '../../../shared/ui/section-card';
import { buildVolumeOption, periodLabel } from '../options';
import { CsvButton, PngButton, type PngRef } from './export-buttons';
import { pctColour, pctText, yuanText } from './format';
import { NoteEditor } from './note-editor';

const Change = ({ pct }: { pct: number | null }) => <span style={{ color: pctColour(pct) }}>{pctText(pct)}</span>;

/** Totals, the orders-per-period chart with 环比 and notes, and the period table. */
export function VolumeCard({ volume, dark }: { volume: VolumeResult; dark: boolean }) {
  const { t } = useTranslation();
  const png: PngRef = useRef(null);
  const [editing, setEditing] = useState<VolumePeriod | null>(null);
  const labels = { orders: t('analytics.volume.orders'), previous: t('analytics.volume.previous'), closedUnpaid: t('analytics.volume.closedUnpaid'), amount: t('analytics.volume.amount') };
  const option = useMemo(() => buildVolumeOption(volume, labels, dark), [volume, dark, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const g = volume.granularity;
  const label = (p: VolumePeriod) => `${g === 'week' ? `${p.from.slice(5)}–${p.to.slice(5)}` : periodLabel(p.key, g)}${p.open ? t('analytics.volume.open') : ''}`;
  const header = [t('analytics.volume.period'), t('analytics.table.orders'), t('analytics.table.change'), t('analytics.table.lines'), t('analytics.table.amount'), `${t('analytics.volume.yearAgo')} (%)`, t('analytics.volume.closedUnpaid'), t('analytics.volume.note')];
  const csvRows = volume.periods.map((p) => [p.key, p.orders, p.changePct.orders, p.lines, p.amountFen / 100, p.yearAgoChangePct.orders, p.closedUnpaid.orders, p.note]);
  return (
    <SectionCard
      title={t('analytics.volume.title')}
      description={t('analytics.volume.description')}
      extra={
        <Flex gap={8}>
          <PngButton exportRef={png} fileName={`${t('analytics.files.volume')}-${volume.from}-${volume.to}.png`} />
          <CsvButton header={header} rows={csvRows} fileName={`${t('analytics.files.volume')}-${volume.from}-${volume.to}.csv`} />
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('analytics.kpi.orders')} value={volume.total.orders} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('analytics.kpi.lines')} value={volume.total.lines} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('analytics.kpi.amount')} value={yuanText(volume.total.amountFen)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('analytics.kpi.closedUnpaid')} value={volume.closedUnpaid.orders} valueStyle={{ color: volume.closedUnpaid.orders > 0 ? '#d46b08' : undefined }} />
            </Card>
          </Col>
        </Row>
        <Chart option={option} label={t('analytics.volume.title')} height={300} theme={dark ? 'dark' : 'light'} exportRef={png} />
        <Table<VolumePeriod>
          size="small"
          rowKey="key"
          aria-label={t('analytics.volume.title')}
          pagination={volume.periods.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
          dataSource={[...volume.periods].reverse()}
          columns={[
            { title: t('analytics.volume.period'), key: 'period', render: (_: unknown, p) => label(p) },
            { title: t('analytics.table.orders'), dataIndex: 'orders', align: 'right' },
            { title: t('analytics.volume.change'), key: 'change', align: 'right', render: (_: unknown, p) => <Change pct={p.changePct.orders} /> },
            ...(g === 'day' ? [{ title: t('analytics.volume.weekAgo'), key: 'weekAgo', align: 'right' as const, render: (_: unknown, p: VolumePeriod) => <Change pct={p.weekAgoChangePct.orders} /> }] : []),
            { title: t('analytics.volume.yearAgo'), key: 'yearAgo', align: 'right', render: (_: unknown, p) => <Change pct={p.yearAgoChangePct.orders} /> },
            { title: t('analytics.table.lines'), dataIndex: 'lines', align: 'right' },
            { title: t('analytics.table.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => yuanText(fen) },
            { title: t('analytics.volume.closedUnpaid'), key: 'unpaid', align: 'right', render: (_: unknown, p) => p.closedUnpaid.orders },
            {
              title: t('analytics.volume.note'),
              key: 'note',
              render: (_: unknown, p) => (
                <Button type="link" size="small" icon={<EditOutlined aria-hidden />} aria-label={`${p.note === null ? t('analytics.volume.addNote') : t('analytics.volume.editNote')} ${p.key}`} onClick={() => setEditing(p)}>
                  {p.note ?? <Typography.Text type="secondary">{t('analytics.volume.addNote')}</Typography.Text>}
                </Button>
              ),
            },
          ]}
        />
      </Flex>
      <NoteEditor granularity={g} period={editing?.key ?? null} text={editing?.note ?? null} onClose={() => setEditing(null)} />
    </SectionCard>
  );
}
