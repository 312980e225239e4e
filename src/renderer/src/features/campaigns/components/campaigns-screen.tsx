import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../../../shared/rpc/contract';
import { hashForScreen, useHashParam } from '../../../app/hash-route';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { numberOf, type NumberText } from '../../../shared/ui/number-text';
import { SectionCard } from '../../../shared/ui/section-card';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { chinaDayOf } from '../model';
import { campaignName } from '../../../../../shared/domain/campaign-names';
import { useLocale } from '../../../shared/ui/use-locale';
import { CampaignDrawer } from './campaign-drawer';
import { CampaignTags } from './campaign-tags';
import { CampaignTimeline } from './campaign-timeline';

/** The sign-up reminder's lead, saved on its own (a refusal shows under the box). */
function LeadSetting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const [form] = Form.useForm<{ signupLeadDays: NumberText }>();
  const settings = useRpcQuery('campaigns.settings', {});
  const update = useRpcMutation('campaigns.updateSettings', { invalidates: { methods: ['campaigns.settings'] } });
  const stored = settings.data?.signupLeadDays;
  useEffect(() => {
    if (stored !== undefined) form.setFieldsValue({ signupLeadDays: String(stored) });
  }, [stored, form]);
  const save = async () => {
    const v = form.getFieldsValue(true) as { signupLeadDays?: NumberText };
    const saved = await submit({ form, method: 'campaigns.updateSettings', params: { signupLeadDays: numberOf(v.signupLeadDays) }, run: (p) => update.mutate(p) });
    if (saved) void message.success(t('campaigns.settings.saved', { count: saved.signupLeadDays }));
  };
  return (
    <Form form={form} name="campaign-lead" layout="inline" onFinish={() => void save()}>
      <Form.Item name="signupLeadDays" label={t('campaigns.settings.lead')} style={{ marginInlineEnd: 4 }}>
        <Input inputMode="numeric" style={{ width: 56 }} aria-label={`${t('campaigns.settings.lead')} ${t('campaigns.settings.leadSuffix')}`} />
      </Form.Item>
      <Typography.Text style={{ lineHeight: '32px', marginInlineEnd: 8 }}>{t('campaigns.settings.leadSuffix')}</Typography.Text>
      <Button htmlType="submit" loading={update.isPending}>
        {t('campaigns.settings.save')}
      </Button>
    </Form>
  );
}

