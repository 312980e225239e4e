import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { extractLink } from '../../../../../shared/domain/product-link';
import { useRpcMutation } from '../../../app/use-rpc';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { scaledOf, type NumberText } from '../../../shared/ui/number-text';
import { renamed } from '../../../shared/ui/form-errors';

const INVALIDATES = { methods: ['products.list', 'sourcing.quota'] } as const;
const FIELD_OF = renamed({ text: 'text', priceFen: 'price' });

/**
 * Quick capture: paste a link (and maybe a price) → a candidate. A paste anywhere in the app
 * outside a text field does the same (QuickCaptureLayer, mounted by the shell).
 */
export function CaptureBar({ onCaptured }: { onCaptured(id: number): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const [form] = Form.useForm<{ text: string; price: NumberText }>();
  const capture = useRpcMutation('products.capture', { invalidates: INVALIDATES });

  const onFinish = async () => {
    const { text = '', price } = form.getFieldsValue(true) as { text?: string; price?: NumberText };
    if (extractLink(text) === null) {
      form.setFields([{ name: 'text', errors: [t('sourcing.capture.noLink')] }]);
      return;
    }
    const priceFen = scaledOf(price, 100);
    const result = await submit({ form, method: 'products.capture', params: { text, ...(priceFen === undefined ? {} : { priceFen }) }, run: (p) => capture.mutate(p), fieldOf: FIELD_OF });
    if (!result) return;
    void message.success(t('sourcing.capture.added', { title: result.product.title }));
    if (result.duplicates.length > 0) void message.warning(t('sourcing.capture.duplicate', { titles: result.duplicates.map((d) => `#${d.id} ${d.title}`).join('、') }), 6);
    form.resetFields();
    onCaptured(result.product.id);
  };

  return (
    <Form form={form} name="capture" onFinish={() => void onFinish()} component="div">
      <Flex gap={8} align="start">
        <Form.Item name="text" style={{ flex: 1, marginBottom: 0 }}>
          <Input aria-label={t('sourcing.capture.label')} placeholder={t('sourcing.capture.placeholder')} onPressEnter={() => form.submit()} allowClear />
        </Form.Item>
        <Form.Item name="price" style={{ width: 160, marginBottom: 0 }}>
          <Input aria-label={t('sourcing.capture.price')} placeholder={t('sourcing.capture.price')} inputMode="decimal" prefix="¥" />
        </Form.Item>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} loading={capture.isPending} onClick={() => form.submit()}>
          {t('sourcing.capture.add')}
        </Button>
      </Flex>
    </Form>
  );
}
