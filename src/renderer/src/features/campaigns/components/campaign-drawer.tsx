import { App, Button, Checkbox, Col, DatePicker, Divider, Drawer, Form, Input, Popconfirm, Radio, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_ORIGINS, CAMPAIGN_TOOLS, type CampaignFields } from '../../../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { formatChinaTime } from '../../../shared/ui/format';
import { lengthCount } from '../../../shared/ui/length-count';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { CampaignProducts, CampaignStatusBar } from './campaign-products';
import { CampaignTags } from './campaign-tags';
import { campaignName } from '../../../../../shared/domain/campaign-names';
import { useLocale } from '../../../shared/ui/use-locale';

const INVALIDATES = { methods: ['campaigns.get', 'campaigns.list'] } as const;
const DAY = 'YYYY-MM-DD';
type DayField = 'signupStart' | 'signupDeadline' | 'runStart' | 'runEnd';

type CampaignForm = Omit<CampaignFields, DayField> & Record<DayField, Dayjs | null>;

const EMPTY: CampaignForm = { name: '', origin: 'platform', signupStart: null, signupDeadline: null, runStart: null, runEnd: null, datesEstimated: false, requirements: '', tools: [], notes: '' };

const dayOf = (text: string | null): Dayjs | null => (text === null ? null : dayjs(text, DAY));

/** Refused fields show on the form's own fields (`patch.runEnd` → runEnd). */
const fieldOf = (path: (string | number)[]) => {
  const rest = path[0] === 'patch' ? path.slice(1) : path;
  return typeof rest[0] === 'string' ? rest[0] : null;
};

/** A campaign: its dates, requirements and promotion tools; its sign-up; the products entered at their campaign price. */
export function CampaignDrawer({ campaignId, open, onClose, onCreated }: { campaignId: number | null; open: boolean; onClose(): void; onCreated(id: number): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const submit = useFormSubmit();
  const [form] = Form.useForm<CampaignForm>();
  const detail = useRpcQuery('campaigns.get', { id: campaignId ?? 1 }, { refetchOn: ['sourcing.changed'] });
  const campaign = campaignId === null ? undefined : detail.data?.id === campaignId ? detail.data : undefined;
  const create = useRpcMutation('campaigns.create', { invalidates: INVALIDATES });
  const update = useRpcMutation('campaigns.update', { invalidates: INVALIDATES });
  const remove = useRpcMutation('campaigns.remove', { invalidates: INVALIDATES });
  const origin = Form.useWatch('origin', form);

  // Reset when another campaign opens or this one was saved, not on every refetch.
  const latest = useRef(campaign);
  latest.current = campaign;
  const stamp = campaign?.updatedAt ?? null;
  useEffect(() => {
    if (!open) return;
    const c = latest.current;
    form.resetFields();
    form.setFieldsValue(c ? { ...c, signupStart: dayOf(c.signupStart), signupDeadline: dayOf(c.signupDeadline), runStart: dayOf(c.runStart), runEnd: dayOf(c.runEnd) } : EMPTY);
  }, [open, campaignId, stamp, form]);

  const save = async () => {
    const v = { ...EMPTY, ...(form.getFieldsValue(true) as Partial<CampaignForm>) };
    const own = v.origin === 'own';
    const fields = {
      ...v,
      signupStart: own ? null : (v.signupStart?.format(DAY) ?? null),
      signupDeadline: own ? null : (v.signupDeadline?.format(DAY) ?? null),
      runStart: v.runStart?.format(DAY) ?? null,
      runEnd: v.runEnd?.format(DAY) ?? null,
    };
    if (campaignId === null) {
      const made = await submit({ form, method: 'campaigns.create', params: fields as never, run: (p) => create.mutate(p), fieldOf });
      if (!made) return;
      onCreated(made.id);
    } else {
      const saved = await submit({ form, method: 'campaigns.update', params: { id: campaignId, patch: fields as never }, run: (p) => update.mutate(p), fieldOf });
      if (!saved) return;
    }
    void message.success(t('campaigns.form.saved'));
  };

  const dayPicker = (name: DayField) => (
    <Form.Item name={name} label={t(`campaigns.form.${name}`)} required={name === 'runStart' || name === 'runEnd'}>
      <DatePicker style={{ width: '100%' }} format={DAY} aria-label={t(`campaigns.form.${name}`)} />
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={campaignId === null ? t('campaigns.form.newTitle') : `${t('campaigns.form.editTitle')} · ${campaign ? campaignName(campaign, locale) : ''}`}
      extra={
        <Button type="primary" loading={create.isPending || update.isPending} onClick={() => void save()}>
          {t('campaigns.form.save')}
        </Button>
      }
    >
      {campaign && (
        <div style={{ marginBottom: 12 }}>
          <CampaignTags campaign={campaign} />
          {campaign.datesEstimated && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('campaigns.estimatedHint')}
            </Typography.Paragraph>
          )}
        </div>
      )}
      <Form form={form} name="campaign" layout="vertical" initialValues={EMPTY}>
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="name" label={t('campaigns.form.name')} required>
              <Input count={lengthCount('campaignName')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="origin" label={t('campaigns.form.origin')}>
              <Radio.Group optionType="button" options={CAMPAIGN_ORIGINS.map((o) => ({ value: o, label: t(`campaigns.origins.${o}`) }))} />
            </Form.Item>
          </Col>
          {origin !== 'own' && (
            <>
              <Col span={12}>{dayPicker('signupStart')}</Col>
              <Col span={12}>{dayPicker('signupDeadline')}</Col>
            </>
          )}
          <Col span={12}>{dayPicker('runStart')}</Col>
          <Col span={12}>{dayPicker('runEnd')}</Col>
        </Row>
        <Form.Item name="datesEstimated" valuePropName="checked">
          <Checkbox>{t('campaigns.form.datesEstimated')}</Checkbox>
        </Form.Item>
        <Form.Item name="tools" label={t('campaigns.form.tools')}>
          <Checkbox.Group options={CAMPAIGN_TOOLS.map((tool) => ({ value: tool, label: t(`campaigns.tools.${tool}`) }))} />
        </Form.Item>
        <Form.Item name="requirements" label={t('campaigns.form.requirements')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('campaigns.form.requirementsPlaceholder')} />
        </Form.Item>
        <Form.Item name="notes" label={t('campaigns.form.notes')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
      {campaign && (
        <>
          {campaign.origin === 'platform' && (
            <>
              <Divider titlePlacement="start">{t('campaigns.status.title')}</Divider>
              <CampaignStatusBar campaign={campaign} />
              {campaign.signedUpAt && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  {t('campaigns.status.signedUpAt', { time: formatChinaTime(campaign.signedUpAt) })}
                </Typography.Paragraph>
              )}
            </>
          )}
          <Divider titlePlacement="start">{t('campaigns.products.title')}</Divider>
          <CampaignProducts campaign={campaign} />
          <Divider />
          <Popconfirm
            title={t('campaigns.form.removeConfirm', { name: campaignName(campaign, locale) })}
            okText={t('campaigns.form.remove')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={async () => {
              await remove.mutate({ id: campaign.id });
              void message.success(t('campaigns.form.removed'));
              onClose();
            }}
          >
            <Button danger>{t('campaigns.form.remove')}</Button>
          </Popconfirm>
        </>
      )}
    </Drawer>
  );
}
