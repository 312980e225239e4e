import { Alert, Button, Descriptions, Drawer, Flex, Input, List, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/cost-stack';
import type { OrderDetail, OrderLineDetail, OrderNote } from '../../../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { formatChinaTime } from '../../../shared/ui/format';
import { AftersalesSection } from '../../aftersales/components/aftersales-section';
import { PurchasePanel } from '../../purchases/components/purchase-panel';

/**
 * One 主订单: its lines, its purchase (the purchases desk's panel: supplier, proof, status, copy
 * for the supplier, the refund warning), its after-sales, the seller's notes, its status across
 * imports, the imports it came from and every field the export had.
 */
export function OrderDrawer({ orderId, onClose }: { orderId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Drawer open={orderId !== null} onClose={onClose} width={760} title={orderId ? t('orders.drawer.title', { id: orderId }) : ''} destroyOnHidden>
      {orderId && <OrderBody orderId={orderId} />}
    </Drawer>
  );
}

function OrderBody({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const detail = useRpcQuery('orders.get', { orderId }, { refetchOn: ['imports.finished', 'imports.undone'] });
  if (detail.error) return <Alert type="error" showIcon title={String((detail.error as Error).message)} />;
  if (!detail.data) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  const d = detail.data;
  const aftersale = d.lines.filter((l) => !!l.aftersaleStatus && l.aftersaleStatus !== '-');
  return (
    <Flex vertical gap={20}>
      <Descriptions size="small" column={2} items={[
        { key: 'ship', label: t('orders.drawer.shipBy'), children: d.shipBy ? formatChinaTime(d.shipBy) : t('orders.noShipBy') },
        { key: 'copy', label: t('orders.columns.mainOrderId'), children: <Typography.Text copyable>{d.mainOrderId}</Typography.Text> },
      ]} />
      <section aria-label={t('orders.drawer.lines')}>
        <Typography.Title level={5}>{t('orders.drawer.lines')}</Typography.Title>
        <Table<OrderLineDetail>
          size="small"
          rowKey="subOrderId"
          pagination={false}
          dataSource={d.lines}
          columns={[
            { title: t('orders.columns.products'), render: (_, l) => <Typography.Text style={{ wordBreak: 'break-all' }}>{l.productTitle ?? '-'}{l.productSpec ? <Typography.Text type="secondary">{` · ${l.productSpec}`}</Typography.Text> : null}</Typography.Text> },
            { title: t('orders.columns.quantity'), width: 60, align: 'right', render: (_, l) => l.quantity ?? '-' },
            { title: t('orders.columns.amount'), width: 90, align: 'right', render: (_, l) => (l.payableFen === null ? '-' : `¥${formatFen(l.payableFen)}`) },
            { title: t('orders.columns.status'), width: 90, render: (_, l) => l.status ?? '-' },
            { title: t('orders.columns.aftersale'), width: 110, render: (_, l) => (l.aftersaleStatus && l.aftersaleStatus !== '-' ? <Tag color="warning">{l.aftersaleStatus}</Tag> : '-') },
          ]}
        />
      </section>
      <section aria-label={t('orders.drawer.purchase')} data-section="purchase">
        <Typography.Title level={5}>{t('orders.drawer.purchase')}</Typography.Title>
        <PurchasePanel orderId={d.mainOrderId} />
      </section>
      <section aria-label={t('orders.drawer.aftersales')} data-section="aftersales">
        <AftersalesSection orderId={d.mainOrderId} />
        {aftersale.length > 0 && (
          <>
            <Typography.Text type="secondary">{t('orders.drawer.aftersalesFacts')}</Typography.Text>
            <Flex vertical gap={4} style={{ marginTop: 6 }}>
              {aftersale.map((l) => (
                <Space key={l.subOrderId} size={6} wrap>
                  <Tag color="warning">{l.aftersaleStatus}</Tag>
                  <Typography.Text>{l.productTitle ?? '-'}</Typography.Text>
                  {d.lines.length > 1 && <Typography.Text code>{l.subOrderId}</Typography.Text>}
                </Space>
              ))}
            </Flex>
          </>
        )}
      </section>
      <Notes orderId={d.mainOrderId} notes={d.notes} />
      <section aria-label={t('orders.drawer.timeline')}>
        <Typography.Title level={5}>{t('orders.drawer.timeline')}</Typography.Title>
        <Timeline
          items={d.timeline.map((e) => ({
            key: `${e.subOrderId}:${e.importId}`,
            children: (
              <Space wrap size={6}>
                <Typography.Text type="secondary">{e.importedAt ? formatChinaTime(e.importedAt) : `#${e.importId}`}</Typography.Text>
                {d.lines.length > 1 && <Typography.Text code>{e.subOrderId}</Typography.Text>}
                <Tag>{e.status ?? '-'}</Tag>
                {e.aftersaleStatus && e.aftersaleStatus !== '-' && <Tag color="warning">{e.aftersaleStatus}</Tag>}
                {e.shippedAt && <Typography.Text type="secondary">{e.shippedAt}</Typography.Text>}
              </Space>
            ),
          }))}
        />
      </section>
      <Imports detail={d} />
      <section aria-label={t('orders.drawer.raw')}>
        <Typography.Title level={5}>{t('orders.drawer.raw')}</Typography.Title>
        {d.lines.map((l) => (
          <Descriptions
            key={l.subOrderId}
            size="small"
            bordered
            column={1}
            title={d.lines.length > 1 ? l.subOrderId : undefined}
            style={{ marginBottom: 12 }}
            items={[...Object.entries(l.columns).filter(([k]) => k !== 'ship_by_key'), ...Object.entries(l.raw)].map(([k, v]) => ({ key: k, label: k, children: <span style={{ wordBreak: 'break-all' }}>{v === null || v === '' ? '-' : String(v)}</span> }))}
          />
        ))}
      </section>
    </Flex>
  );
}

function Imports({ detail }: { detail: OrderDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('orders.drawer.imports')}>
      <Typography.Title level={5}>{t('orders.drawer.imports')}</Typography.Title>
      <List
        size="small"
        dataSource={detail.imports}
        renderItem={(i) => (
          <List.Item key={i.id}>
            <Space wrap>
              <Typography.Text>{i.fileName}</Typography.Text>
              <Typography.Text type="secondary">{formatChinaTime(i.importedAt)}</Typography.Text>
              {i.exportTime !== null && <Typography.Text type="secondary">{`${t('orders.drawer.exportTime')} ${formatChinaTime(new Date(i.exportTime * 1000).toISOString())}`}</Typography.Text>}
              {i.status === 'undone' && <Tag>{t('orders.drawer.undone')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </section>
  );
}

function Notes({ orderId, notes }: { orderId: string; notes: OrderNote[] }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [list, setList] = useState(notes);
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: number; text: string } | null>(null);
  const add = useRpcMutation('orders.addNote');
  const update = useRpcMutation('orders.updateNote');
  const remove = useRpcMutation('orders.removeNote');
  const run = async (work: Promise<OrderNote[]>, after?: () => void) => {
    try {
      setList(await work);
      after?.();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <section aria-label={t('orders.drawer.notes')}>
      <Typography.Title level={5}>{t('orders.drawer.notes')}</Typography.Title>
      {list.length === 0 ? null : (
        <List
          size="small"
          dataSource={list}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              actions={
                editing?.id === n.id
                  ? [<Button key="save" size="small" type="link" onClick={() => void run(update.mutate({ id: n.id, text: editing.text }), () => setEditing(null))}>{t('orders.drawer.save')}</Button>]
                  : [
                      <Button key="edit" size="small" type="link" onClick={() => setEditing({ id: n.id, text: n.text })}>{t('orders.drawer.edit')}</Button>,
                      <Button key="remove" size="small" type="link" danger onClick={() => void run(remove.mutate({ id: n.id }))}>{t('orders.drawer.remove')}</Button>,
                    ]
              }
            >
              {editing?.id === n.id ? (
                <Input.TextArea autoSize value={editing.text} maxLength={5000} onChange={(e) => setEditing({ id: n.id, text: e.target.value })} />
              ) : (
                <Flex vertical>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatChinaTime(n.updatedAt)}</Typography.Text>
                </Flex>
              )}
            </List.Item>
          )}
        />
      )}
      <Flex gap={8} align="flex-start" style={{ marginTop: 8 }}>
        <Input.TextArea aria-label={t('orders.drawer.notes')} autoSize={{ minRows: 2 }} maxLength={5000} value={draft} placeholder={t('orders.drawer.notePlaceholder')} onChange={(e) => setDraft(e.target.value)} />
        <Button type="primary" disabled={draft.trim() === ''} loading={add.isPending} onClick={() => void run(add.mutate({ orderId, text: draft }), () => setDraft(''))}>
          {t('orders.drawer.addNote')}
        </Button>
      </Flex>
    </section>
  );
}
