import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { extractLink } from '../../../../../shared/domain/product-link';
import { useRpcMutation } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { yuanToFen } from '../model';

const INVALIDATES = { methods: ['products.list', 'sourcing.quota'] } as const;

/**
 * Quick capture: paste a link (and maybe a price) → a candidate. A paste anywhere in the app
 * outside a text field does the same (QuickCaptureLayer, mounted by the shell).
 */
export function CaptureBar({ onCaptured }: { onCaptured(id: number): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const capture = useRpcMutation('products.capture', { invalidates: INVALIDATES });
  const [text, setText] = useState('');
  const [price, setPrice] = useState<number | null>(null);

  const submit = async (value: string, priceYuan: number | null) => {
    if (extractLink(value) === null) {
      void message.warning(t('sourcing.capture.noLink'));
      return;
    }
    try {
      const result = await capture.mutate({ text: value, ...(priceYuan === null ? {} : { priceFen: yuanToFen(priceYuan) }) });
      void message.success(t('sourcing.capture.added', { title: result.product.title }));
      if (result.duplicates.length > 0) void message.warning(t('sourcing.capture.duplicate', { titles: result.duplicates.map((d) => `#${d.id} ${d.title}`).join('、') }), 6);
      setText('');
      setPrice(null);
      onCaptured(result.product.id);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        aria-label={t('sourcing.capture.label')}
        placeholder={t('sourcing.capture.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => void submit(text, price)}
        allowClear
      />
      <InputNumber aria-label={t('sourcing.capture.price')} placeholder={t('sourcing.capture.price')} min={0} precision={2} value={price} onChange={setPrice} style={{ width: 140 }} />
      <Button type="primary" icon={<PlusOutlined aria-hidden />} loading={capture.isPending} onClick={() => void submit(text, price)}>
        {t('sourcing.capture.add')}
      </Button>
    </Space.Compact>
  );
}
