import { App, Button, Col, Descriptions, Divider, Drawer, Form, Input, Popconfirm, Row, Select, Tabs, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { INFLUENCER_STAGES } from '../../../../../shared/domain/influencer-pipeline';
import type { InfluencerFields } from '../../../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { lengthCount } from '../../../shared/ui/length-count';
import { numberOf, textOf, type NumberText } from '../../../shared/ui/number-text';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { INVALIDATES, listOfText, percentText, roiText, yuanText } from '../format';
import { ContactHistory } from './contact-history';
import { SalesTables } from './sales-tables';
import { SampleLedger } from './sample-ledger';

type InfluencerForm = Omit<InfluencerFields, 'categories' | 'tags' | 'fans' | 'nextContactOn'> & { categoriesText: string; tagsText: string; fans: NumberText; nextContactOn: string };

const EMPTY: InfluencerForm = {
  nickname: '', douyinId: '', platform: '抖音', wechat: '', phone: '', fans: '', categoriesText: '', contactPerson: '', notes: '', tagsText: '', stage: 'to_contact', nextContactOn: '',
};

/** Refused fields show on the form's own fields; lists on their text boxes. */
const fieldOf = (path: (string | number)[]) => {
  const rest = path[0] === 'patch' ? path.slice(1) : path;
  if (rest[0] === 'categories') return 'categoriesText';
  if (rest[0] === 'tags') return 'tagsText';
  return typeof rest[0] === 'string' ? rest[0] : null;
};

/** One influencer: the record, sales and sample figures, contact history, samples, sales per product and month. */
export function InfluencerDrawer({ influencerId, open, onClose, onCreated }: { influencerId: number | null; open: boolean; onClose(): void; onCreated(id: number): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const [form] = Form.useForm<InfluencerForm>();
  const detail = useRpcQuery('influencers.get', { id: influencerId ?? 1 }, { refetchOn: ['influencers.changed'] });
  const influencer = influencerId === null ? undefined : detail.data?.id === influencerId ? detail.data : undefined;
  const create = useRpcMutation('influencers.create', { invalidates: INVALIDATES });
  const update = useRpcMutation('influencers.update', { invalidates: INVALIDATES });
  const remove = useRpcMutation('influencers.remove', { invalidates: INVALIDATES });

  // Reset when another influencer opens or this one was saved, not on every refetch.
  const latest = useRef(influencer);
  latest.current = influencer;
  const stamp = influencer?.updatedAt ?? null;
  useEffect(() => {
    if (!open) return;
    const c = latest.current;
    form.setFieldsValue(c ? { ...c, categoriesText: c.categories.join('、'), tagsText: c.tags.join('、'), fans: textOf(c.fans), nextContactOn: c.nextContactOn ?? '' } : EMPTY);
  }, [open, influencerId, stamp, form]);

  const save = async () => {
    const { categoriesText, tagsText, ...v } = { ...EMPTY, ...(form.getFieldsValue(true) as Partial<InfluencerForm>) };
    const fields = { ...v, categories: listOfText(categoriesText), tags: listOfText(tagsText), fans: v.fans === '' || v.fans === null || v.fans === undefined ? null : (numberOf(v.fans) ?? Number.NaN), nextContactOn: v.nextContactOn ? v.nextContactOn : null };
    if (influencerId === null) {
      const made = await submit({ form, method: 'influencers.create', params: fields, run: (p) => create.mutate(p), fieldOf });
      if (!made) return;
      onCreated(made.id);
    } else {
      const saved = await submit({ form, method: 'influencers.update', params: { id: influencerId, patch: fields }, run: (p) => update.mutate(p), fieldOf });
      if (!saved) return;
    }
    void message.success(t('influencers.form.saved'));
  };

  const i = influencer;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={influencerId === null ? t('influencers.form.newTitle') : `${t('influencers.form.editTitle')} · ${i?.nickname || i?.douyinId || ''}`}
      extra={
        <Button type="primary" loading={create.isPending || update.isPending} onClick={() => void save()}>
          {t('influencers.form.save')}
        </Button>
      }
    >
      <Form form={form} name="influencer" layout="vertical" initialValues={EMPTY}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="nickname" label={t('influencers.form.nickname')} required extra={i?.exportNickname && i.exportNickname !== i.nickname ? t('influencers.form.exportName', { name: i.exportNickname }) : undefined}>
              <Input count={lengthCount('influencerNickname')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="douyinId" label={t('influencers.form.douyinId')}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="stage" label={t('influencers.form.stage')}>
              <Select options={INFLUENCER_STAGES.map((s) => ({ value: s, label: t(`influencers.stages.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nextContactOn" label={t('influencers.form.nextContactOn')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="fans" label={t('influencers.form.fans')}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          {(['wechat', 'phone', 'contactPerson', 'platform'] as const).map((name) => (
            <Col span={12} key={name}>
              <Form.Item name={name} label={t(`influencers.form.${name}`)}>
                <Input />
              </Form.Item>
            </Col>
          ))}
          <Col span={12}>
            <Form.Item name="categoriesText" label={t('influencers.form.categories')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="tagsText" label={t('influencers.form.tags')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('influencers.form.notes')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {i && (
        <>
          <Divider titlePlacement="start">{t('influencers.stats.title')}</Divider>
          <Descriptions size="small" column={3} bordered data-testid="influencer-stats">
            <Descriptions.Item label={t('influencers.stats.orders')}>{`${i.sales.orders} / ${i.sales.lines}`}</Descriptions.Item>
            <Descriptions.Item label={t('influencers.stats.amount')}>{yuanText(i.sales.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('influencers.stats.refunded')}>{yuanText(i.sales.refundedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('influencers.stats.commission')}>
              <Typography.Text title={t('influencers.stats.commissionHint', { funds: i.commission.fromFundsLines, estimated: i.commission.estimatedLines, unknown: i.commission.unknownLines })}>{yuanText(i.commission.fen)}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('influencers.stats.fulfilment')}>{percentText(i.fulfilmentBp)}</Descriptions.Item>
            <Descriptions.Item label={t('influencers.stats.sampleCost')}>{yuanText(i.sampleCostFen)}</Descriptions.Item>
            <Descriptions.Item label={t('influencers.stats.salesSince')}>{yuanText(i.salesSinceFirstSampleFen)}</Descriptions.Item>
            <Descriptions.Item label={t('influencers.stats.roi')}>{roiText(i.roiBp)}</Descriptions.Item>
          </Descriptions>
          <Tabs
            style={{ marginTop: 12 }}
            items={[
              { key: 'contacts', label: t('influencers.contacts.title'), children: <ContactHistory influencer={i} /> },
              { key: 'samples', label: t('influencers.samples.title'), children: <SampleLedger influencerId={i.id} /> },
              { key: 'sales', label: t('influencers.sales.title'), children: <SalesTables influencer={i} /> },
            ]}
          />
          <Divider />
          <Popconfirm title={t('influencers.form.removeConfirm')} onConfirm={() => void remove.mutate({ id: i.id }).then(onClose)}>
            <Button danger>{t('influencers.form.remove')}</Button>
          </Popconfirm>
        </>
      )}
    </Drawer>
  );
}
