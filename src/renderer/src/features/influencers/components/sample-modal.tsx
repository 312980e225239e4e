import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { scaledOf, type NumberText } from '../../../shared/ui/number-text';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { INVALIDATES } from '../format';

type SampleForm = { influencerId: number | undefined; productId: number | undefined; productTitle: string; cost: NumberText; freight: NumberText; contentDueOn: string };

/** A new sample: the influencer, a product from 选品 (its cost stack gives the cost) or a name, the freight, the content due date. */
export function SampleModal({ open, influencerId, onClose }: { open: boolean; influencerId: number | undefined; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const [form] = Form.useForm<SampleForm>();
  const influencers = useRpcQuery('influencers.list', {});
  const products = useRpcQuery('products.list', {});
  const create = useRpcMutation('samples.create', { invalidates: INVALIDATES });

  const save = async () => {
    const v = form.getFieldsValue(true) as Partial<SampleForm>;
    const cost = v.cost === '' || v.cost === undefined || v.cost === null ? undefined : (scaledOf(v.cost, 100) ?? Number.NaN);
    const params = {
      influencerId: influencerId ?? v.influencerId ?? 0,
      ...(v.productId !== undefined ? { productId: v.productId } : {}),
      ...(v.productTitle ? { productTitle: v.productTitle } : {}),
      ...(cost !== undefined ? { costFen: cost } : {}),
      freightFen: v.freight === '' || v.freight === undefined || v.freight === null ? 0 : (scaledOf(v.freight, 100) ?? Number.NaN),
      ...(v.contentDueOn ? { contentDueOn: v.contentDueOn } : {}),
    };
    const done = await submit({ form, method: 'samples.create', params, run: (p) => create.mutate(p), fieldOf: (path) => (path[0] === 'costFen' ? 'cost' : path[0] === 'freightFen' ? 'freight' : typeof path[0] === 'string' ? path[0] : null) });
    if (!done) return;
    form.resetFields();
    void message.success(t('influencers.samples.created'));
    onClose();
  };

  return (
    <Modal open={open} title={t('influencers.samples.add')} onCancel={onClose} onOk={() => void save()} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} name="sample" layout="vertical" initialValues={{ productTitle: '', cost: '', freight: '', contentDueOn: '' }}>
        {influencerId === undefined && (
          <Form.Item name="influencerId" label={t('influencers.samples.influencer')} required>
            <Select showSearch optionFilterProp="label" options={(influencers.data ?? []).map((i) => ({ value: i.id, label: i.nickname || i.douyinId }))} />
          </Form.Item>
        )}
        <Form.Item name="productId" label={t('influencers.samples.product')}>
          <Select allowClear showSearch optionFilterProp="label" options={(products.data ?? []).map((p) => ({ value: p.id, label: p.title }))} />
        </Form.Item>
        <Form.Item name="productTitle" label={t('influencers.samples.productTitle')}>
          <Input />
        </Form.Item>
        <Form.Item name="cost" label={t('influencers.samples.cost')} extra={t('influencers.samples.costHint')}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="freight" label={t('influencers.samples.freight')}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="contentDueOn" label={t('influencers.samples.contentDueOn')}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
