import { App, Button, Checkbox, Flex, Form, Input, Skeleton, Space, Switch, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { REMINDER_KINDS, type ReminderKind, type ReminderSettings } from '../../../../../shared/rpc/domains/reminders';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { numberOf, textOf, type NumberText } from '../../../shared/ui/number-text';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { SectionCard } from '../../../shared/ui/section-card';
import { kindLabelKey } from '../kind-label';
import { ListingSlotsSummary } from './listing-slots-summary';

type FormValues = {
  isEnabled: boolean;
  kinds: ReminderKind[];
  listingLeadMinutes: NumberText;
  shipDueHours: NumberText;
  quietEnabled: boolean;
  quietStart: dayjs.Dayjs;
  quietEnd: dayjs.Dayjs;
};

const toForm = (s: ReminderSettings): FormValues => ({
  isEnabled: s.isEnabled,
  kinds: REMINDER_KINDS.filter((k) => s.kinds[k]),
  listingLeadMinutes: textOf(s.listingLeadMinutes),
  shipDueHours: textOf(s.shipDueHours),
  quietEnabled: s.quietHours.isEnabled,
  quietStart: dayjs(`2000-01-01T${s.quietHours.start}`),
  quietEnd: dayjs(`2000-01-01T${s.quietHours.end}`),
});

/** Which reminders come, lead times, quiet hours; the listing slots (the 选品 quota's) shown read-only. */
export function ReminderSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const settings = useRpcQuery('reminders.settings', {}, { refetchOn: ['reminders.changed'] });
  const update = useRpcMutation('reminders.updateSettings', { invalidates: { methods: ['reminders.settings', 'reminders.list'] } });
  const [form] = Form.useForm<FormValues>();
  if (!settings.data) return <Skeleton active />;

  const onFinish = async () => {
    const v = form.getFieldsValue(true) as FormValues;
    const params = {
      isEnabled: v.isEnabled,
      kinds: Object.fromEntries(REMINDER_KINDS.map((k) => [k, v.kinds.includes(k)])),
      listingLeadMinutes: numberOf(v.listingLeadMinutes) ?? null,
      shipDueHours: numberOf(v.shipDueHours) ?? null,
      quietHours: { isEnabled: v.quietEnabled, start: v.quietStart.format('HH:mm'), end: v.quietEnd.format('HH:mm') },
    };
    const fieldOf = (path: (string | number)[]) => (path[0] === 'quietHours' ? (path[1] === 'end' ? 'quietEnd' : 'quietStart') : typeof path[0] === 'string' ? path[0] : null);
    if (await submit({ form, method: 'reminders.updateSettings', params, run: (p) => update.mutate(p), fieldOf })) void message.success(t('reminders.settings.saved'));
  };

  return (
    <SectionCard title={t('reminders.settings.title')}>
      <Form form={form} layout="vertical" initialValues={toForm(settings.data)} key={JSON.stringify(settings.data)} onFinish={() => void onFinish()} style={{ maxWidth: 560 }}>
        <Form.Item name="isEnabled" label={t('reminders.settings.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="kinds" label={t('reminders.settings.kinds')}>
          <Checkbox.Group>
            <Flex vertical gap={4}>
              {REMINDER_KINDS.map((k) => (
                <Checkbox key={k} value={k}>
                  {t(kindLabelKey(k))}
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item label={t('reminders.settings.listingSlots')}>
          <ListingSlotsSummary />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="listingLeadMinutes" label={t('reminders.settings.listingLead')}>
            <Input inputMode="numeric" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="shipDueHours" label={t('reminders.settings.shipDueHours')}>
            <Input inputMode="numeric" style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item label={t('reminders.settings.quietHours')}>
          <Space wrap>
            <Form.Item name="quietEnabled" valuePropName="checked" noStyle>
              <Switch />
            </Form.Item>
            <Form.Item name="quietStart" noStyle>
              <TimePicker format="HH:mm" minuteStep={15} allowClear={false} needConfirm={false} />
            </Form.Item>
            <span>–</span>
            <Form.Item name="quietEnd" noStyle>
              <TimePicker format="HH:mm" minuteStep={15} allowClear={false} needConfirm={false} />
            </Form.Item>
          </Space>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('reminders.settings.save')}
        </Button>
      </Form>
    </SectionCard>
  );
}
