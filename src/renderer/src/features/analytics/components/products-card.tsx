import { App, Button, Collapse, Flex, Form, Input, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsSettings, BreakdownResult } from '../../../../../shared/rpc/domains/analytics';
import { useRpcMutation } from '../../../app/use-rpc';
import { Chart } from '../../../shared/charts/chart';
import { numberOf } from '../../../shared/ui/number-text';
import { SectionCard } from '../../../shared/ui/section-card';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { useLocale } from '../../../shared/ui/use-locale';
import { FIELD_SPECS } from '../../../../../shared/validation/field-specs';
import { buildShareOption } from '../options';
import { BreakdownTable, useBreakdownCsv } from './breakdown-table';
import { CsvButton, PngButton, type PngRef } from './export-buttons';

const FIELDS = ['hitSharePercent', 'hitRisePercent', 'dropFallPercent', 'dropMinOrders'] as const;

/** The hit / drop thresholds, editable (the defaults are a starting point, not a platform rule). */
function Thresholds({ settings }: { settings: AnalyticsSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const locale = useLocale();
  const [form] = Form.useForm<Record<(typeof FIELDS)[number], string>>();
  const update = useRpcMutation('analytics.updateSettings', { invalidates: { methods: ['analytics.settings', 'analytics.breakdown'] } });
  useEffect(() => form.setFieldsValue(Object.fromEntries(FIELDS.map((f) => [f, String(settings[f])]))), [form, settings]);
  const save = async () => {
    const v = form.getFieldsValue(true) as Record<(typeof FIELDS)[number], string>;
    const params = Object.fromEntries(FIELDS.map((f) => [f, numberOf(v[f]) ?? null])) as Record<(typeof FIELDS)[number], number | null>;
    if (await submit({ form, method: 'analytics.updateSettings', params, run: (p) => update.mutate(p) })) void message.success(t('analytics.products.saved'));
  };
  return (
    <Form form={form} name="analyticsThresholds" layout="vertical" onFinish={() => void save()}>
      <Typography.Paragraph type="secondary">{t('analytics.products.thresholdsHint')}</Typography.Paragraph>
      <Space wrap align="start">
        {FIELDS.map((f) => (
          <Form.Item key={f} name={f} label={FIELD_SPECS[f].label[locale]} required style={{ maxWidth: 200 }}>
            <Input inputMode="decimal" />
          </Form.Item>
        ))}
      </Space>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('analytics.products.thresholds')}
      </Button>
    </Form>
  );
}

/** Share of orders per product: top N chart and table with flags, the long tail, the thresholds. */
export function ProductsCard({ result, settings, top, dark, onOpen }: { result: BreakdownResult; settings: AnalyticsSettings; top: number; dark: boolean; onOpen: (key: string) => void }) {
  const { t } = useTranslation();
  const png: PngRef = useRef(null);
  const csv = useBreakdownCsv(result);
  const tailName = t('analytics.products.tail', { keys: result.tail?.keys ?? 0 });
  const option = useMemo(() => buildShareOption(result, { share: t('analytics.products.share'), tail: tailName, none: t('analytics.table.none') }, dark), [result, dark, t, tailName]);
  return (
    <SectionCard
      title={t('analytics.products.title')}
      description={t('analytics.products.description', { top })}
      extra={
        <Flex gap={8}>
          <PngButton exportRef={png} fileName={`${t('analytics.files.products')}.png`} />
          <CsvButton {...csv} fileName={`${t('analytics.files.products')}.csv`} />
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Chart
          option={option}
          label={t('analytics.products.title')}
          height={Math.max(160, 28 * (result.rows.length + (result.tail ? 1 : 0)) + 24)}
          theme={dark ? 'dark' : 'light'}
          exportRef={png}
          onItemClick={(d) => {
            const key = (d as { key?: string | null } | undefined)?.key;
            if (key) onOpen(key);
          }}
        />
        <Typography.Text type="secondary">{t('analytics.products.previousRange', { from: result.previousFrom, to: result.previousTo })}</Typography.Text>
        <BreakdownTable result={result} keyTitle={t('analytics.products.product')} onOpen={onOpen} label={t('analytics.products.title')} />
        <Collapse size="small" items={[{ key: 'thresholds', label: t('analytics.products.thresholds'), children: <Thresholds settings={settings} /> }]} />
      </Flex>
    </SectionCard>
  );
}