/** 活动 Campaigns: the year's calendar as a timeline and a list; the drawer edits one, its products and its sign-up. */
export function CampaignsScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = useRpcQuery('app.status', {}, { refetchOn: ['campaigns.changed'] });
  const today = status.data ? chinaDayOf(status.data.now) : null;
  const thisYear = today ? Number(today.slice(0, 4)) : null;
  const [chosenYear, setYear] = useState<number | null>(null);
  const year = chosenYear ?? thisYear;
  const campaigns = useRpcQuery('campaigns.list', year === null ? {} : { year }, { refetchOn: ['campaigns.changed', 'sourcing.changed'] });
  const open = useRpcQuery('campaigns.list', { open: true }, { refetchOn: ['campaigns.changed', 'sourcing.changed'] });
  const [drawer, setDrawer] = useState<{ open: boolean; id: number | null }>({ open: false, id: null });
  const list = campaigns.data ?? [];
  // `#/campaigns?campaign=12` (a campaign reminder, Today's 活动报名 block) opens its drawer.
  const linked = Number(useHashParam('campaign'));
  useEffect(() => {
    if (Number.isSafeInteger(linked) && linked > 0) setDrawer({ open: true, id: linked });
  }, [linked]);
  const closeDrawer = () => {
    setDrawer({ open: false, id: null });
    if (linked) window.location.replace(hashForScreen('campaigns'));
  };
  const openNow = open.data ?? [];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('campaigns.title')}
        </Typography.Title>
        <Space wrap>
          <Space.Compact>
            <Button aria-label={t('campaigns.prevYear')} icon={<LeftOutlined aria-hidden />} disabled={year === null} onClick={() => year !== null && setYear(year - 1)} />
            <Button style={{ pointerEvents: 'none' }}>{year === null ? '—' : t('campaigns.year', { year })}</Button>
            <Button aria-label={t('campaigns.nextYear')} icon={<RightOutlined aria-hidden />} disabled={year === null} onClick={() => year !== null && setYear(year + 1)} />
          </Space.Compact>
          <LeadSetting />
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDrawer({ open: true, id: null })}>
            {t('campaigns.add')}
          </Button>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('campaigns.intro')}
      </Typography.Paragraph>
      {open.data && (
        <Alert
          type={openNow.length > 0 ? 'info' : 'success'}
          showIcon
          title={openNow.length > 0 ? t('campaigns.openNow', { count: openNow.length }) : t('campaigns.openNone')}
          description={
            openNow.length > 0 && (
              <Flex wrap gap={8}>
                {openNow.map((c) => (
                  <Button key={c.id} size="small" onClick={() => setDrawer({ open: true, id: c.id })}>
                    {`${campaignName(c, locale)} · ${c.daysToDeadline === 0 ? t('campaigns.deadlineToday') : t('campaigns.daysLeft', { count: c.daysToDeadline ?? 0 })}`}
                    {c.flagged > 0 && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('campaigns.flaggedCount', { count: c.flagged })}</Tag>}
                  </Button>
                ))}
              </Flex>
            )
          }
        />
      )}
      {list.length === 0 && !campaigns.isLoading ? (
        <Empty
          description={
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('campaigns.empty.title')}</Typography.Text>
              <Typography.Text type="secondary">{t('campaigns.empty.hint')}</Typography.Text>
            </Flex>
          }
        />
      ) : (
        <>
          {year !== null && today !== null && (
            <SectionCard title={t('campaigns.timeline.title')} description={list.some((c) => c.datesEstimated) ? t('campaigns.estimatedHint') : undefined}>
              <CampaignTimeline year={year} today={today} campaigns={list} onOpen={(id) => setDrawer({ open: true, id })} />
            </SectionCard>
          )}
          <SectionCard title={t('campaigns.list.title')}>
            <Table<CampaignSummary>
              rowKey="id"
              size="small"
              dataSource={list}
              pagination={false}
              onRow={(c) => ({ onClick: () => setDrawer({ open: true, id: c.id }), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: t('campaigns.columns.name'),
                  render: (_: unknown, c) => (
                    <Flex vertical gap={2}>
                      <Typography.Text strong>{campaignName(c, locale)}</Typography.Text>
                      <Flex wrap gap={4}>
                        {c.tools.map((tool) => (
                          <Tag key={tool} bordered={false} style={{ marginInlineEnd: 0 }}>
                            {t(`campaigns.tools.${tool}`)}
                          </Tag>
                        ))}
                      </Flex>
                    </Flex>
                  ),
                },
                {
                  title: t('campaigns.columns.dates'),
                  width: 250,
                  render: (_: unknown, c) => (
                    <Flex vertical>
                      <Typography.Text>{`${t('campaigns.columns.signup')} ${c.signupDeadline ? t('campaigns.range', { from: c.signupStart ?? '—', to: c.signupDeadline }) : t('campaigns.noSignup')}`}</Typography.Text>
                      <Typography.Text type="secondary">{`${t('campaigns.columns.run')} ${t('campaigns.range', { from: c.runStart, to: c.runEnd })}`}</Typography.Text>
                    </Flex>
                  ),
                },
                { title: t('campaigns.columns.status'), width: 200, render: (_: unknown, c) => <CampaignTags campaign={c} /> },
                {
                  title: t('campaigns.columns.products'),
                  width: 110,
                  align: 'right',
                  render: (_: unknown, c) => (
                    <>
                      {t('campaigns.productsCount', { count: c.products.length })}
                      {c.flagged > 0 && <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>{t('campaigns.flaggedCount', { count: c.flagged })}</Tag>}
                    </>
                  ),
                },
              ]}
            />
          </SectionCard>
        </>
      )}
      <CampaignDrawer campaignId={drawer.id} open={drawer.open} onClose={closeDrawer} onCreated={(id) => setDrawer({ open: true, id })} />
    </Flex>
  );
}
