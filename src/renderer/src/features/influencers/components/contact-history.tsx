import { App, Button, Flex, Form, Input, List, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, type ContactChannel } from '../../../../../shared/domain/influencer-pipeline';
import type { InfluencerDetail } from '../../../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { lengthCount } from '../../../shared/ui/length-count';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { INVALIDATES } from '../format';

type ContactForm = { on: string; channel: ContactChannel; note: string; nextContactOn: string };

/** The contact history (date, channel, what was said) and the next contact date, newest first. */
export function ContactHistory({ influencer }: { influencer: InfluencerDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const [form] = Form.useForm<ContactForm>();
  const today = useRpcQuery('influencers.goal', {}).data?.today ?? '';
  const add = useRpcMutation('influencers.addContact', { invalidates: INVALIDATES });
  const remove = useRpcMutation('influencers.removeContact', { invalidates: INVALIDATES });

  const save = async () => {
    const v = form.getFieldsValue(true) as Partial<ContactForm>;
    const params = { influencerId: influencer.id, on: v.on || today, channel: v.channel ?? 'wechat', note: v.note ?? '', ...(v.nextContactOn ? { nextContactOn: v.nextContactOn } : {}) };
    const done = await submit({ form, method: 'influencers.addContact', params, run: (p) => add.mutate(p) });
    if (!done) return;
    form.resetFields(['note', 'nextContactOn']);
    void message.success(t('influencers.contacts.added'));
  };

  return (
    <Flex vertical gap={8}>
      <Form form={form} name="contact" layout="inline" initialValues={{ channel: 'wechat', on: '', note: '', nextContactOn: '' }} style={{ rowGap: 8 }}>
        <Form.Item name="on" label={t('influencers.contacts.on')}>
          <Input type="date" placeholder={today} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="channel" label={t('influencers.contacts.channel')}>
          <Select style={{ width: 120 }} options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`influencers.channels.${c}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('influencers.contacts.note')} style={{ minWidth: 320, flex: 1 }}>
          <Input.TextArea rows={1} autoSize count={lengthCount('contactNote', { onlyPastLimit: true })} />
        </Form.Item>
        <Form.Item name="nextContactOn" label={t('influencers.contacts.next')}>
          <Input type="date" style={{ width: 150 }} />
        </Form.Item>
        <Button type="primary" loading={add.isPending} onClick={() => void save()}>
          {t('influencers.contacts.add')}
        </Button>
      </Form>
      <List
        size="small"
        locale={{ emptyText: t('influencers.contacts.empty') }}
        dataSource={influencer.contacts}
        renderItem={(c) => (
          <List.Item
            key={c.id}
            actions={[
              <Button key="remove" size="small" type="link" danger onClick={() => void remove.mutate({ id: c.id })}>
                {t('influencers.contacts.remove')}
              </Button>,
            ]}
          >
            <Typography.Text type="secondary">{c.on}</Typography.Text>
            <Tag style={{ marginInline: 8 }}>{t(`influencers.channels.${c.channel}`)}</Tag>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.note}</Typography.Text>
          </List.Item>
        )}
      />
    </Flex>
  );
}
