import { Alert, App, Empty, Button, Flex, Form, Input, Radio, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LINE_STATUSES, type FeePeriod, type Forecast, type LineStatus, type MoneyProfile, type ReconciledLine, type Reconciliation } from '../../../../../shared/rpc/contract';
import { useRpcMutation } from '../../../app/use-rpc';
import { Chart } from '../../../shared/charts/chart';
import type { ChartPngRef } from '../../../shared/charts/chart-png';
import { ChartPngButton } from '../../../shared/charts/chart-png-button';
import { numberOf, textOf, type NumberText } from '../../../shared/ui/number-text';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { SectionCard } from '../../../shared/ui/section-card';
import { referenceSettlementDays } from '../../../../../shared/domain/settlement-rules';
import { coverageText } from '../../../../../shared/i18n/money-bill-guidance';
import { buildForecastOption, buildReconcileOption } from '../forecast-option';
import { yuan } from './money-format';
import { ReconciliationLinesTable } from './reconciliation-lines-table';

const INVALIDATES = { methods: ['money.profile', 'money.forecast', 'money.reconciliation', 'money.reconciliationLines'] } as const;
const STATUS_COLOUR: Record<ReconciledLine['status'], string> = { settled: 'green', partlySettled: 'orange', refunded: 'default', notYet: 'blue' };

type RuleForm = Record<RuleNumber, NumberText> & { settlementRule: MoneyProfile['settlementRule']; experienceScore: NumberText };
type RuleNumber = 'perOrderDays' | 'overdueDays' | 'platformFeePercent' | 'commissionPercent' | 'autoConfirmDays';

const ruleFormOf = (p: MoneyProfile): RuleForm => ({
  settlementRule: p.settlementRule,
  perOrderDays: textOf(p.perOrderDays),
  overdueDays: textOf(p.overdueDays),
  platformFeePercent: textOf(p.platformFeePercent),
  commissionPercent: textOf(p.commissionPercent),
  autoConfirmDays: textOf(p.autoConfirmDays),
  experienceScore: textOf(p.experienceScore),
});

