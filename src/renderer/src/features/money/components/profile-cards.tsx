import { Alert, App, Button, Descriptions, Empty, Flex, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSURE_REASONS, ENTITY_TYPES, LEDGER_KINDS, type ClosureReason, type DepositView, type LedgerEntryKind, type LedgerKind, type MoneyProfile } from '../../../../../shared/rpc/contract';
import { PRIVATE_PERSON_CATEGORIES } from '../../../../../shared/domain/private-person-deposit';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { lengthCount } from '../../../shared/ui/length-count';
import { scaledOf, type NumberText } from '../../../shared/ui/number-text';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { SectionCard } from '../../../shared/ui/section-card';
import { yuan } from './money-format';

type LedgerForm = { on: string; kind: LedgerKind; amount: NumberText; note: string };

const INVALIDATES = { methods: ['money.profile', 'money.deposit', 'money.forecast', 'money.reconciliation', 'money.reconciliationLines', 'money.depositRates'] } as const;

/** Entity type and categories; the requirement, balance and ledger of the deposit. */
export function DepositCard({ profile, deposit }: { profile: MoneyProfile; deposit: DepositView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const rates = useRpcQuery('money.depositRates', {}, { refetchOn: ['money.changed'] });
  const update = useRpcMutation('money.updateProfile', { invalidates: INVALIDATES });
  const addEntry = useRpcMutation('money.addLedgerEntry', { invalidates: INVALIDATES });
  const removeEntry = useRpcMutation('money.removeLedgerEntry', { invalidates: INVALIDATES });
  const [entity, setEntity] = useState(profile.entity);
  const [categories, setCategories] = useState(profile.categories);
  useEffect(() => {
    setEntity(profile.entity);
    setCategories(profile.categories);
  }, [profile.entity, profile.categories]);
  // Seed 004's four private-person categories are offered even when the table has no row for them.
  const categoryOptions = [...new Set([...(rates.data ?? []).map((r) => r.category), ...PRIVATE_PERSON_CATEGORIES])].map((c) => ({ value: c, label: c }));
  const submit = useFormSubmit();
  const [form] = Form.useForm<LedgerForm>();

  const save = async () => {
    try {
      await update.mutate({ entity, categories });
      void message.success(t('money.saved'));
    } catch (error) {
      showError(error);
    }
  };
  const add = async () => {
    const v = form.getFieldsValue(true) as Partial<LedgerForm>;
    const params = { on: v.on ?? '', kind: v.kind ?? 'paid', amountFen: scaledOf(v.amount, 100), note: v.note ?? '' };
    const fieldOf = (path: (string | number)[]) => ({ on: 'on', amountFen: 'amount', note: 'note' })[String(path[0])] ?? null;
    if (await submit({ form, method: 'money.addLedgerEntry', params, run: (p) => addEntry.mutate(p), fieldOf })) {
      form.resetFields();
      void message.success(t('money.saved'));
    }
  };

  return (
    <SectionCard title={t('money.profile.title')}>
      <Flex vertical gap={12}>
        <Space wrap align="end">
          <div>
            <Typography.Text>{t('money.profile.entity')}</Typography.Text>
            <Radio.Group aria-label={t('money.profile.entity')} value={entity} onChange={(e) => setEntity(e.target.value as MoneyProfile['entity'])} style={{ display: 'block' }}>
              {ENTITY_TYPES.map((e) => (
                <Radio.Button key={e} value={e}>
                  {t(`money.entity.${e}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </div>
          <div style={{ minWidth: 280 }}>
            <Typography.Text>{t('money.profile.categories')}</Typography.Text>
            <Select
              mode="tags"
              aria-label={t('money.profile.categories')}
              placeholder={t('money.profile.categoriesHint')}
              value={categories}
              onChange={setCategories}
              options={categoryOptions}
              style={{ display: 'block', minWidth: 280 }}
            />
          </div>
          <Button type="primary" loading={update.isPending} onClick={() => void save()}>
            {t('money.profile.save')}
          </Button>
        </Space>
        <Descriptions size="small" column={3} bordered layout="vertical">
          <Descriptions.Item label={t('money.deposit.required')}>
            {deposit.requiredFen === null ? t('money.deposit.none') : `¥${yuan(deposit.requiredFen)} ${t('money.deposit.requiredBy', { category: deposit.requiredBy ?? '' })}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('money.deposit.balance')}>¥{yuan(deposit.balanceFen)}</Descriptions.Item>
          <Descriptions.Item label={t('money.deposit.shortfall')}>
            {deposit.shortfallFen > 0 ? <Tag color="red">¥{yuan(deposit.shortfallFen)}</Tag> : <Tag color="green">¥0.00</Tag>}
          </Descriptions.Item>
        </Descriptions>
        {deposit.unknownCategories.length > 0 && <Typography.Text type="warning">{t('money.deposit.unknown', { list: deposit.unknownCategories.join('、') })}</Typography.Text>}
        {deposit.notOpenCategories.length > 0 && <Alert type="error" showIcon message={t('money.deposit.notOpen', { list: deposit.notOpenCategories.join('、') })} />}
        <Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>
          {t('money.deposit.ledger')}
        </Typography.Title>
        <Form form={form} name="ledger" layout="inline" onFinish={() => void add()} initialValues={{ kind: 'paid' }}>
          <Form.Item name="on" label={t('money.deposit.on')} required>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="kind" label={t('money.deposit.kind')}>
            <Select style={{ width: 110 }} options={LEDGER_KINDS.map((k) => ({ value: k, label: t(`money.deposit.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="amount" label={t('money.deposit.amount')} required>
            <Input inputMode="decimal" prefix="¥" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="note" label={t('money.deposit.note')}>
            <Input count={lengthCount('ledgerNote')} />
          </Form.Item>
          <Button htmlType="submit" loading={addEntry.isPending}>
            {t('money.deposit.add')}
          </Button>
        </Form>
        {deposit.ledger.length === 0 ? (
          <Empty description={t('money.deposit.ledgerEmpty')} />
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={deposit.ledger}
            columns={[
              { title: t('money.deposit.on'), dataIndex: 'on' },
              { title: t('money.deposit.kind'), dataIndex: 'kind', render: (k: LedgerEntryKind) => t(`money.deposit.kinds.${k}`) },
              { title: t('money.deposit.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => yuan(fen) },
              { title: t('money.deposit.note'), dataIndex: 'note' },
              { title: t('money.deposit.source'), dataIndex: 'source', render: (s: string) => t(s === 'manual' ? 'money.deposit.sourceManual' : 'money.deposit.sourceFunds') },
              {
                title: '',
                key: 'remove',
                render: (_: unknown, e: DepositView['ledger'][number]) =>
                  e.source === 'manual' ? (
                    <Button size="small" type="link" onClick={() => void removeEntry.mutate({ id: Number(e.id.slice(2)) }).catch(showError)}>
                      {t('money.deposit.remove')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Flex>
    </SectionCard>
  );
}

/** Closing, applying for the refund, receiving it; expected date and earliest reopening. */
export function RefundCard({ profile, deposit }: { profile: MoneyProfile; deposit: DepositView }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const update = useRpcMutation('money.updateProfile', { invalidates: INVALIDATES });
  const { refund } = deposit;
  const dateField = (key: 'closedOn' | 'refundAppliedOn' | 'refundReceivedOn', label: string) => (
    <div key={key}>
      <Typography.Text>{label}</Typography.Text>
      <Input
        type="date"
        aria-label={label}
        defaultValue={profile[key] ?? ''}
        onBlur={(e) => void update.mutate({ [key]: e.target.value === '' ? null : e.target.value }).catch(showError)}
        style={{ display: 'block' }}
      />
    </div>
  );
  return (
    <SectionCard title={t('money.refund.title')} extra={<Tag color={refund.state === 'overdue' ? 'red' : refund.state === 'refunded' ? 'green' : 'default'}>{t(`money.refund.states.${refund.state}`)}</Tag>}>
      <Flex vertical gap={12}>
        <Space wrap>
          {dateField('closedOn', t('money.refund.closedOn'))}
          {dateField('refundAppliedOn', t('money.refund.appliedOn'))}
          {dateField('refundReceivedOn', t('money.refund.receivedOn'))}
          <div>
            <Typography.Text>{t('money.refund.closureReason')}</Typography.Text>
            <Select<ClosureReason>
              aria-label={t('money.refund.closureReason')}
              value={profile.closureReason ?? 'voluntary'}
              style={{ display: 'block', minWidth: 200 }}
              onChange={(closureReason) => void update.mutate({ closureReason }).catch(showError)}
              options={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`money.refund.reasons.${r}`) }))}
            />
          </div>
        </Space>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('money.refund.expectedBy')}>
            {refund.expectedBy ?? '—'} {refund.expectedByEstimated && <Tag color="orange">{t('money.refund.estimated')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('money.refund.reopenFrom')}>
            {refund.reopenState === 'from' ? refund.reopenFrom : t(`money.refund.reopenStates.${refund.reopenState}`)}
          </Descriptions.Item>
        </Descriptions>
        {refund.expectedByEstimated && <Typography.Text type="warning">{t('money.refund.estimatedHint')}</Typography.Text>}
      </Flex>
    </SectionCard>
  );
}
