import { Button, Empty, Flex, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, chinaDate } from '../../../../../shared/domain/china-time';
import type { BreakdownDimension } from '../../../../../shared/rpc/domains/analytics';
import { hashForScreen } from '../../../app/hash-route';
import { useAppStatus } from '../../../app/status-context';
import { resolveTheme, useSystemDark } from '../../../app/theme';
import { useRpcQuery } from '../../../app/use-rpc';
import { ordersDrillHash } from '../drill';
import { InfluencersCard } from './influencers-card';
import { MixCard } from './mix-card';
import { ProductsCard } from './products-card';
import { ProvinceCard } from './province-card';
import { RangeBar, type AnalyticsView } from './range-bar';
import { RepeatBuyersBlock } from './repeat-buyers-card';
import { SourcesCard, type SourceDimension } from './sources-card';
import { DeclineAlertCard } from '../../decline/components/decline-alert-card';
import { VolumeCard } from './volume-card';

/** Imports and undos change every figure; notes and thresholds reload their own queries. */
const REFETCH = ['imports.finished', 'imports.undone', 'settings.changed'] as const;
const TOP = 10;

/** 看数据 Analytics: order volume over any range, by product, province, source and influencer. */
export function AnalyticsScreen() {
  const { t } = useTranslation();
  // The core's clock (the harness moves it), as a China date: "today" is the shop's day, not the browser's.
  const today = chinaDate(new Date(useAppStatus().now));
  const [view, setView] = useState<AnalyticsView>({ from: addDays(today, -29), to: today, granularity: 'day', basis: 'paid' });
  const [sourceDimension, setSourceDimension] = useState<SourceDimension>('source');
  const range = { from: view.from, to: view.to, basis: view.basis };
  const volume = useRpcQuery('analytics.volume', { ...range, granularity: view.granularity }, { refetchOn: REFETCH });
  const products = useRpcQuery('analytics.breakdown', { ...range, dimension: 'product', top: TOP }, { refetchOn: REFETCH });
  const provinces = useRpcQuery('analytics.breakdown', { ...range, dimension: 'province', top: 40 }, { refetchOn: REFETCH });
  const sources = useRpcQuery('analytics.breakdown', { ...range, dimension: sourceDimension, top: 8 }, { refetchOn: REFETCH });
  const influencers = useRpcQuery('analytics.breakdown', { ...range, dimension: 'influencer', top: TOP }, { refetchOn: REFETCH });
  const mix = useRpcQuery('analytics.productMix', range, { refetchOn: REFETCH });
  const settings = useRpcQuery('analytics.settings', {});
  const appSettings = useRpcQuery('settings.get', {}, { refetchOn: ['settings.changed'] });
  const dark = resolveTheme(appSettings.data?.theme ?? 'system', useSystemDark()) === 'dark';

  // Opened on a shop whose last import ends before the default 30 days: show its last 30 days instead, once.
  const placed = useRef(false);
  const v = volume.data;
  useEffect(() => {
    if (placed.current || !v) return;
    placed.current = true;
    if (v.total.orders === 0 && v.dataTo !== null && v.dataTo < view.from) setView((s) => ({ ...s, from: addDays(v.dataTo!, -29), to: v.dataTo! }));
  }, [v, view.from]);

  const open = (dimension: BreakdownDimension) => (key: string) => {
    const hash = ordersDrillHash(dimension, key, range);
    if (hash) window.location.hash = hash;
  };
  const [p, pr, s, i, m, st] = [products.data, provinces.data, sources.data, influencers.data, mix.data, settings.data];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('analytics.title')}
      </Typography.Title>
      {/* The decline watch's alert, above the numbers; it renders nothing while no rule fired. */}
      <div data-slot="analytics-alert">
        <DeclineAlertCard />
      </div>
      <RangeBar view={view} today={today} onChange={setView} />
      {!v ? (
        <Spin />
      ) : v.dataFrom === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<Flex vertical gap={4}><Typography.Text strong>{t('analytics.empty.title')}</Typography.Text><Typography.Text type="secondary">{t('analytics.empty.hint')}</Typography.Text></Flex>}>
          <Button type="primary" href={hashForScreen('imports')}>
            {t('analytics.empty.go')}
          </Button>
        </Empty>
      ) : (
        <>
          {v.total.orders === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analytics.empty.noneInRange')} />}
          <VolumeCard volume={v} dark={dark} />
          {p && st && v.total.orders > 0 && <ProductsCard result={p} settings={st} top={TOP} dark={dark} onOpen={open('product')} />}
          {pr && v.total.orders > 0 && <ProvinceCard result={pr} dark={dark} onOpen={open('province')} />}
          {s && v.total.orders > 0 && <SourcesCard result={s} dimension={sourceDimension} onDimension={setSourceDimension} range={range} dark={dark} />}
          {i && v.total.orders > 0 && <InfluencersCard result={i} range={range} dark={dark} onOpen={open('influencer')} />}
          {m && v.total.orders > 0 && <MixCard rows={m} onOpen={open('product')} />}
          {/* By order time, whatever the basis: shown whenever the range holds orders placed in it. */}
          <RepeatBuyersBlock from={view.from} to={view.to} dark={dark} onOpen={open('product')} />
        </>
      )}
    </Flex>
  );
}
