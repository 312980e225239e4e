import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Empty, Flex, Input, Popover, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SAMPLE_TRANSITIONS, type SampleState } from '../../../../../shared/domain/influencer-pipeline';
import type { SampleView } from '../../../../../shared/rpc/contract';
import { useHashParam } from '../../../app/hash-route';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { useLocale } from '../../../shared/ui/use-locale';
import { INVALIDATES, yuanText } from '../format';
import { sampleRefusalText } from '../refusal';
import { SampleModal } from './sample-modal';

const STATE_COLOUR: Record<SampleState, string> = { to_send: 'default', sent: 'processing', signed: 'blue', content: 'success', no_content: 'error' };

/** One move: its day (today by default), and the tracking number or content link where the step has one. */
function MoveButton({ sample, to, today }: { sample: SampleView; to: SampleState; today: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState('');
  const [extra, setExtra] = useState('');
  const move = useRpcMutation('samples.move', { invalidates: INVALIDATES });
  const label = t('influencers.samples.moveTo', { state: t(`influencers.sampleStates.${to}`) });
  const run = async () => {
    try {
      await move.mutate({ id: sample.id, to, ...(on ? { on } : {}), ...(to === 'sent' && extra ? { trackingNo: extra } : {}), ...(to === 'content' ? { contentLink: extra } : {}) });
      setOpen(false);
      void message.success(t('influencers.samples.moved'));
    } catch (error) {
      const refusal = sampleRefusalText(error, locale);
      if (refusal) void message.error(refusal);
      else showError(error);
    }
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      content={
        <Flex vertical gap={8} style={{ width: 260 }}>
          <Input type="date" aria-label={t('influencers.samples.moveDate')} placeholder={today} value={on} onChange={(e) => setOn(e.target.value)} />
          {to === 'sent' && <Input aria-label={t('influencers.samples.tracking')} placeholder={t('influencers.samples.tracking')} defaultValue={sample.trackingNo} onChange={(e) => setExtra(e.target.value)} />}
          {to === 'content' && <Input aria-label={t('influencers.samples.contentLink')} placeholder={t('influencers.samples.contentLink')} onChange={(e) => setExtra(e.target.value)} />}
          <Button type="primary" size="small" loading={move.isPending} onClick={() => void run()}>
            {label}
          </Button>
        </Flex>
      }
    >
      <Button size="small">{label}</Button>
    </Popover>
  );
}

/** The 寄样 ledger: every sample (or one influencer's) with its state, costs, dates, late flags and moves. */
export function SampleLedger({ influencerId, onOpenInfluencer }: { influencerId?: number; onOpenInfluencer?(id: number): void }) {
  const { t } = useTranslation();
  const [onlyDue, setOnlyDue] = useState(useHashParam('due') === '1' && influencerId === undefined);
  const [adding, setAdding] = useState(false);
  const highlighted = Number(useHashParam('sample'));
  const today = useRpcQuery('influencers.goal', {}).data?.today ?? '';
  const samples = useRpcQuery('samples.list', { ...(onlyDue ? { due: true } : {}), ...(influencerId !== undefined ? { influencerId } : {}) }, { refetchOn: ['influencers.changed'] });
  const remove = useRpcMutation('samples.remove', { invalidates: INVALIDATES });
  const rows = samples.data ?? [];
  const dueText = (s: SampleView) => {
    if (!s.due) return null;
    const key = s.due.isLate ? (s.due.rule === 'unsigned' ? 'unsignedLate' : 'contentLate') : s.due.rule === 'unsigned' ? 'unsignedDue' : 'contentDue';
    return <Tag color={s.due.isLate ? 'error' : 'default'}>{t(`influencers.samples.${key}`, { date: s.due.dueOn })}</Tag>;
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" justify="space-between" wrap>
        <Checkbox checked={onlyDue} onChange={(e) => setOnlyDue(e.target.checked)}>
          {t('influencers.samples.onlyDue')}
        </Checkbox>
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
          {t('influencers.samples.add')}
        </Button>
      </Flex>
      {rows.length === 0 && !samples.isLoading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('influencers.samples.empty')} />
      ) : (
        <Table<SampleView>
          rowKey="id"
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          rowClassName={(s) => (s.id === highlighted ? 'ant-table-row-selected' : '')}
          scroll={{ x: 'max-content' }}
          columns={[
            ...(influencerId === undefined
              ? [{ title: t('influencers.samples.influencer'), render: (_: unknown, s: SampleView) => <Typography.Link onClick={() => onOpenInfluencer?.(s.influencerId)}>{s.influencerNickname || `#${s.influencerId}`}</Typography.Link> }]
              : []),
            { title: t('influencers.samples.productTitle'), dataIndex: 'productTitle' },
            { title: t('influencers.samples.state'), width: 90, render: (_: unknown, s) => <Tag color={STATE_COLOUR[s.state]}>{t(`influencers.sampleStates.${s.state}`)}</Tag> },
            { title: t('influencers.samples.cost'), width: 110, align: 'right', render: (_: unknown, s) => `${yuanText(s.costFen)} + ${yuanText(s.freightFen)}` },
            { title: t('influencers.samples.sentOn'), width: 100, render: (_: unknown, s) => (s.sentOn ? `${s.sentOn}${s.trackingNo ? ` · ${s.trackingNo}` : ''}` : '—') },
            { title: t('influencers.samples.signedOn'), width: 100, render: (_: unknown, s) => s.signedOn ?? '—' },
            {
              title: t('influencers.samples.content'),
              render: (_: unknown, s) => (s.contentLink ? <Typography.Link href={s.contentLink} target="_blank" rel="noreferrer" ellipsis style={{ maxWidth: 180 }}>{s.contentOn ?? ''} {s.contentLink}</Typography.Link> : s.contentDueOn ? `≤ ${s.contentDueOn}` : '—'),
            },
            { title: t('influencers.samples.due'), render: (_: unknown, s) => dueText(s) },
            {
              title: '',
              render: (_: unknown, s) => (
                <Flex vertical gap={4} align="flex-start">
                  {SAMPLE_TRANSITIONS[s.state].map((to) => (
                    <MoveButton key={to} sample={s} to={to} today={today} />
                  ))}
                  <Button size="small" type="link" danger onClick={() => void remove.mutate({ id: s.id })}>
                    {t('influencers.samples.remove')}
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      )}
      <SampleModal open={adding} influencerId={influencerId} onClose={() => setAdding(false)} />
    </Flex>
  );
}
