import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Divider, Flex, Form, Input, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelEntry, PurchaseView, SupplierSummary } from '../../../../../shared/rpc/contract';
import { useRpcMutation } from '../../../app/use-rpc';
import { formatChinaTime } from '../../../shared/ui/format';
import { useShowError } from '../../../shared/ui/error-message';
import { purchasesZh } from '../messages';
import { chinaTextToIso, fenToYuanText, isoToChinaText, TRACKING_PATTERN, yuanTextToFen } from '../model';
import { useCopyText } from '../use-copy';
import { ProofBox } from './proof-box';
import { ProfitTable } from './profit-table';
import { StatusActions } from './status-actions';
import { StatusTag } from './status-tag';

const INVALIDATES = { methods: ['purchases.forOrder', 'purchases.list', 'purchases.channels'] } as const;

type FormValues = { supplierId: number | null; supplierOrderNo: string; amountText: string; paidAtText: string; channelId: number | null; trackingNo: string; courier: string; notes: string };

/** Server field names → form field names (the form edits yuan and China-time text). */
const FIELD_OF: Record<string, keyof FormValues> = { supplierId: 'supplierId', supplierOrderNo: 'supplierOrderNo', amountFen: 'amountText', paidAt: 'paidAtText', channelId: 'channelId', trackingNo: 'trackingNo', courier: 'courier', notes: 'notes' };

type ChannelKey = keyof typeof purchasesZh.channels;
type FieldKey = keyof typeof purchasesZh.panel.fields;
const isFieldKey = (key: string): key is FieldKey => Object.hasOwn(purchasesZh.panel.fields, key);
const isChannelKey = (key: string | null): key is ChannelKey => key !== null && Object.hasOwn(purchasesZh.channels, key);

