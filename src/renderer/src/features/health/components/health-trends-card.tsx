import { DownloadOutlined } from '@ant-design/icons';
import { Button, Col, Row, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_METRICS, type HealthEntry, type HealthSettings } from '../../../../../shared/rpc/domains/health';
import { FIELD_SPECS } from '../../../../../shared/validation/field-specs';
import { Chart, type ChartOption } from '../../../shared/charts/chart';
import { downloadChartPng } from '../../../shared/charts/chart-png';
import { SectionCard } from '../../../shared/ui/section-card';
import { useLocale } from '../../../shared/ui/use-locale';
import { METRIC_FIELD } from '../fields';
import { buildRatesOption, buildScoresOption, buildTrafficOption, type SeriesLabels } from '../trend-options';

function TrendChart({ title, option, file, dark }: { title: string; option: ChartOption; file: string; dark: boolean }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => downloadChartPng(box.current, file, dark ? '#141414' : '#ffffff')}>
        {t('health.charts.png')}
      </Button>
      <div ref={box}>
        <Chart option={option} label={title} height={240} theme={dark ? 'dark' : 'light'} />
      </div>
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
