import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Popover, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuotaView } from '../../../../../shared/rpc/contract';
import { useRpcMutation } from '../../../app/use-rpc';
import { numberOf, type NumberText } from '../../../shared/ui/number-text';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { SectionCard } from '../../../shared/ui/section-card';

type QuotaForm = { min: NumberText; max: NumberText; slots: { time: string; count: NumberText }[] };

const STATE_COLOR = { below: 'orange', met: 'green', over: 'gold' } as const;

/** Today's listing count against the target range, the slots with what is planned, streak and heatmap. */
export function QuotaCard({ view }: { view: QuotaView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const [form] = Form.useForm<QuotaForm>();
  const save = useRpcMutation('sourcing.setQuota', { invalidates: { methods: ['sourcing.quota'] } });
  const { quota, listedToday } = view;
  const percent = Math.min(100, Math.round((listedToday / quota.min) * 100));
  const editor = (
    <Form
      form={form}
      name="quota"
      layout="vertical"
      initialValues={{ min: String(quota.min), max: String(quota.max), slots: quota.slots.map((s) => ({ time: s.time, count: String(s.count) })) }}
      onFinish={() => {
        const v = form.getFieldsValue(true) as QuotaForm;
        // A blank number goes as undefined and comes back from the schema as "请填写…".
        const params = { quota: { min: numberOf(v.min), max: numberOf(v.max), slots: (v.slots ?? []).map((s) => ({ time: s.time ?? '', count: numberOf(s.count) })) } };
        void submit({ form, method: 'sourcing.setQuota', params, run: (p) => save.mutate(p), fieldOf: (path) => (path[0] === 'quota' ? path.slice(1) : null) }).then(
          (done) => done && void message.success(t('sourcing.quota.saved')),
        );
      }}
      style={{ width: 300 }}
    >
      <Space>
        <Form.Item name="min" label={t('sourcing.quota.min')} required>
          <Input inputMode="numeric" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="max" label={t('sourcing.quota.max')} required>
          <Input inputMode="numeric" style={{ width: 120 }} />
        </Form.Item>
      </Space>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t('sourcing.quota.slots')}
      </Typography.Text>
      <Form.List name="slots">
        {(items, { add, remove }) => (
          <>
            {items.map((item) => (
              <Space key={item.key} align="baseline">
                <Form.Item name={[item.name, 'time']}>
                  <Input aria-label={t('sourcing.quota.slotTime')} placeholder="09:00" style={{ width: 90 }} />
                </Form.Item>
                <Form.Item name={[item.name, 'count']}>
                  <Input aria-label={t('sourcing.quota.slotCount')} inputMode="numeric" style={{ width: 70 }} />
                </Form.Item>
                <Button type="text" danger disabled={items.length <= 1} onClick={() => remove(item.name)} aria-label={t('sourcing.quota.removeSlot')} icon={<DeleteOutlined aria-hidden />} />
              </Space>
            ))}
            <Button type="dashed" disabled={items.length >= 6} onClick={() => add({ time: '', count: '3' })} icon={<PlusOutlined aria-hidden />} block style={{ marginBottom: 12 }}>
              {t('sourcing.quota.addSlot')}
            </Button>
          </>
        )}
      </Form.List>
      <Button htmlType="submit" type="primary" loading={save.isPending} block>
        {t('sourcing.form.save')}
      </Button>
    </Form>
  );
  return (
    <SectionCard
      title={t('sourcing.quota.title')}
      extra={
        <Popover content={editor} trigger="click">
          <Button icon={<EditOutlined aria-hidden />}>{t('sourcing.quota.edit')}</Button>
        </Popover>
      }
    >
      <Flex gap={24} wrap align="flex-start">
        <Flex vertical gap={4} style={{ minWidth: 240 }}>
          <Typography.Text strong data-testid="listed-today">
            {t('sourcing.quota.count', { count: listedToday, min: quota.min, max: quota.max })}
          </Typography.Text>
          <Progress percent={percent} showInfo={false} status={view.state === 'below' ? 'active' : 'success'} aria-hidden />
          <Tag color={STATE_COLOR[view.state]} style={{ alignSelf: 'flex-start' }}>
            {view.state === 'below' ? t('sourcing.quota.below', { left: quota.min - listedToday }) : t(`sourcing.quota.${view.state}`)}
          </Tag>
          <Typography.Text type="secondary">{t('sourcing.quota.streak', view.streak)}</Typography.Text>
        </Flex>
        <Flex vertical gap={4} style={{ minWidth: 220 }}>
          <Typography.Text strong>{t('sourcing.quota.slots')}</Typography.Text>
          {view.slots.map((s) => (
            <div key={s.time}>
              <Typography.Text>{t('sourcing.quota.slotLine', { time: s.time, count: s.count })}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {s.planned.length === 0 ? t('sourcing.quota.nothingPlanned') : s.planned.map((p) => p.title).join('、')}
              </Typography.Text>
            </div>
          ))}
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('sourcing.quota.heatmap', { days: view.heatmap.length })}</Typography.Text>
          <div role="img" aria-label={t('sourcing.quota.heatmap', { days: view.heatmap.length })} style={{ display: 'grid', gridTemplateRows: 'repeat(7, 10px)', gridAutoFlow: 'column', gap: 2 }}>
            {view.heatmap.map((d) => (
              <Tooltip key={d.date} title={t('sourcing.quota.heatDay', { date: d.date, count: d.count })}>
                <span
                  style={{
                    width: 10,
                    height: 10,
                    borderRadius: 2,
                    background: d.met ? '#52c41a' : d.count > 0 ? '#b7eb8f' : 'rgba(127,127,127,0.2)',
                  }}
                />
              </Tooltip>
            ))}
          </div>
        </Flex>
      </Flex>
    </SectionCard>
  );
}