/** One purchase: the form (field-level translated errors), status moves, proofs, copy for supplier, history. */
export function PurchaseCard({ purchase, suppliers, channels }: { purchase: PurchaseView; suppliers: readonly SupplierSummary[]; channels: readonly ChannelEntry[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const copy = useCopyText();
  const [form] = Form.useForm<FormValues>();
  const update = useRpcMutation('purchases.update', { invalidates: INVALIDATES });
  const messages = useRpcMutation('purchases.messages');
  const addChannel = useRpcMutation('purchases.addChannel', { invalidates: INVALIDATES });
  const [channelDraft, setChannelDraft] = useState<string | null>(null);

  // Reset when another purchase opens or this one was saved, not on every refetch.
  useEffect(() => {
    form.setFieldsValue({
      supplierId: purchase.supplierId,
      supplierOrderNo: purchase.supplierOrderNo,
      amountText: fenToYuanText(purchase.amountFen),
      paidAtText: isoToChinaText(purchase.paidAt),
      channelId: purchase.channelId,
      trackingNo: purchase.trackingNo,
      courier: purchase.courier,
      notes: purchase.notes,
    });
  }, [form, purchase.id, purchase.updatedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const amountFen = yuanTextToFen(v.amountText);
    const paidAt = chinaTextToIso(v.paidAtText);
    if (amountFen === undefined || paidAt === undefined) return;
    try {
      await update.mutate({
        id: purchase.id,
        patch: { supplierId: v.supplierId ?? null, supplierOrderNo: v.supplierOrderNo ?? '', amountFen, paidAt, channelId: v.channelId ?? null, trackingNo: (v.trackingNo ?? '').trim(), courier: v.courier ?? '', notes: v.notes ?? '' },
      });
      void message.success(t('purchases.panel.saved'));
    } catch (error) {
      const issues = (error as { code?: string; details?: { issues?: { path: string }[] } }).details?.issues;
      if ((error as { code?: string }).code === 'VALIDATION' && issues) {
        const fields = issues.map((i) => FIELD_OF[i.path.split('.').at(-1) ?? '']).filter((f): f is keyof FormValues => f !== undefined);
        if (fields.length > 0) {
          form.setFields(fields.map((name) => ({ name, errors: [t(`purchases.panel.${name === 'amountText' ? 'amountInvalid' : name === 'paidAtText' ? 'paidAtInvalid' : name === 'trackingNo' ? 'trackingInvalid' : name === 'supplierId' ? 'supplierRequired' : 'save'}`)] })));
          return;
        }
      }
      showError(error);
    }
  };

  const copyForSupplier = async () => {
    try {
      const result = await messages.mutate({ ids: [purchase.id] });
      await copy(result.text, t('purchases.panel.copied'));
    } catch (error) {
      showError(error);
    }
  };

  const supplierOptions = suppliers.map((s) => ({ value: s.id, label: s.blacklisted ? `${s.name} ⚠` : s.name }));
  const channelOptions = channels.map((c) => ({ value: c.id, label: isChannelKey(c.builtin) ? t(`purchases.channels.${c.builtin}`) : c.name }));
  // A channel hidden since keeps showing on the purchases that used it.
  if (purchase.channelId !== null && !channels.some((c) => c.id === purchase.channelId)) channelOptions.push({ value: purchase.channelId, label: purchase.channelName ?? '' });

  return (
    <Card
      size="small"
      data-testid={`purchase-${purchase.id}`}
      title={
        <Space wrap>
          <StatusTag status={purchase.status} />
          <span>{purchase.lines.map((l) => `${l.productTitle ?? '?'} ×${l.quantity ?? 1}`).join('；')}</span>
        </Space>
      }
      extra={
        <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copyForSupplier()} loading={messages.isPending}>
          {t('purchases.panel.copy')}
        </Button>
      }
    >
      {purchase.refundRequested && <Alert type="error" showIcon title={t('purchases.refundRequested')} description={t('purchases.refundRequestedHint')} style={{ marginBottom: 8 }} />}
      {purchase.trackingMismatch && (
        <Alert
          type="warning"
          showIcon
          title={t('purchases.mismatch')}
          description={t('purchases.mismatchHint', { own: purchase.trackingNo, platform: purchase.platformTracking.map((w) => `${w.waybill} ${w.courier}`).join('，') })}
          style={{ marginBottom: 8 }}
        />
      )}
      {purchase.statusNote !== '' && <Typography.Paragraph type="secondary">{purchase.statusNote}</Typography.Paragraph>}
      <StatusActions purchaseId={purchase.id} status={purchase.status} />
      <Divider style={{ margin: '12px 0' }} />
      <Form form={form} layout="vertical" name={`purchase-${purchase.id}`} onFinish={() => void save()}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="supplierId" label={t('purchases.panel.supplier')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={supplierOptions} placeholder={t('purchases.noSupplier')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="supplierOrderNo" label={t('purchases.panel.supplierOrderNo')} rules={[{ max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="amountText" label={t('purchases.panel.amount')} rules={[{ validator: async (_, value: string) => (yuanTextToFen(value) === undefined ? Promise.reject(new Error(t('purchases.panel.amountInvalid'))) : undefined) }]}>
              <Input inputMode="decimal" placeholder="23.50" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('purchases.panel.paidAt')} required={false}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="paidAtText" noStyle rules={[{ validator: async (_, value: string) => (chinaTextToIso(value) === undefined ? Promise.reject(new Error(t('purchases.panel.paidAtInvalid'))) : undefined) }]}>
                  <Input placeholder="2026-09-01 14:30" aria-label={t('purchases.panel.paidAt')} />
                </Form.Item>
                <Button onClick={() => form.setFieldValue('paidAtText', isoToChinaText(new Date().toISOString()))}>{t('purchases.panel.now')}</Button>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('purchases.panel.channel')}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="channelId" noStyle>
                  <Select allowClear options={channelOptions} aria-label={t('purchases.panel.channel')} style={{ width: '100%' }} />
                </Form.Item>
                <Button icon={<PlusOutlined aria-hidden />} aria-label={t('purchases.panel.addChannel')} onClick={() => setChannelDraft('')} />
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="courier" label={t('purchases.panel.courier')} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="trackingNo" label={t('purchases.panel.tracking')} rules={[{ pattern: TRACKING_PATTERN, message: t('purchases.panel.trackingInvalid') }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('purchases.panel.platformTracking')}：{purchase.platformTracking.length === 0 ? t('purchases.panel.none') : purchase.platformTracking.map((w) => `${w.waybill} ${w.courier}`).join('，')}
          {purchase.platformShippedAt && ` · ${t('purchases.panel.platformShipped')}：${purchase.platformShippedAt}`}
        </Typography.Paragraph>
        <Form.Item name="notes" label={t('purchases.panel.notes')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('purchases.panel.save')}
        </Button>
      </Form>
      <Divider style={{ margin: '12px 0' }} />
      <ProofBox purchaseId={purchase.id} proofs={purchase.proofs} />
      <Divider style={{ margin: '12px 0' }} />
      <ProfitTable profit={purchase.profit} />
      <Typography.Text strong>{t('purchases.panel.history')}</Typography.Text>
      <Flex vertical gap={2} style={{ marginTop: 4 }}>
        {purchase.events.map((e) => (
          <Typography.Text key={e.id} type="secondary" style={{ fontSize: 12 }}>
            {formatChinaTime(e.at)} · {t(`purchases.panel.events.${e.kind}`)}
            {e.fromStatus && e.toStatus ? `：${t(`purchases.statuses.${e.fromStatus}`)} → ${t(`purchases.statuses.${e.toStatus}`)}` : e.toStatus ? `：${t(`purchases.statuses.${e.toStatus}`)}` : ''}
            {e.note ? ` · ${e.kind === 'edited' ? e.note.split(',').map((f) => (isFieldKey(f) ? t(`purchases.panel.fields.${f}`) : f)).join('、') : e.note}` : ''}
            {e.source === 'import' && <Tag style={{ marginLeft: 6 }}>{t('purchases.panel.historyImport')}</Tag>}
          </Typography.Text>
        ))}
      </Flex>
      <Modal
        open={channelDraft !== null}
        title={t('purchases.panel.addChannel')}
        onCancel={() => setChannelDraft(null)}
        okButtonProps={{ disabled: (channelDraft ?? '').trim() === '' }}
        onOk={async () => {
          try {
            const made = await addChannel.mutate({ name: channelDraft ?? '' });
            form.setFieldValue('channelId', made.id);
            setChannelDraft(null);
            void message.success(t('purchases.panel.channelAdded'));
          } catch (error) {
            showError(error);
          }
        }}
      >
        <Input aria-label={t('purchases.panel.channelName')} placeholder={t('purchases.panel.channelName')} value={channelDraft ?? ''} maxLength={40} onChange={(e) => setChannelDraft(e.target.value)} />
      </Modal>
    </Card>
  );
}
