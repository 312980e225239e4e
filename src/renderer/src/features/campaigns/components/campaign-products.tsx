import { App, Button, Flex, Form, Input, List, Popconfirm, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/cost-stack';
import type { CampaignProduct, CampaignSummary } from '../../../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { scaledOf, textOf, type NumberText } from '../../../shared/ui/number-text';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { FloorCheck } from './floor-check';

const INVALIDATES = { methods: ['campaigns.get', 'campaigns.list'] } as const;

/** A whole-fen price from yuan text, or undefined while it is not one (the contract refuses it on submit). */
const priceOf = (text: NumberText): number | undefined => {
  const fen = scaledOf(text, 100);
  return fen !== undefined && Number.isSafeInteger(fen) && fen >= 1 ? fen : undefined;
};

/** Asked again as the product or the price changes: the check is the core's, from the product's cost stack. */
function LiveCheck({ productId, priceFen }: { productId: number; priceFen: number }) {
  const check = useRpcQuery('campaigns.checkPrice', { productId, priceFen }, { refetchOn: ['sourcing.changed'] });
  return check.data ? <FloorCheck check={check.data} /> : null;
}

function Entry({ entry }: { entry: CampaignProduct }) {
  const { t } = useTranslation();
  const submit = useFormSubmit();
  const [form] = Form.useForm<{ price: NumberText }>();
  const update = useRpcMutation('campaigns.updateProduct', { invalidates: INVALIDATES });
  const remove = useRpcMutation('campaigns.removeProduct', { invalidates: INVALIDATES });
  const save = async () => {
    const v = form.getFieldsValue(true) as { price?: NumberText };
    await submit({ form, method: 'campaigns.updateProduct', params: { id: entry.id, priceFen: scaledOf(v.price, 100) }, run: (p) => update.mutate(p), fieldOf: (path) => (path[0] === 'priceFen' ? 'price' : null) });
  };
  return (
    <List.Item data-campaign-product={entry.productId}>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text strong>{entry.title}</Typography.Text>
          <Form form={form} layout="inline" initialValues={{ price: textOf(entry.priceFen, 100) }} onFinish={() => void save()}>
            <Form.Item name="price" style={{ marginInlineEnd: 4 }}>
              <Input prefix="¥" inputMode="decimal" style={{ width: 110 }} aria-label={`${t('campaigns.products.price')} · ${entry.title}`} />
            </Form.Item>
            <Space>
              {entry.plannedPriceFen !== null && <Typography.Text type="secondary">{t('campaigns.products.planned', { price: formatFen(entry.plannedPriceFen) })}</Typography.Text>}
              <Button size="small" htmlType="submit" loading={update.isPending}>
                {t('campaigns.products.save')}
              </Button>
              <Button size="small" danger loading={remove.isPending} onClick={() => void remove.mutate({ id: entry.id })}>
                {t('campaigns.products.remove')}
              </Button>
            </Space>
          </Form>
        </Flex>
        <FloorCheck check={entry.check} compact />
      </Flex>
    </List.Item>
  );
}

/** The products entered in a campaign, each with its floor check, and a row to add one (checked as it is typed). */
export function CampaignProducts({ campaign }: { campaign: CampaignSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const [form] = Form.useForm<{ productId?: number; price: NumberText }>();
  const products = useRpcQuery('products.list', {}, { refetchOn: ['sourcing.changed'] });
  const add = useRpcMutation('campaigns.addProduct', { invalidates: INVALIDATES });
  const productId = Form.useWatch('productId', form);
  const price = Form.useWatch('price', form);
  const priceFen = priceOf(price);
  const entered = new Set(campaign.products.map((p) => p.productId));
  const options = (products.data ?? []).filter((p) => p.stage !== 'abandoned' && !entered.has(p.id)).map((p) => ({ value: p.id, label: p.title }));

  const save = async () => {
    const v = form.getFieldsValue(true) as { productId?: number; price?: NumberText };
    const done = await submit({
      form,
      method: 'campaigns.addProduct',
      params: { campaignId: campaign.id, productId: v.productId as number, priceFen: scaledOf(v.price, 100) },
      run: (p) => add.mutate(p),
      fieldOf: (path) => (path[0] === 'priceFen' ? 'price' : path[0] === 'productId' ? 'productId' : null),
    });
    if (!done) return;
    form.resetFields();
    void message.success(t('campaigns.products.added'));
  };

  return (
    <Flex vertical gap={8}>
      <List size="small" dataSource={campaign.products} locale={{ emptyText: t('campaigns.products.empty') }} renderItem={(entry) => <Entry key={entry.id} entry={entry} />} />
      <Form form={form} name="campaign-product" layout="vertical" onFinish={() => void save()}>
        <Flex gap={8} align="flex-start" wrap>
          <Form.Item name="productId" label={t('campaigns.products.product')} style={{ flex: 1, minWidth: 240, marginBottom: 8 }}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('campaigns.products.productPlaceholder')} options={options} aria-label={t('campaigns.products.product')} />
          </Form.Item>
          <Form.Item name="price" label={t('campaigns.products.price')} style={{ width: 150, marginBottom: 8 }}>
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
          <Form.Item label=" " style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('campaigns.products.add')}
            </Button>
          </Form.Item>
        </Flex>
      </Form>
      {typeof productId === 'number' && priceFen !== undefined && <LiveCheck productId={productId} priceFen={priceFen} />}
    </Flex>
  );
}

/** Sign-up, skip or back to planned; signing up with products below their floor asks first, naming them. */
export function CampaignStatusBar({ campaign }: { campaign: CampaignSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setStatus = useRpcMutation('campaigns.setStatus', { invalidates: INVALIDATES });
  const change = async (status: CampaignSummary['status']) => {
    await setStatus.mutate({ id: campaign.id, status });
    void message.success(t('campaigns.status.done'));
  };
  const flagged = campaign.products.filter((p) => p.check.flags.some((f) => f === 'belowBreakEven' || f === 'belowTargetMargin'));
  const signUp = (
    <Button type="primary" loading={setStatus.isPending} onClick={flagged.length === 0 ? () => void change('signedUp') : undefined}>
      {t('campaigns.status.signUp')}
    </Button>
  );
  return (
    <Space wrap>
      {campaign.status !== 'signedUp' &&
        (flagged.length === 0 ? (
          signUp
        ) : (
          <Popconfirm
            title={t('campaigns.status.confirmTitle', { count: flagged.length })}
            description={
              <Flex vertical style={{ maxWidth: 360 }}>
                <Typography.Text>{t('campaigns.status.confirmBody')}</Typography.Text>
                {flagged.map((p) => (
                  <Typography.Text key={p.id} type="danger">{`${p.title} · ¥${formatFen(p.priceFen)}`}</Typography.Text>
                ))}
              </Flex>
            }
            okText={t('campaigns.status.confirmOk')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => void change('signedUp')}
          >
            {signUp}
          </Popconfirm>
        ))}
      {campaign.status === 'planned' && <Button onClick={() => void change('skipped')}>{t('campaigns.status.skip')}</Button>}
      {campaign.status !== 'planned' && <Button onClick={() => void change('planned')}>{t('campaigns.status.reset')}</Button>}
    </Space>
  );
}
