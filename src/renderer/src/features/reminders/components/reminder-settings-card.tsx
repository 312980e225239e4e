import { Button, Checkbox, Flex, Form, InputNumber, Skeleton, Space, Switch, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { REMINDER_KINDS, type ReminderKind, type ReminderSettings } from '../../../../../shared/rpc/domains/reminders';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { SectionCard } from '../../../shared/ui/section-card';
import { kindLabelKey } from '../kind-label';
import { ListingSlotsSummary } from './listing-slots-summary';

type FormValues = {
  isEnabled: boolean;
  kinds: ReminderKind[];
  listingLeadMinutes: number;
  shipDueHours: number;
  quietEnabled: boolean;
  quietStart: dayjs.Dayjs;
  quietEnd: dayjs.Dayjs;
};

const toForm = (s: ReminderSettings): FormValues => ({
  isEnabled: s.isEnabled,
  kinds: REMINDER_KINDS.filter((k) => s.kinds[k]),
  listingLeadMinutes: s.listingLeadMinutes,
  shipDueHours: s.shipDueHours,
  quietEnabled: s.quietHours.isEnabled,
  quietStart: dayjs(`2000-01-01T${s.quietHours.start}`),
  quietEnd: dayjs(`2000-01-01T${s.quietHours.end}`),
});

/** Which reminders come, lead times, quiet hours; the listing slots (the 选品 quota's) shown read-only. */
export function ReminderSettingsCard() {
  const { t } = useTranslation();
  const showError = useShowError();
  const settings = useRpcQuery('reminders.settings', {}, { refetchOn: ['reminders.changed'] });
  const update = useRpcMutation('reminders.updateSettings', { invalidates: { methods: ['reminders.settings', 'reminders.list'] } });
  const [form] = Form.useForm<FormValues>();
  if (!settings.data) return <Skeleton active />;

  const onFinish = (v: FormValues) =>
    void update
      .mutate({
        isEnabled: v.isEnabled,
        kinds: Object.fromEntries(REMINDER_KINDS.map((k) => [k, v.kinds.includes(k)])),
        listingLeadMinutes: v.listingLeadMinutes,
        shipDueHours: v.shipDueHours,
        quietHours: { isEnabled: v.quietEnabled, start: v.quietStart.format('HH:mm'), end: v.quietEnd.format('HH:mm') },
      })
      .catch(showError);

  return (
    <SectionCard title={t('reminders.settings.title')}>
      <Form form={form} layout="vertical" initialValues={toForm(settings.data)} key={JSON.stringify(settings.data)} onFinish={onFinish} style={{ maxWidth: 560 }}>
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
            <InputNumber min={0} max={120} precision={0} />
          </Form.Item>
          <Form.Item name="shipDueHours" label={t('reminders.settings.shipDueHours')}>
            <InputNumber min={1} max={72} precision={0} />
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
