import { Col, Row, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_METRICS, type HealthEntry, type HealthSettings } from '../../../../../shared/rpc/domains/health';
import { FIELD_SPECS } from '../../../../../shared/validation/field-specs';
import { Chart, type ChartOption } from '../../../shared/charts/chart';
import type { ChartPngRef } from '../../../shared/charts/chart-png';
import { ChartPngButton } from '../../../shared/charts/chart-png-button';
import { SectionCard } from '../../../shared/ui/section-card';
import { useLocale } from '../../../shared/ui/use-locale';
import { METRIC_FIELD } from '../fields';
import { buildRatesOption, buildScoresOption, buildTrafficOption, type SeriesLabels } from '../trend-options';

function TrendChart({ title, option, file, dark }: { title: string; option: ChartOption; file: string; dark: boolean }) {
  const { t } = useTranslation();
  const png: ChartPngRef = useRef(null);
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <ChartPngButton type="link" exportRef={png} fileName={file} label={t('health.charts.png')} />
      <Chart option={option} label={title} height={240} theme={dark ? 'dark' : 'light'} exportRef={png} />
    </div>
  );
}

/** The three trend charts over the entries (oldest first), threshold lines from the settings. */
export function HealthTrendsCard({ entries, settings, dark }: { entries: readonly HealthEntry[]; settings: HealthSettings; dark: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useMemo((): SeriesLabels => {
    const out: SeriesLabels = { dsrLine: t('health.charts.dsrLine'), goodReviewLine: t('health.charts.goodReviewLine') };
    for (const m of HEALTH_METRICS) out[m] = FIELD_SPECS[METRIC_FIELD[m]].label[locale];
    return out;
  }, [t, locale]);
  const scores = useMemo(() => buildScoresOption(entries, settings, labels), [entries, settings, labels]);
  const rates = useMemo(() => buildRatesOption(entries, settings, labels), [entries, settings, labels]);
  const traffic = useMemo(() => buildTrafficOption(entries, labels), [entries, labels]);
  return (
    <SectionCard title={t('health.charts.title')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <TrendChart title={t('health.charts.scores')} option={scores} file="shopdesk-health-scores.png" dark={dark} />
        </Col>
        <Col xs={24} xl={12}>
          <TrendChart title={t('health.charts.rates')} option={rates} file="shopdesk-health-rates.png" dark={dark} />
        </Col>
        <Col xs={24} xl={12}>
          <TrendChart title={t('health.charts.traffic')} option={traffic} file="shopdesk-health-traffic.png" dark={dark} />
        </Col>
      </Row>
    </SectionCard>
  );
}
