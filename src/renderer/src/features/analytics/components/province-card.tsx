import { Col, Flex, Row } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakdownResult } from '../../../../../shared/rpc/domains/analytics';
import { Chart } from '../../../shared/charts/chart';
import { SectionCard } from '../../../shared/ui/section-card';
import { buildProvinceTileOption } from '../province-tiles';
import { BreakdownTable, useBreakdownCsv } from './breakdown-table';
import { CsvButton, PngButton, type PngRef } from './export-buttons';

/** Provinces as a tile map and a sorted table; a click opens the province's orders. */
export function ProvinceCard({ result, dark, onOpen }: { result: BreakdownResult; dark: boolean; onOpen: (key: string) => void }) {
  const { t } = useTranslation();
  const png: PngRef = useRef(null);
  const csv = useBreakdownCsv(result);
  const option = useMemo(
    () => buildProvinceTileOption(result, { pieces: ['≥ 20%', '10–20%', '5–10%', '2–5%', '< 2%'], tooltip: t('analytics.provinces.tooltip'), noOrders: t('analytics.provinces.noOrders') }, dark),
    [result, dark, t],
  );
  // The tiles show short names (新疆); the table the full name of the division list (新疆维吾尔自治区), the key itself.
  const labelled = { ...result, rows: result.rows.map((r) => ({ ...r, name: r.key === '' ? t('analytics.provinces.unknown') : r.key })) };
  return (
    <SectionCard
      title={t('analytics.provinces.title')}
      description={t('analytics.provinces.description')}
      extra={
        <Flex gap={8}>
          <PngButton exportRef={png} fileName={`${t('analytics.files.provinces')}.png`} />
          <CsvButton {...csv} fileName={`${t('analytics.files.provinces')}.csv`} />
        </Flex>
      }
    >
      {/*
        Side by side from 1200 px (xl): the table's 13/24 keep the longest names (新疆维吾尔自治区,
        内蒙古自治区) on one line at a 1280 px window. Narrower (1024 px), the map sits above the
        table, no wider than its tiles need, and the table takes the full width.
      */}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <div style={{ maxWidth: 560, margin: '0 auto' }}>
            <Chart
              option={option}
              label={t('analytics.provinces.title')}
              height={400}
              theme={dark ? 'dark' : 'light'}
              exportRef={png}
              onItemClick={(d) => {
                const key = (d as { key?: string; orders?: number } | undefined)?.key;
                if (key) onOpen(key);
              }}
            />
          </div>
        </Col>
        <Col xs={24} xl={13}>
          <BreakdownTable result={labelled} keyTitle={t('analytics.provinces.province')} onOpen={onOpen} label={t('analytics.provinces.title')} nowrapNames />
        </Col>
      </Row>
    </SectionCard>
  );
}
