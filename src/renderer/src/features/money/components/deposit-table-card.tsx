import { Button, Flex, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES, type EntityType } from '../../../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { lengthCount } from '../../../shared/ui/length-count';
import { scaledOf, textOf } from '../../../shared/ui/number-text';
import { SectionCard } from '../../../shared/ui/section-card';
import { rowsOf, type DepositRow as Row } from '../deposit-rows';

const INVALIDATES = { methods: ['money.depositRates', 'money.deposit'] } as const;

/** The deposit table by entity type and first-level category: the platform changes it, so it is editable. */
export function DepositTableCard() {
  const { t } = useTranslation();
  const showError = useShowError();
  const rates = useRpcQuery('money.depositRates', {}, { refetchOn: ['money.changed'] });
  const setRate = useRpcMutation('money.setDepositRate', { invalidates: INVALIDATES });
  const remove = useRpcMutation('money.removeDepositCategory', { invalidates: INVALIDATES });
  const [newCategory, setNewCategory] = useState('');

  // The typed amount goes as typed (scaled to fen): a negative or non-numeric one is refused by the
  // contract's schema with its reason, never turned into 0 by the box.
  const save = (entity: EntityType, category: string, amountFen: number | null) => void setRate.mutate({ entity, category, amountFen }).catch(showError);
  const add = () => {
    const category = newCategory.trim();
    if (category === '') return;
    void Promise.all(ENTITY_TYPES.map((entity) => setRate.mutate({ entity, category, amountFen: null })))
      .then(() => setNewCategory(''))
      .catch(showError);
  };

  return (
    <SectionCard title={t('money.rates.title')} description={t('money.rates.hint')}>
      <Flex vertical gap={12}>
        <Table<Row>
          size="small"
          rowKey="category"
          pagination={false}
          dataSource={rowsOf(rates.data ?? [])}
          columns={[
            { title: t('money.rates.category'), dataIndex: 'category' },
            ...ENTITY_TYPES.map((entity) => ({
              title: t(`money.entity.${entity}`),
              key: entity,
              render: (_: unknown, row: Row) => {
                const fen = row[entity];
                const label = `${row.category} ${t(`money.entity.${entity}`)}`;
                return (
                  <Input
                    key={`${row.category}-${entity}-${fen ?? 'none'}`}
                    aria-label={label}
                    inputMode="decimal"
                    prefix="¥"
                    placeholder={t('money.rates.notOpen')}
                    defaultValue={textOf(fen, 100)}
                    onBlur={(e) => {
                      const typed = scaledOf(e.target.value, 100) ?? null;
                      if (typed !== (fen ?? null)) save(entity, row.category, typed);
                    }}
                    style={{ width: 130 }}
                  />
                );
              },
            })),
            {
              title: '',
              key: 'remove',
              render: (_: unknown, row: Row) => (
                <Button size="small" type="link" onClick={() => void remove.mutate({ category: row.category }).catch(showError)}>
                  {t('money.deposit.remove')}
                </Button>
              ),
            },
          ]}
        />
        <Space>
          <Input aria-label={t('money.rates.newCategory')} placeholder={t('money.rates.newCategory')} value={newCategory} count={lengthCount('depositCategory')} onChange={(e) => setNewCategory(e.target.value)} onPressEnter={add} />
          <Button onClick={add}>{t('money.rates.add')}</Button>
        </Space>
        <Typography.Text type="secondary">{t('money.rates.source')}</Typography.Text>
      </Flex>
    </SectionCard>
  );
}
