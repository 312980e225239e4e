import { App, Alert, Button, Col, Divider, Drawer, Flex, Form, Input, List, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedMoves, ABANDON_REASONS, type AbandonReason, type ProductStage } from '../../../../../shared/domain/sourcing-pipeline';
import { SOURCE_CHANNELS } from '../../../../../shared/domain/sourcing-pipeline';
import { productFieldsSchema, type ProductDetail } from '../../../../../shared/rpc/contract';
import { checkParams } from '../../../../../shared/validation/issues';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { formatChinaTime } from '../../../shared/ui/format';
import { lengthCount } from '../../../shared/ui/length-count';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { DEFAULT_FORM, fieldsOf, formOf, productFieldOf, type ProductFormValues } from '../model';
import { CostStackPanel } from './cost-stack-panel';
import { ProductImages } from './product-images';

const INVALIDATES = { methods: ['products.list', 'products.get', 'sourcing.quota', 'suppliers.list'] } as const;

// Plain text boxes, not InputNumber: InputNumber clamps to min/max and drops text it cannot parse
// on blur, which is the silent reshaping issue 10 found (150 % → 100 %, "abc" → 0).
const money = { inputMode: 'decimal', prefix: '¥' } as const;
const pct = { inputMode: 'decimal', suffix: '%' } as const;

