import { App, Button, Form, Input, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthSettings } from '../../../../../shared/rpc/domains/health';
import { FIELD_SPECS, type NumberFieldKey } from '../../../../../shared/validation/field-specs';
import { useRpcMutation } from '../../../app/use-rpc';
import { numberOf, textOf, type NumberText } from '../../../shared/ui/number-text';
import { SectionCard } from '../../../shared/ui/section-card';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { useLocale } from '../../../shared/ui/use-locale';

const FIELDS: [keyof HealthSettings, NumberFieldKey][] = [
  ['dsrMin', 'healthDsrMin'],
  ['goodReviewMinPct', 'healthGoodReviewMin'],
  ['spotWarnPct', 'healthSpotWarn'],
  ['spotFloorPct', 'healthSpotFloor'],
];

/** The editable warning lines (the platform changes them); defaults from seed 004. */
export function HealthSettingsCard({ settings }: { settings: HealthSettings }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const update = useRpcMutation('health.updateSettings', { invalidates: { methods: ['health.list'] } });
  const [form] = Form.useForm<Record<keyof HealthSettings, NumberText>>();
  useEffect(() => {
    form.setFieldsValue(Object.fromEntries(FIELDS.map(([k]) => [k, textOf(settings[k])])));
  }, [settings, form]);

  const save = async () => {
    const v = form.getFieldsValue(true) as Record<keyof HealthSettings, NumberText>;
    const params = Object.fromEntries(FIELDS.map(([k]) => [k, numberOf(v[k])]));
    if (await submit({ form, method: 'health.updateSettings', params, run: (p) => update.mutate(p) })) void message.success(t('health.settings.saved'));
  };

  return (
    <SectionCard title={t('health.settings.title')} description={t('health.settings.hint')}>
      <Form form={form} name="health-settings" layout="inline" onFinish={() => void save()}>
        <Space wrap align="end">
          {FIELDS.map(([k, f]) => (
            <Form.Item key={k} name={k} label={FIELD_SPECS[f].label[locale]}>
              <Input inputMode="decimal" style={{ width: 110 }} suffix={FIELD_SPECS[f].unit === 'percent' ? '%' : undefined} />
            </Form.Item>
          ))}
          <Button htmlType="submit" loading={update.isPending}>
            {t('health.settings.save')}
          </Button>
        </Space>
      </Form>
    </SectionCard>
  );
}
