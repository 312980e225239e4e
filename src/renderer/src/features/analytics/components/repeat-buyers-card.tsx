import { Alert, Button, Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepeatBuyersResult } from '../../../../../shared/rpc/domains/analytics';
import { hashForScreen } from '../../../app/hash-route';
import { Chart } from '../../../shared/charts/chart';
import { SectionCard } from '../../../shared/ui/section-card';
import { useRpcQuery } from '../../../app/use-rpc';
import { buildRepeatDistributionOption, keyedSharePct, REPEAT_MAX_DAYS, repeatCoverage, repeatProductCsvRows, repeatProductRows, repeatRangeTooLong } from '../repeat-buyers';
import { CsvButton, PngButton, type PngRef } from './export-buttons';

type ProductRow = ReturnType<typeof repeatProductRows>[number];

/** Short number headers stay on one line; the product names give way. */
const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

const REFETCH = ['imports.finished', 'imports.undone'] as const;

/**
 * The repeat-buyer block for a range: asks the core only for a range it looks at (REPEAT_MAX_DAYS),
 * else says why it shows nothing. Rendered whenever the shop has data.
 */
export function RepeatBuyersBlock({ from, to, dark, onOpen }: { from: string; to: string; dark: boolean; onOpen: (productId: string) => void }) {
  const { t } = useTranslation();
  const days = repeatRangeTooLong(from, to);
  if (days === null) return <RepeatBuyersQuery from={from} to={to} dark={dark} onOpen={onOpen} />;
  return (
    <SectionCard title={`${t('analytics.repeat.title')}（${t('analytics.repeat.estimate')}）`} description={t('analytics.repeat.description')}>
      <Empty data-testid="repeat-too-long" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analytics.repeat.tooLong', { days, max: REPEAT_MAX_DAYS })} />
    </SectionCard>
  );
}

function RepeatBuyersQuery({ from, to, dark, onOpen }: { from: string; to: string; dark: boolean; onOpen: (productId: string) => void }) {
  const repeat = useRpcQuery('analytics.repeatBuyers', { from, to, top: 10 }, { refetchOn: REFETCH });
  return repeat.data ? <RepeatBuyersCard result={repeat.data} dark={dark} onOpen={onOpen} /> : null;
}

/**
 * 复购买家 (估算): share and counts of buyers with 2+ orders, their distribution, the products bought again.
 * From 1200 px the four figures sit in one row and the chart beside the table; narrower, two by two and stacked.
 */
export function RepeatBuyersCard({ result, dark, onOpen }: { result: RepeatBuyersResult; dark: boolean; onOpen: (productId: string) => void }) {
  const { t } = useTranslation();
  const png: PngRef = useRef(null);
  const coverage = repeatCoverage(result);
  const version = result.sinceVersion ?? '';
  const option = useMemo(
    () => buildRepeatDistributionOption(result, { buyers: t('analytics.repeat.buyers'), orders: (count, orMore) => t(orMore ? 'analytics.repeat.ordersBucketMore' : 'analytics.repeat.ordersBucket', { count }) }, dark),
    [result, dark, t],
  );
  const none = { none: t('analytics.table.none') };
  const rows = repeatProductRows(result, none);
  const header = [t('analytics.table.key'), t('analytics.products.product'), t('analytics.repeat.productBuyers'), t('analytics.repeat.productRepeat'), t('analytics.repeat.productShare')];
  const withData = coverage === 'partial' || coverage === 'full';
  return (
    <SectionCard
      title={`${t('analytics.repeat.title')}（${t('analytics.repeat.estimate')}）`}
      description={t('analytics.repeat.description')}
      extra={
        withData && (
          <Flex gap={8}>
            <PngButton exportRef={png} fileName={`${t('analytics.files.repeat')}-${result.from}-${result.to}.png`} />
            <CsvButton header={header} rows={repeatProductCsvRows(result, none)} fileName={`${t('analytics.files.repeatProducts')}-${result.from}-${result.to}.csv`} />
          </Flex>
        )
      }
    >
      {coverage === 'noOrders' ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analytics.repeat.noOrders')} />
      ) : coverage === 'noKeys' ? (
        <Empty
          data-testid="repeat-no-keys"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('analytics.repeat.noKeysTitle')}</Typography.Text>
              <Typography.Text type="secondary">{t('analytics.repeat.noKeys', { version })}</Typography.Text>
            </Flex>
          }
        >
          <Button type="primary" href={hashForScreen('imports')}>
            {t('analytics.empty.go')}
          </Button>
        </Empty>
      ) : (
        <Flex vertical gap={16}>
          {coverage === 'partial' && <Alert type="info" showIcon message={t('analytics.repeat.coverage', { keyed: result.keyedOrders, orders: result.orders, pct: keyedSharePct(result).toFixed(1), version })} />}
          <Row gutter={[12, 12]}>
            <Col xs={12} xl={6}>
              <Card size="small">
                <Statistic title={<>{t('analytics.repeat.share')} <Tag color="orange">{t('analytics.repeat.estimate')}</Tag></>} value={result.repeatBuyerSharePct.toFixed(1)} suffix="%" />
              </Card>
            </Col>
            <Col xs={12} xl={6}>
              <Card size="small">
                <Statistic title={t('analytics.repeat.repeatBuyers')} value={result.repeatBuyers} formatter={() => t('analytics.repeat.ofBuyers', { repeat: result.repeatBuyers, buyers: result.buyers })} />
              </Card>
            </Col>
            <Col xs={12} xl={6}>
              <Card size="small">
                <Statistic title={t('analytics.repeat.orderShare')} value={result.repeatOrderSharePct.toFixed(1)} suffix="%" />
                <Typography.Text type="secondary">{t('analytics.repeat.ofOrders', { repeat: result.repeatOrders, orders: result.keyedOrders })}</Typography.Text>
              </Card>
            </Col>
            <Col xs={12} xl={6}>
              <Card size="small">
                <Statistic title={t('analytics.repeat.buyers')} value={result.buyers} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Typography.Text strong>{t('analytics.repeat.chart')}</Typography.Text>
              <Chart option={option} label={t('analytics.repeat.chart')} height={240} theme={dark ? 'dark' : 'light'} exportRef={png} />
            </Col>
            <Col xs={24} xl={14}>
              <Typography.Text strong>{t('analytics.repeat.products')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
                {t('analytics.repeat.productsHint')}
              </Typography.Paragraph>
              <Table<ProductRow>
                size="small"
                rowKey="productId"
                aria-label={t('analytics.repeat.products')}
                pagination={false}
                locale={{ emptyText: t('analytics.repeat.noProducts') }}
                dataSource={rows}
                columns={[
                  {
                    title: t('analytics.products.product'),
                    key: 'name',
                    render: (_: unknown, r) =>
                      r.productId === '' ? (
                        r.name
                      ) : (
                        <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onOpen(r.productId)}>
                          {r.name}
                        </Button>
                      ),
                  },
                  { title: t('analytics.repeat.productBuyers'), dataIndex: 'buyers', align: 'right', onHeaderCell: nowrap },
                  { title: t('analytics.repeat.productRepeat'), dataIndex: 'repeatBuyers', align: 'right', onHeaderCell: nowrap },
                  { title: t('analytics.repeat.productShare'), dataIndex: 'repeatSharePct', align: 'right', onHeaderCell: nowrap, render: (v: number) => `${v.toFixed(1)}%` },
                ]}
              />
            </Col>
          </Row>
        </Flex>
      )}
    </SectionCard>
  );
}