/** Per order (default, stated) or half-monthly; N, the overdue allowance and fallback percentages. */
export function RuleCard({ profile }: { profile: MoneyProfile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const update = useRpcMutation('money.updateProfile', { invalidates: INVALIDATES });
  const [form] = Form.useForm<RuleForm>();
  useEffect(() => form.setFieldsValue(ruleFormOf(profile)), [profile, form]);
  const score = numberOf(Form.useWatch('experienceScore', form));
  const save = async () => {
    const v = form.getFieldsValue(true) as RuleForm;
    const params = {
      settlementRule: v.settlementRule,
      perOrderDays: numberOf(v.perOrderDays) ?? null,
      overdueDays: numberOf(v.overdueDays) ?? null,
      platformFeePercent: numberOf(v.platformFeePercent) ?? null,
      commissionPercent: numberOf(v.commissionPercent) ?? null,
      autoConfirmDays: numberOf(v.autoConfirmDays) ?? null,
      // Blank is refused for the settings that need a value ("请填写…") and means "not given" for the
      // score; anything typed is checked as typed.
      experienceScore: numberOf(v.experienceScore) ?? null,
    };
    if (await submit({ form, method: 'money.updateProfile', params, run: (p) => update.mutate(p) })) void message.success(t('money.saved'));
  };
  const number = (key: RuleNumber, label: string) => (
    <Form.Item key={key} name={key} label={label} required style={{ maxWidth: 220 }}>
      <Input inputMode="decimal" />
    </Form.Item>
  );
  return (
    <SectionCard title={t('money.rule.title')} description={t('money.rule.defaultNote')}>
      <Form form={form} name="settlementRule" layout="vertical" initialValues={ruleFormOf(profile)} onFinish={() => void save()}>
        <Form.Item name="settlementRule">
          <Radio.Group>
            <Space direction="vertical">
              <Radio value="perOrder">{t('money.rule.perOrder')}</Radio>
              <Radio value="halfMonthly">{t('money.rule.halfMonthly')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {score !== undefined && !Number.isNaN(score) && score >= 0 && score <= 5 && (
          <Typography.Paragraph type="secondary">{t('money.rule.suggested', { days: referenceSettlementDays(score) })}</Typography.Paragraph>
        )}
        <Space wrap align="start">
          {number('perOrderDays', t('money.rule.days'))}
          {number('overdueDays', t('money.rule.overdueDays'))}
          {number('platformFeePercent', t('money.rule.feePercent'))}
          {number('commissionPercent', t('money.rule.commissionPercent'))}
          {number('autoConfirmDays', t('money.rule.autoConfirmDays'))}
          <Form.Item name="experienceScore" label={t('money.rule.experienceScore')} style={{ maxWidth: 220 }}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('money.profile.save')}
        </Button>
      </Form>
    </SectionCard>
  );
}

/** The next 30 days as a chart and a table of the days with money. */
export function ForecastCard({ forecast, hasOrders, dark }: { forecast: Forecast; hasOrders: boolean; dark: boolean }) {
  const { t } = useTranslation();
  const option = useMemo(() => buildForecastOption(forecast.days, { expected: t('money.forecast.expected'), lines: t('money.forecast.lines') }), [forecast.days, t]);
  const total = forecast.days.reduce((s, d) => s + d.expectedFen, 0);
  const basis = forecast.feeBasis;
  const png: ChartPngRef = useRef(null);
  return (
    <SectionCard
      title={t('money.forecast.title')}
      extra={
        <Flex gap={8} align="center">
          <Typography.Text strong>{t('money.forecast.total', { amount: yuan(total) })}</Typography.Text>
          {hasOrders && <ChartPngButton exportRef={png} fileName="shopdesk-settlement-forecast.png" />}
        </Flex>
      }
    >
      {!hasOrders ? (
        <Empty description={t('money.forecast.empty')} />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {basis.source === 'history' ? t('money.forecast.basisHistory', { lines: basis.settledLines, fee: (basis.platformFeeRate * 100).toFixed(1) }) : t('money.forecast.basisSettings')}
          </Typography.Text>
          <Chart option={option} label={t('money.forecast.title')} theme={dark ? 'dark' : 'light'} exportRef={png} />
          {forecast.waiting.lines > 0 && <Alert type="info" showIcon message={t('money.forecast.waiting', { lines: forecast.waiting.lines, amount: yuan(forecast.waiting.amountFen) })} />}
          <Table
            size="small"
            rowKey="date"
            pagination={false}
            aria-label={t('money.forecast.title')}
            dataSource={forecast.days.filter((d) => d.lines > 0)}
            columns={[
              { title: t('money.forecast.date'), dataIndex: 'date' },
              { title: t('money.forecast.lines'), dataIndex: 'lines', align: 'right' },
              { title: t('money.forecast.expected'), dataIndex: 'expectedFen', align: 'right', render: (fen: number) => yuan(fen) },
            ]}
          />
        </Flex>
      )}
    </SectionCard>
  );
}

/**
 * The overdue queue, longest waiting first, a page at a time. Overdue only where an imported funds
 * flow or bill covers the settlement day: with none imported the card says what to export instead
 * of calling every past-due line overdue; with some, the lines outside them are counted apart.
 */
export function OverdueCard({ rec }: { rec: Reconciliation }) {
  const { t } = useTranslation();
  const { overdue, unchecked, coverage } = rec;
  const noBills = coverage.length === 0;
  if (noBills && rec.hasOrders) {
    return (
      <SectionCard title={t('money.overdue.title')}>
        <Alert
          type="warning"
          showIcon
          role="status"
          message={t('money.bills.title')}
          description={
            <Flex vertical gap={4}>
              <Typography.Text>{t('money.bills.body')}</Typography.Text>
              {unchecked.lines > 0 && <Typography.Text type="secondary">{t('money.overdue.unchecked', { lines: unchecked.lines, amount: yuan(unchecked.amountFen) })}</Typography.Text>}
            </Flex>
          }
        />
      </SectionCard>
    );
  }
  const partial =
    unchecked.lines > 0 ? (
      <Alert type="info" showIcon message={t('money.bills.partial', { lines: unchecked.lines, amount: yuan(unchecked.amountFen), coverage: coverageText(coverage) })} />
    ) : null;
  return (
    <SectionCard title={t('money.overdue.title')} extra={<Tag color={overdue.lines > 0 ? 'red' : 'green'}>{overdue.lines}</Tag>}>
      {overdue.lines === 0 ? (
        <Flex vertical gap={8}>
          <Empty description={t('money.overdue.empty')} />
          {partial}
        </Flex>
      ) : (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('money.overdue.summary', { lines: overdue.lines, amount: yuan(overdue.amountFen) })}</Typography.Text>
          {partial}
          <ReconciliationLinesTable
            list="overdue"
            label={t('money.overdue.title')}
            columns={[
              { title: t('money.overdue.order'), dataIndex: 'subOrderId' },
              { title: t('money.overdue.product'), dataIndex: 'product' },
              { title: t('money.overdue.shipped'), dataIndex: 'shippedOn' },
              { title: t('money.overdue.days'), dataIndex: 'daysSinceShipped', align: 'right' },
              { title: t('money.overdue.expected'), dataIndex: 'expectedFen', align: 'right', render: (fen: number) => yuan(fen) },
            ]}
          />
        </Flex>
      )}
    </SectionCard>
  );
}

