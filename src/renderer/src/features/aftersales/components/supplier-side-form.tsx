import { Button, Col, Form, Input, Radio, Row, Select, Typography, App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AftersaleCaseDetail } from '../../../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { renamed } from '../../../shared/ui/form-errors';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { clearFieldErrors, fenOfYuanText, yuanText } from '../model';

const INVALIDATES = { methods: ['aftersales.get', 'aftersales.list', 'aftersales.forOrder', 'aftersales.supplierBalances', 'suppliers.owedBalance'] } as const;

type Values = { supplierId: number | null; forwardTracking: string; forwardCourier: string; forwardedAt: string; claim: string; refunded: 'unknown' | 'yes' | 'no'; refund: string };

/** Params paths → the form's fields (amounts are typed in yuan). */
const FIELD_OF = renamed({
  'patch.supplierId': 'supplierId',
  'patch.forwardTracking': 'forwardTracking',
  'patch.forwardCourier': 'forwardCourier',
  'patch.forwardedAt': 'forwardedAt',
  'patch.supplierClaimFen': 'claim',
  'patch.supplierRefunded': 'refunded',
  'patch.supplierRefundFen': 'refund',
});

/** The supplier side no tool tracks: the return parcel sent on (tracking), what the supplier owes and has refunded. */
export function SupplierSideForm({ detail }: { detail: AftersaleCaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit();
  const suppliers = useRpcQuery('suppliers.list', {}, { refetchOn: ['sourcing.changed'] });
  const update = useRpcMutation('aftersales.update', { invalidates: INVALIDATES });
  const refunded = Form.useWatch('refunded', form);

  useEffect(() => {
    form.setFieldsValue({
      supplierId: detail.supplierId,
      forwardTracking: detail.forwardTracking,
      forwardCourier: detail.forwardCourier,
      forwardedAt: detail.forwardedAt?.slice(0, 16) ?? '',
      claim: yuanText(detail.supplierClaimFen),
      refunded: detail.supplierRefunded === null ? 'unknown' : detail.supplierRefunded ? 'yes' : 'no',
      refund: yuanText(detail.supplierRefundFen),
    });
  }, [form, detail.caseKey, detail.supplierId, detail.forwardTracking, detail.forwardCourier, detail.forwardedAt, detail.supplierClaimFen, detail.supplierRefunded, detail.supplierRefundFen]);

  const save = async () => {
    clearFieldErrors(form);
    const v = form.getFieldsValue();
    const isRefunded = v.refunded === 'yes';
    const done = await submit({
      form,
      method: 'aftersales.update',
      fieldOf: FIELD_OF,
      params: {
        caseKey: detail.caseKey,
        patch: {
          // The supplier found from the purchase or the product is shown, not stored, until the seller picks another.
          ...(v.supplierId !== detail.supplierId || detail.supplierSource === 'case' ? { supplierId: v.supplierId ?? null } : {}),
          forwardTracking: v.forwardTracking ?? '',
          forwardCourier: v.forwardCourier ?? '',
          forwardedAt: v.forwardedAt?.trim() ? v.forwardedAt.trim() : null,
          supplierClaimFen: fenOfYuanText(v.claim),
          supplierRefunded: v.refunded === 'unknown' ? null : isRefunded,
          ...(isRefunded ? { supplierRefundFen: fenOfYuanText(v.refund) } : {}),
        },
      },
      run: (params) => update.mutate(params),
    });
    if (done) void message.success(t('aftersales.drawer.saved'));
  };

  const owed = detail.owedFen;
  return (
    <Form form={form} layout="vertical" name={`supplier-side-${detail.caseKey}`} onFinish={() => void save()}>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="supplierId" label={t('aftersales.drawer.supplier')} extra={t(`aftersales.supplierSource.${detail.supplierSource}`)}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('aftersales.drawer.supplierPlaceholder')} options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="forwardedAt" label={t('aftersales.drawer.forwardedAt')}>
            <Input placeholder="2026-09-02 10:00" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="forwardTracking" label={t('aftersales.drawer.forwardTracking')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="forwardCourier" label={t('aftersales.drawer.forwardCourier')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="claim" label={t('aftersales.drawer.claim')}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="refunded" label={t('aftersales.drawer.supplierRefunded')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'unknown', label: t('aftersales.drawer.refundedUnknown') },
                { value: 'yes', label: t('aftersales.drawer.refundedYes') },
                { value: 'no', label: t('aftersales.drawer.refundedNo') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="refund" label={t('aftersales.drawer.refundAmount')}>
            <Input inputMode="decimal" disabled={refunded !== 'yes'} />
          </Form.Item>
        </Col>
      </Row>
      <Row justify="space-between" align="middle">
        <Typography.Text strong type={owed > 0 ? 'danger' : undefined} data-testid="case-owed">
          {owed > 0 ? t('aftersales.drawer.owed', { amount: yuanText(owed) }) : owed < 0 ? t('aftersales.drawer.overpaid', { amount: yuanText(-owed) }) : ''}
        </Typography.Text>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('aftersales.drawer.save')}
        </Button>
      </Row>
    </Form>
  );
}