/** The product form: every field of the issue, the live cost stack, pipeline moves, images and the logs. */
export function ProductDrawer({ productId, open, onClose, onCreated }: { productId: number | null; open: boolean; onClose(): void; onCreated(id: number): void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const submit = useFormSubmit();
  const [form] = Form.useForm<ProductFormValues>();
  const detail = useRpcQuery('products.get', { id: productId ?? 1 }, { refetchOn: ['sourcing.changed'] });
  const product: ProductDetail | undefined = productId === null ? undefined : detail.data;
  const suppliers = useRpcQuery('suppliers.list', {});
  const quota = useRpcQuery('sourcing.quota', {});
  const create = useRpcMutation('products.create', { invalidates: INVALIDATES });
  const update = useRpcMutation('products.update', { invalidates: INVALIDATES });
  const move = useRpcMutation('products.move', { invalidates: INVALIDATES });
  const [reason, setReason] = useState<AbandonReason | undefined>(undefined);
  const values = Form.useWatch([], form) as ProductFormValues | undefined;
  const fields = useMemo(() => fieldsOf({ ...DEFAULT_FORM, ...(values ?? {}) }), [values]);
  // The live stack only from values the core would accept: a negative cost must not read as "利润 ¥0.00".
  const areCostsValid = useMemo(() => checkParams(productFieldsSchema, { ...fields, title: fields.title || '-' }).ok, [fields]);
  const chosenSupplier = suppliers.data?.find((s) => s.id === fields.supplierId);

  // The form is reset when another product opens or this one was saved (updatedAt), not on every
  // refetch of the same record, so typing is never overwritten by a background refresh.
  const latest = useRef(product);
  latest.current = product;
  const stamp = product?.updatedAt ?? null;
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(latest.current ? formOf(latest.current) : DEFAULT_FORM);
  }, [open, productId, stamp, form]);

  /** Saves the form; false when it was refused (the reasons are under the fields) or failed. */
  const save = async (confirmPriceChange = false, logReason?: string): Promise<boolean> => {
    const v = { ...DEFAULT_FORM, ...(form.getFieldsValue(true) as Partial<ProductFormValues>) };
    if (productId === null) {
      const result = await submit({ form, method: 'products.create', params: fieldsOf(v), run: (p) => create.mutate(p), fieldOf: productFieldOf });
      if (!result) return false;
      void message.success(t('sourcing.form.saved'));
      if (result.duplicates.length > 0) void message.warning(t('sourcing.capture.duplicate', { titles: result.duplicates.map((d) => `#${d.id} ${d.title}`).join('、') }), 6);
      onCreated(result.product.id);
      return true;
    }
    const params = { id: productId, patch: fieldsOf(v), confirmPriceChange, ...(logReason ? { logReason } : {}) };
    const result = await submit({ form, method: 'products.update', params, run: (p) => update.mutate(p), fieldOf: (path) => (path[0] === 'patch' ? productFieldOf(path.slice(1)) : null) });
    if (!result) return false;
    if (result.status === 'price_change_warning') {
      let why = '';
      modal.confirm({
        title: t('sourcing.form.priceWarning', { count: result.ordersAll }),
        content: <Input aria-label={t('sourcing.form.logReason')} placeholder={t('sourcing.form.logReason')} onChange={(e) => (why = e.target.value)} />,
        okText: t('sourcing.form.changeAnyway'),
        okButtonProps: { danger: true },
        onOk: () => save(true, why),
      });
      return false;
    }
    void message.success(t('sourcing.form.saved'));
    // A duplicate link was already flagged at capture; on later saves only an already-listed 商品ID is news.
    const listedTwice = result.duplicates.filter((d) => d.match === 'douyin_product_id');
    if (listedTwice.length > 0) void message.warning(t('sourcing.capture.duplicate', { titles: listedTwice.map((d) => `#${d.id} ${d.title}`).join('、') }), 6);
    return true;
  };

  const moveTo = async (to: ProductStage) => {
    if (productId === null) return;
    try {
      if (!(await save())) return;
      const result = await move.mutate({ ids: [productId], to, ...(to === 'abandoned' && reason ? { reason } : {}) });
      const refused = result.refused[0];
      if (refused) void message.warning(t(`sourcing.problems.${refused.problem}`));
      else void message.success(t('sourcing.bulk.moved', { moved: 1 }));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={productId === null ? t('sourcing.form.newTitle') : `${t('sourcing.form.editTitle')} · ${t(`sourcing.stages.${product?.stage ?? 'candidate'}`)}`}
      extra={
        <Button type="primary" loading={create.isPending || update.isPending} onClick={() => void save()}>
          {t('sourcing.form.save')}
        </Button>
      }
    >
      {product?.warnings.filter((w) => w !== 'supplier_blacklisted').map((w) => <Alert key={w} type="warning" showIcon title={t(`sourcing.warnings.${w}`)} style={{ marginBottom: 8 }} />)}
      {chosenSupplier?.blacklisted && <Alert type="error" showIcon title={t('sourcing.form.blacklisted', { reason: chosenSupplier.blacklistReason })} style={{ marginBottom: 8 }} />}
      {product && (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Typography.Text>{t('sourcing.form.moveTo')}</Typography.Text>
          {allowedMoves(product.stage).map((to) =>
            to === 'abandoned' ? (
              <Space.Compact key={to}>
                <Select aria-label={t('sourcing.bulk.reason')} placeholder={t('sourcing.bulk.reason')} style={{ width: 150 }} value={reason} onChange={setReason} options={ABANDON_REASONS.map((r) => ({ value: r, label: t(`sourcing.reasons.${r}`) }))} />
                <Button danger disabled={!reason} onClick={() => void moveTo(to)}>
                  {t('sourcing.stages.abandoned')}
                </Button>
              </Space.Compact>
            ) : (
              <Button key={to} type={to === 'listed' ? 'primary' : 'default'} loading={move.isPending} onClick={() => void moveTo(to)}>
                {t(`sourcing.stages.${to}`)}
              </Button>
            ),
          )}
        </Flex>
      )}
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          <Form form={form} name="product" layout="vertical" initialValues={DEFAULT_FORM} requiredMark="optional">
            <Divider titlePlacement="start">{t('sourcing.form.basics')}</Divider>
            <Form.Item name="title" label={t('sourcing.form.title')} extra={t('sourcing.form.titleHint')} required>
              <Input count={lengthCount('productTitle')} />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="sourceChannel" label={t('sourcing.form.channel')}>
                  <Select options={SOURCE_CHANNELS.map((c) => ({ value: c, label: t(`sourcing.channels.${c}`) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="supplierId" label={t('sourcing.form.supplier')}>
                  <Select
                    allowClear
                    placeholder={t('sourcing.form.noSupplier')}
                    options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.blacklisted ? `${s.name}（${t('suppliers.blacklisted')}）` : s.name }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="sourceLinksText" label={t('sourcing.form.links')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="supplierSku" label={t('sourcing.form.supplierSku')}>
                  <Input count={lengthCount('supplierSku')} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="supplierLink" label={t('sourcing.form.supplierLink')}>
                  <Input />
                </Form.Item>
              </Col>
            </Row>
            <Divider titlePlacement="start">{t('sourcing.form.costs')}</Divider>
            <Row gutter={12}>
              {(
                [
                  ['cost', money],
                  ['freight', money],
                  ['price', money],
                  ['coupon', money],
                  ['commission', pct],
                  ['fee', pct],
                  ['returns', pct],
                  ['target', pct],
                ] as const
              ).map(([name, props]) => (
                <Col span={12} key={name}>
                  <Form.Item name={name} label={t(`sourcing.form.${name}`)}>
                    <Input {...props} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="audienceTags" label={t('sourcing.form.tags')}>
                  <Select mode="tags" open={false} suffixIcon={null} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="category" label={t('sourcing.form.category')}>
                  <Input count={lengthCount('productCategory')} />
                </Form.Item>
              </Col>
            </Row>
            <Divider titlePlacement="start">{t('sourcing.form.listing')}</Divider>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="douyinProductId" label={t('sourcing.form.productId')}>
                  <Input inputMode="numeric" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="merchantCode" label={t('sourcing.form.merchantCode')}>
                  <Input count={lengthCount('merchantCode')} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="plannedSlot" label={t('sourcing.form.slot')}>
                  <Select allowClear placeholder={t('sourcing.form.noSlot')} options={(quota.data?.slots ?? []).map((s) => ({ value: s.time, label: s.time }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="notes" label={t('sourcing.form.notes')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} count={lengthCount('productNotes')} />
            </Form.Item>
          </Form>
        </Col>
        <Col xs={24} lg={10}>
          <CostStackPanel fields={areCostsValid ? fields : null} drift={product?.drift ?? null} />
          {product && (
            <>
              <Divider titlePlacement="start">{t('sourcing.form.images')}</Divider>
              <ProductImages product={product} />
              <Divider titlePlacement="start">{t('sourcing.form.log')}</Divider>
              <List
                size="small"
                dataSource={product.log}
                locale={{ emptyText: t('sourcing.form.noLog') }}
                renderItem={(l) => (
                  <List.Item>
                    <Typography.Text style={{ fontSize: 12 }}>
                      {formatChinaTime(l.at)} · {l.before} → {l.after} {l.reason && `（${l.reason}）`}
                    </Typography.Text>
                  </List.Item>
                )}
              />
              <Divider titlePlacement="start">{t('sourcing.form.history')}</Divider>
              <List
                size="small"
                dataSource={product.history}
                renderItem={(h) => (
                  <List.Item>
                    <Typography.Text style={{ fontSize: 12 }}>
                      {formatChinaTime(h.at)} · {t(`sourcing.stages.${h.to}`)}
                      {h.reason && ` · ${t(`sourcing.reasons.${h.reason}`)}`}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </>
          )}
        </Col>
      </Row>
    </Drawer>
  );
}
