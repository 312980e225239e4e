import { App, Button, Col, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ARBITRATION_STATES } from '../../../../../shared/domain/aftersale-state';
import type { AftersaleCaseDetail } from '../../../../../shared/rpc/contract';
import { useRpcMutation } from '../../../app/use-rpc';
import { renamed } from '../../../shared/ui/form-errors';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { clearFieldErrors, fenOfYuanText, yuanText } from '../model';

const INVALIDATES = { methods: ['aftersales.get', 'aftersales.list', 'aftersales.forOrder'] } as const;
type Values = { reason: string; refund: string; deadlineAt: string; arbitration: (typeof ARBITRATION_STATES)[number] };
const FIELD_OF = renamed({ 'patch.reason': 'reason', 'patch.refundFen': 'refund', 'patch.deadlineAt': 'deadlineAt', 'patch.arbitration': 'arbitration' });

/** A hand-made case's own fields (an imported case's come from the export and are not edited here). */
export function ManualFieldsForm({ detail }: { detail: AftersaleCaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit();
  const update = useRpcMutation('aftersales.update', { invalidates: INVALIDATES });
  useEffect(() => {
    form.setFieldsValue({ reason: detail.reason, refund: yuanText(detail.refundGoodsFen), deadlineAt: detail.deadlineAt?.slice(0, 16) ?? '', arbitration: detail.arbitration });
  }, [form, detail.caseKey, detail.reason, detail.refundGoodsFen, detail.deadlineAt, detail.arbitration]);
  const save = async () => {
    clearFieldErrors(form);
    const v = form.getFieldsValue();
    const done = await submit({
      form,
      method: 'aftersales.update',
      fieldOf: FIELD_OF,
      params: { caseKey: detail.caseKey, patch: { reason: v.reason ?? '', refundFen: fenOfYuanText(v.refund), deadlineAt: v.deadlineAt?.trim() ? v.deadlineAt.trim() : null, arbitration: v.arbitration } },
      run: (params) => update.mutate(params),
    });
    if (done) void message.success(t('aftersales.drawer.saved'));
  };
  return (
    <Form form={form} layout="vertical" name={`manual-${detail.caseKey}`} onFinish={() => void save()}>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="reason" label={t('aftersales.drawer.reason')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="refund" label={t('aftersales.section.refund')}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="deadlineAt" label={t('aftersales.section.deadline')}>
            <Input placeholder="2026-09-02 10:00" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="arbitration" label={t('aftersales.drawer.arbitrationLabel')}>
            <Select options={ARBITRATION_STATES.map((a) => ({ value: a, label: t(`aftersales.arbitration.${a}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Button htmlType="submit" loading={update.isPending}>
        {t('aftersales.drawer.save')}
      </Button>
    </Form>
  );
}
