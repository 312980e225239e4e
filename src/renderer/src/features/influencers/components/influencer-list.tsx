import { Checkbox, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INFLUENCER_STAGES, type InfluencerSource, type InfluencerStage } from '../../../../../shared/domain/influencer-pipeline';
import type { InfluencerSummary } from '../../../../../shared/rpc/contract';
import { useHashParam } from '../../../app/hash-route';
import { useRpcQuery } from '../../../app/use-rpc';
import { lengthCount } from '../../../shared/ui/length-count';
import { percentText, roiText, yuanText } from '../format';

const STAGE_COLOUR: Record<InfluencerStage, string> = { to_contact: 'default', added: 'blue', talking: 'processing', cooperating: 'green', paused: 'orange', unfit: 'red' };

/** The CRM list: search, stage, source, follow-ups due and the "samples, no content" flag. */
export function InfluencerList({ onOpen }: { onOpen(id: number): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [stage, setStage] = useState<InfluencerStage | undefined>();
  const [source, setSource] = useState<InfluencerSource | undefined>();
  const [followUpDue, setFollowUpDue] = useState(useHashParam('followUp') === '1');
  const [noContent, setNoContent] = useState(false);
  const params = { ...(search ? { search } : {}), ...(stage ? { stage } : {}), ...(source ? { source } : {}), ...(followUpDue ? { followUpDue } : {}), ...(noContent ? { noContent } : {}) };
  const list = useRpcQuery('influencers.list', params, { refetchOn: ['influencers.changed', 'imports.finished'] });
  const rows = list.data ?? [];
  const filtered = Object.keys(params).length > 0;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Input.Search aria-label={t('influencers.search')} placeholder={t('influencers.search')} allowClear count={lengthCount('influencerSearch', { onlyPastLimit: true })} onSearch={setSearch} style={{ width: 280 }} />
        <Select<InfluencerStage | ''>
          aria-label={t('influencers.filters.stage')}
          value={stage ?? ''}
          onChange={(v) => setStage(v === '' ? undefined : v)}
          style={{ width: 140 }}
          options={[{ value: '', label: t('influencers.filters.allStages') }, ...INFLUENCER_STAGES.map((s) => ({ value: s, label: t(`influencers.stages.${s}`) }))]}
        />
        <Select<InfluencerSource | ''>
          aria-label={t('influencers.filters.source')}
          value={source ?? ''}
          onChange={(v) => setSource(v === '' ? undefined : v)}
          style={{ width: 140 }}
          options={[{ value: '', label: t('influencers.filters.allSources') }, { value: 'manual', label: t('influencers.sources.manual') }, { value: 'orders', label: t('influencers.sources.orders') }]}
        />
        <Checkbox checked={followUpDue} onChange={(e) => setFollowUpDue(e.target.checked)}>
          {t('influencers.filters.followUp')}
        </Checkbox>
        <Checkbox checked={noContent} onChange={(e) => setNoContent(e.target.checked)}>
          {t('influencers.filters.noContent')}
        </Checkbox>
      </Flex>
      {rows.length === 0 && !list.isLoading ? (
        <Empty
          description={
            <Flex vertical gap={4} style={{ maxWidth: 520, margin: '0 auto' }}>
              <Typography.Text strong>{filtered ? t('influencers.empty.filtered') : t('influencers.empty.title')}</Typography.Text>
              {!filtered && <Typography.Text type="secondary">{t('influencers.empty.hint')}</Typography.Text>}
            </Flex>
          }
        />
      ) : (
        <Table<InfluencerSummary>
          rowKey="id"
          size="small"
          dataSource={rows}
          loading={list.isLoading}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(i) => ({ onClick: () => onOpen(i.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('influencers.columns.nickname'),
              render: (_: unknown, i) => (
                <Flex vertical>
                  <span>
                    <Typography.Text strong>{i.nickname || i.douyinId}</Typography.Text>
                    {i.source === 'orders' && <Tag style={{ marginLeft: 6 }}>{t('influencers.fromOrders')}</Tag>}
                    {i.noContentFlag && <Tag color="red" style={{ marginLeft: 6 }}>{t('influencers.noContentFlag')}</Tag>}
                  </span>
                  {i.douyinId && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.douyinId}</Typography.Text>}
                </Flex>
              ),
            },
            { title: t('influencers.columns.stage'), width: 96, render: (_: unknown, i) => <Tag color={STAGE_COLOUR[i.stage]}>{t(`influencers.stages.${i.stage}`)}</Tag> },
            { title: t('influencers.columns.contact'), render: (_: unknown, i) => [i.wechat, i.phone, i.contactPerson].filter(Boolean).join(' · ') || '—' },
            { title: t('influencers.columns.fans'), width: 90, align: 'right', render: (_: unknown, i) => (i.fans === null ? '—' : i.fans.toLocaleString()) },
            { title: t('influencers.columns.sales'), width: 150, align: 'right', render: (_: unknown, i) => `${i.sales.orders} / ${yuanText(i.sales.amountFen)}` },
            { title: t('influencers.columns.refunded'), width: 90, align: 'right', render: (_: unknown, i) => yuanText(i.sales.refundedFen) },
            { title: t('influencers.columns.samples'), width: 120, align: 'right', render: (_: unknown, i) => `${i.samples.sent} / ${i.samples.signed} / ${i.samples.withContent}` },
            { title: t('influencers.columns.fulfilment'), width: 80, align: 'right', render: (_: unknown, i) => percentText(i.fulfilmentBp) },
            { title: t('influencers.columns.roi'), width: 64, align: 'right', render: (_: unknown, i) => roiText(i.roiBp) },
            { title: t('influencers.columns.next'), width: 110, render: (_: unknown, i) => i.nextContactOn ?? '—' },
          ]}
        />
      )}
    </Flex>
  );
}
