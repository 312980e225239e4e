import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Empty, Flex, Form, Input, List, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AFTERSALE_TYPES, type AftersaleType } from '../../../../../shared/domain/aftersale-type';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { clearFieldErrors, fenOfYuanText, yuan } from '../model';
import { CaseDrawer } from './case-drawer';
import { ArbitrationTag, CountdownTag, OpenTag, TypeTag } from './labels';

const INVALIDATES = { methods: ['aftersales.forOrder', 'aftersales.list'] } as const;
type Values = { subOrderId: string; type: AftersaleType; reason: string; refund: string; deadlineAt: string };

/**
 * An order's after-sales, for the orders drawer: its cases (open one in the case drawer) and a
 * form to enter one by hand from a line. `orderId` is the 主订单编号.
 */
export function AftersalesSection({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const data = useRpcQuery('aftersales.forOrder', { orderId }, { refetchOn: ['aftersales.changed', 'imports.finished', 'imports.undone'] });
  const create = useRpcMutation('aftersales.create', { invalidates: INVALIDATES });
  const lines = data.data?.lines ?? [];
  const cases = data.data?.cases ?? [];

  const save = async () => {
    clearFieldErrors(form);
    const v = form.getFieldsValue();
    const done = await submit({
      form,
      method: 'aftersales.create',
      fieldOf: (path) => ({ subOrderId: 'subOrderId', type: 'type', reason: 'reason', refundFen: 'refund', deadlineAt: 'deadlineAt' })[String(path[0])] ?? null,
      params: { subOrderId: v.subOrderId, type: v.type, reason: v.reason ?? '', refundFen: fenOfYuanText(v.refund), deadlineAt: v.deadlineAt?.trim() ? v.deadlineAt.trim() : null },
      run: (p) => create.mutate(p),
    });
    if (done) {
      void message.success(t('aftersales.section.created'));
      setAdding(false);
      form.resetFields();
      setOpen(done.caseKey);
    }
  };

  return (
    <section aria-label={t('aftersales.section.title')} data-testid="aftersales-section">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
          {t('aftersales.section.title')}
        </Typography.Title>
        {lines.length > 0 && !adding && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => { form.setFieldsValue({ subOrderId: lines[0]?.subOrderId ?? '', type: 'return_refund' }); setAdding(true); }}>
            {t('aftersales.section.create')}
          </Button>
        )}
      </Flex>
      {cases.length === 0 && !data.isLoading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('aftersales.section.none')} />
      ) : (
        <List
          size="small"
          dataSource={cases}
          renderItem={(c) => (
            <List.Item actions={[<Button key="open" type="link" size="small" onClick={() => setOpen(c.caseKey)}>{t('aftersales.section.openCase')}</Button>]}>
              <Space wrap size={4}>
                <TypeTag row={c} />
                <OpenTag row={c} />
                <ArbitrationTag row={c} />
                <Typography.Text>{c.productTitle ?? c.subOrderId}</Typography.Text>
                <Typography.Text type="secondary">{yuan(c.buyerRefundFen)}</Typography.Text>
                <CountdownTag row={c} />
              </Space>
            </List.Item>
          )}
        />
      )}
      {adding && (
        <Form form={form} layout="vertical" name={`aftersale-create-${orderId}`} onFinish={() => void save()}>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="subOrderId" label={t('aftersales.section.line')}>
                <Select options={lines.map((l) => ({ value: l.subOrderId, label: `${l.productTitle ?? l.subOrderId} · ${l.subOrderId}` }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="type" label={t('aftersales.section.type')}>
                <Select options={AFTERSALE_TYPES.map((k) => ({ value: k, label: t(`aftersales.types.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="reason" label={t('aftersales.section.reason')}>
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
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('aftersales.drawer.save')}
            </Button>
            <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      )}
      <CaseDrawer caseKey={open} onClose={() => setOpen(null)} />
    </section>
  );
}
