import { Flex, Segmented } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, daysBetween, weekStartOf } from '../../../../../shared/domain/china-time';
import type { BreakdownResult } from '../../../../../shared/rpc/domains/analytics';
import { Chart } from '../../../shared/charts/chart';
import { SectionCard } from '../../../shared/ui/section-card';
import { buildShareOption, buildTrendOption } from '../options';
import { BreakdownTable, useBreakdownCsv } from './breakdown-table';
import { CsvButton, PngButton, type PngRef } from './export-buttons';

export const SOURCE_DIMENSIONS = ['source', 'trafficSource', 'trafficType', 'trafficFormat', 'trafficChannel'] as const;
export type SourceDimension = (typeof SOURCE_DIMENSIONS)[number];

/** The trend's axis as the core buckets it: days up to 92, else Mondays. */
export function trendAxis(from: string, to: string): string[] {
  const weekly = daysBetween(from, to) + 1 > 92;
  const out: string[] = [];
  for (let d = weekly ? weekStartOf(from) : from; d <= to; d = addDays(d, weekly ? 7 : 1)) out.push(d.slice(5));
  return out;
}

/** Orders by 精选联盟 / self-sold / ads, or by one traffic field, with the top ones' trend. */
export function SourcesCard({ result, dimension, onDimension, range, dark }: { result: BreakdownResult; dimension: SourceDimension; onDimension: (d: SourceDimension) => void; range: { from: string; to: string }; dark: boolean }) {
  const { t } = useTranslation();
  const sharePng: PngRef = useRef(null);
  const csv = useBreakdownCsv(result);
  const trendPng: PngRef = useRef(null);
  const none = t('analytics.table.none');
  const tailName = t('analytics.products.tail', { keys: result.tail?.keys ?? 0 });
  const share = useMemo(() => buildShareOption(result, { share: t('analytics.products.share'), tail: tailName, none }, dark), [result, dark, t, tailName, none]);
  const trend = useMemo(() => buildTrendOption(result, trendAxis(range.from, range.to), { none }, dark), [result, range.from, range.to, dark, none]);
  return (
    <SectionCard
      title={t('analytics.sources.title')}
      description={t('analytics.sources.description')}
      extra={
        <Flex gap={8}>
          <PngButton exportRef={sharePng} fileName={`${t('analytics.files.sources')}-${dimension}.png`} label={t('analytics.exportSharePng')} />
          <PngButton exportRef={trendPng} fileName={`${t('analytics.files.sourcesTrend')}-${dimension}.png`} label={t('analytics.exportTrendPng')} />
          <CsvButton {...csv} fileName={`${t('analytics.files.sources')}-${dimension}.csv`} />
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Segmented
          aria-label={t('analytics.sources.key')}
          value={dimension}
          options={SOURCE_DIMENSIONS.map((d) => ({ value: d, label: t(`analytics.sources.dimension.${d}`) }))}
          onChange={(d) => onDimension(d as SourceDimension)}
        />
        <Chart option={share} label={t('analytics.sources.title')} height={Math.max(140, 28 * (result.rows.length + (result.tail ? 1 : 0)) + 24)} theme={dark ? 'dark' : 'light'} exportRef={sharePng} />
        <Chart option={trend} label={`${t('analytics.sources.title')} · ${t('analytics.table.trend')}`} height={220} theme={dark ? 'dark' : 'light'} exportRef={trendPng} />
        <BreakdownTable result={result} keyTitle={t(`analytics.sources.dimension.${dimension}`)} label={t('analytics.sources.title')} />
      </Flex>
    </SectionCard>
  );
}
