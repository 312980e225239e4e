import { CopyOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Cascader, Col, Form, Input, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatReturnAddress } from '../../../../../shared/domain/return-address';
import type { DivisionNode, SupplierDetail } from '../../../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { lengthCount } from '../../../shared/ui/length-count';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';

const INVALIDATES = { methods: ['suppliers.get', 'suppliers.list', 'products.list', 'products.get'] } as const;

type CascaderOption = { value: string; label: string; children?: CascaderOption[] };
const toOptions = (nodes: readonly DivisionNode[]): CascaderOption[] =>
  nodes.map((n) => ({ value: n.code, label: n.name, ...(n.children ? { children: toOptions(n.children) } : {}) }));

type AddressForm = { region: [string, string, string]; street: string; recipient: string; phone: string };

/** Return addresses: add with the official division picker, copy one line for the 抖店 address book. */
export function AddressList({ supplier }: { supplier: SupplierDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const submitForm = useFormSubmit();
  const [form] = Form.useForm<AddressForm>();
  const divisions = useRpcQuery('suppliers.divisions', {});
  const add = useRpcMutation('suppliers.addAddress', { invalidates: INVALIDATES });
  const remove = useRpcMutation('suppliers.removeAddress', { invalidates: INVALIDATES });

  const copy = async (line: string) => {
    try {
      await navigator.clipboard.writeText(line);
      void message.success(t('suppliers.address.copied'));
    } catch (error) {
      showError(error);
    }
  };

  const submit = async () => {
    const v = form.getFieldsValue(true) as Partial<AddressForm>;
    const [provinceCode = '', cityCode = '', districtCode = ''] = v.region ?? [];
    const address = { provinceCode, cityCode, districtCode, street: v.street ?? '', recipient: v.recipient ?? '', phone: v.phone ?? '' };
    const fieldOf = (path: (string | number)[]) => (path[0] !== 'address' ? null : String(path[1]).endsWith('Code') ? 'region' : (path[1] ?? null));
    const added = await submitForm({ form, method: 'suppliers.addAddress', params: { supplierId: supplier.id, address }, run: (p) => add.mutate(p), fieldOf });
    if (added) form.resetFields();
  };

  return (
    <>
      <List
        size="small"
        dataSource={supplier.addresses}
        locale={{ emptyText: t('suppliers.address.none') }}
        renderItem={(a) => {
          const line = formatReturnAddress(a);
          return (
            <List.Item
              actions={[
                <Button key="copy" icon={<CopyOutlined aria-hidden />} onClick={() => void copy(line)}>
                  {t('suppliers.address.copy')}
                </Button>,
                <Button key="remove" danger type="text" aria-label={t('suppliers.address.remove')} icon={<DeleteOutlined aria-hidden />} onClick={() => void remove.mutate({ id: a.id }).catch(showError)} />,
              ]}
            >
              <Typography.Text data-testid="return-address-line">{line}</Typography.Text>
            </List.Item>
          );
        }}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('suppliers.address.format')}
      </Typography.Paragraph>
      <Form form={form} name="address" layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="region" label={t('suppliers.address.region')} required>
          <Cascader options={toOptions(divisions.data ?? [])} showSearch placeholder={t('suppliers.address.region')} />
        </Form.Item>
        <Form.Item name="street" label={t('suppliers.address.street')} required>
          <Input count={lengthCount('street')} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="recipient" label={t('suppliers.address.recipient')} required>
              <Input count={lengthCount('recipient')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('suppliers.address.phone')} required>
              <Input inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <Button htmlType="submit" loading={add.isPending}>
          {t('suppliers.address.add')}
        </Button>
      </Form>
    </>
  );
}