/** Line statuses and fees per month. */
export function ReconcileCard({ rec, dark }: { rec: Reconciliation; dark: boolean }) {
  const { t } = useTranslation();
  const option = useMemo(() => buildReconcileOption(rec.days, { expected: t('money.reconcile.expected'), actual: t('money.reconcile.actual') }), [rec.days, t]);
  const money = (fen: number) => yuan(fen);
  const [status, setStatus] = useState<LineStatus | 'all'>('all');
  const png: ChartPngRef = useRef(null);
  return (
    <SectionCard title={t('money.reconcile.title')} extra={rec.hasFunds && <ChartPngButton exportRef={png} fileName="shopdesk-reconcile-per-day.png" />}>
      {!rec.hasFunds ? (
        <Empty description={t('money.reconcile.empty')} />
      ) : (
        <Flex vertical gap={16}>
          <Space size="large" wrap>
            {LINE_STATUSES.map((s) => (
              <Statistic key={s} title={t(`money.reconcile.statuses.${s}`)} value={rec.counts[s]} />
            ))}
          </Space>
          <Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>
            {t('money.reconcile.perDay')}
          </Typography.Title>
          <Chart option={option} label={t('money.reconcile.perDay')} height={220} theme={dark ? 'dark' : 'light'} exportRef={png} />
          <Segmented<LineStatus | 'all'>
            aria-label={t('money.reconcile.filter')}
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: t('money.reconcile.allStatuses') },
              ...LINE_STATUSES.map((s) => ({ value: s, label: `${t(`money.reconcile.statuses.${s}`)} ${rec.counts[s]}` })),
            ]}
          />
          <ReconciliationLinesTable
            list="all"
            status={status === 'all' ? undefined : status}
            label={t('money.reconcile.lines')}
            columns={[
              { title: t('money.overdue.order'), dataIndex: 'subOrderId' },
              { title: t('money.overdue.product'), dataIndex: 'product', ellipsis: true },
              { title: t('money.reconcile.status'), dataIndex: 'status', render: (s: ReconciledLine['status']) => <Tag color={STATUS_COLOUR[s]}>{t(`money.reconcile.statuses.${s}`)}</Tag> },
              { title: t('money.reconcile.expectedOn'), dataIndex: 'expectedOn', render: (d: string | null) => d ?? '—' },
              { title: t('money.reconcile.expected'), dataIndex: 'expectedFen', align: 'right', render: money },
              { title: t('money.reconcile.actual'), dataIndex: 'actualFen', align: 'right', render: money },
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>
            {t('money.fees.title')}
          </Typography.Title>
          <Table<FeePeriod>
            size="small"
            rowKey="period"
            pagination={false}
            dataSource={rec.periods}
            columns={[
              { title: t('money.fees.period'), dataIndex: 'period' },
              { title: t('money.fees.settled'), dataIndex: 'settledFen', align: 'right', render: money },
              { title: t('money.fees.platformFee'), dataIndex: 'platformFeeFen', align: 'right', render: money },
              { title: t('money.fees.commission'), dataIndex: 'commissionFen', align: 'right', render: money },
              { title: t('money.fees.otherFees'), dataIndex: 'otherFeesFen', align: 'right', render: money },
              { title: t('money.fees.refunds'), dataIndex: 'refundsFen', align: 'right', render: money },
              { title: t('money.fees.unlinked'), dataIndex: 'unlinkedFen', align: 'right', render: money },
            ]}
          />
        </Flex>
      )}
    </SectionCard>
  );
}
