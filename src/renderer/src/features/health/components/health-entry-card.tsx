import { App, Button, Col, Form, Input, Row, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_METRICS, type HealthEntry, type HealthMetric } from '../../../../../shared/rpc/domains/health';
import { FIELD_SPECS } from '../../../../../shared/validation/field-specs';
import { useRpcMutation } from '../../../app/use-rpc';
import { lengthCount } from '../../../shared/ui/length-count';
import { numberOf, textOf, type NumberText } from '../../../shared/ui/number-text';
import { SectionCard } from '../../../shared/ui/section-card';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { useLocale } from '../../../shared/ui/use-locale';
import { METRIC_FIELD, SCORE_METRICS, TRAFFIC_METRICS } from '../fields';

type EntryForm = { date: string; note: string } & Record<HealthMetric, NumberText>;

const formOf = (date: string, entry: HealthEntry | undefined): EntryForm => {
  const out = { date, note: entry?.note ?? '' } as EntryForm;
  for (const m of HEALTH_METRICS) out[m] = textOf(entry?.[m]);
  return out;
};

/** The 30-second daily entry: the date's figures from the back office; an existing day is loaded and replaced whole. */
export function HealthEntryCard({ today, entries }: { today: string; entries: readonly HealthEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const add = useRpcMutation('health.add', { invalidates: { methods: ['health.list'] } });
  const [form] = Form.useForm<EntryForm>();
  const date = Form.useWatch('date', form) ?? today;
  const existing = entries.find((e) => e.date === date);

  // Picking a date that has an entry shows it, so a correction starts from what was saved. Keyed
  // by the date and that day's stored entry, not the list: a refetch (after a save, or another
  // window's change) must not wipe what is being typed for another day.
  const stored = JSON.stringify(existing ?? null);
  useEffect(() => {
    form.setFieldsValue(formOf(date, (JSON.parse(stored) as HealthEntry | null) ?? undefined));
  }, [date, stored, form]);

  const save = async () => {
    const v = form.getFieldsValue(true) as EntryForm;
    const params: Record<string, unknown> = { date: v.date, note: v.note ?? '' };
    for (const m of HEALTH_METRICS) params[m] = numberOf(v[m]);
    const result = await submit({ form, method: 'health.add', params: params as never, run: (p) => add.mutate(p) });
    if (result) void message.success(t(result.replaced ? 'health.entry.replaced' : 'health.entry.saved', { date: result.entry.date }));
  };

  const field = (m: HealthMetric) => {
    const spec = FIELD_SPECS[METRIC_FIELD[m]];
    return (
      <Col key={m} xs={12} md={8} lg={4}>
        <Form.Item name={m} label={spec.label[locale]}>
          <Input inputMode={spec.isInteger ? 'numeric' : 'decimal'} suffix={spec.unit === 'percent' ? '%' : undefined} autoComplete="off" />
        </Form.Item>
      </Col>
    );
  };

  return (
    <SectionCard title={t('health.entry.title')}>
      <Form form={form} name="health-entry" layout="vertical" initialValues={formOf(today, entries.find((e) => e.date === today))} onFinish={() => void save()}>
        <Row gutter={12}>
          <Col xs={12} md={8} lg={4}>
            <Form.Item name="date" label={FIELD_SPECS.healthDate.label[locale]} required>
              <Input type="date" max={today} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">{t('health.entry.scores')}</Typography.Text>
        <Row gutter={12}>{SCORE_METRICS.map(field)}</Row>
        <Typography.Text type="secondary">{t('health.entry.traffic')}</Typography.Text>
        <Row gutter={12}>{TRAFFIC_METRICS.map(field)}</Row>
        <Form.Item name="note" label={FIELD_SPECS.healthNote.label[locale]}>
          <Input count={lengthCount('healthNote')} />
        </Form.Item>
        {existing && (
          <Typography.Paragraph type="warning" data-testid="health-editing">
            {t('health.entry.editing')}
          </Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('health.entry.save')}
        </Button>
      </Form>
    </SectionCard>
  );
}
