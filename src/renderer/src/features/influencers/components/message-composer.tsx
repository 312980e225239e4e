import { App, Button, Empty, Flex, Form, Image, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { composeProductMessage, DEFAULT_CLOSING, DEFAULT_GREETING } from '../../../../../shared/domain/product-message';
import { useRpcQuery } from '../../../app/use-rpc';
import { useLocale } from '../../../shared/ui/use-locale';

function ProductImage({ id }: { id: number }) {
  const image = useRpcQuery('products.image', { id });
  return image.data ? <Image width={72} height={72} style={{ objectFit: 'cover' }} src={`data:${image.data.mime};base64,${image.data.dataBase64}`} alt={image.data.fileName} /> : null;
}

/**
 * "Send new products" (DOMAIN.md block 5: link + image + price / commission): the chosen products
 * of 选品 as one message to paste into WeChat; the images beside it to send after.
 */
export function MessageComposer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const [ids, setIds] = useState<number[]>([]);
  const [greeting, setGreeting] = useState<string | null>(null);
  const [closing, setClosing] = useState<string | null>(null);
  const products = useRpcQuery('products.list', {});
  // Until products are chosen, the first product stands in (the query needs one); its answer is not shown.
  const chosen = useRpcQuery('influencers.messageProducts', { productIds: ids.length > 0 ? ids : [products.data?.[0]?.id ?? 1] });
  const list = ids.length > 0 ? (chosen.data ?? []).filter((p) => ids.includes(p.productId)) : [];
  const text = composeProductMessage(list, { greeting: greeting ?? DEFAULT_GREETING[lang], closing: closing ?? DEFAULT_CLOSING[lang], lang });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      void message.success(t('influencers.composer.copied'));
    } catch {
      void message.warning(t('influencers.composer.copyFailed'));
    }
  };

  return (
    <Modal open={open} title={t('influencers.composer.title')} onCancel={onClose} width={720} footer={<Button type="primary" disabled={list.length === 0} onClick={() => void copy()}>{t('influencers.composer.copy')}</Button>}>
      {(products.data ?? []).length === 0 && !products.isLoading ? (
        <Empty description={t('influencers.composer.empty')} />
      ) : (
        <Form layout="vertical">
          <Form.Item label={t('influencers.composer.products')}>
            <Select mode="multiple" aria-label={t('influencers.composer.products')} value={ids} onChange={setIds} optionFilterProp="label" options={(products.data ?? []).map((p) => ({ value: p.id, label: p.title }))} />
          </Form.Item>
          <Form.Item label={t('influencers.composer.greeting')}>
            <Input.TextArea autoSize value={greeting ?? DEFAULT_GREETING[lang]} onChange={(e) => setGreeting(e.target.value)} />
          </Form.Item>
          <Form.Item label={t('influencers.composer.closing')}>
            <Input.TextArea autoSize value={closing ?? DEFAULT_CLOSING[lang]} onChange={(e) => setClosing(e.target.value)} />
          </Form.Item>
          <Form.Item label={t('influencers.composer.preview')}>
            <Input.TextArea readOnly autoSize={{ minRows: 6 }} value={text} data-testid="composed-message" />
          </Form.Item>
          {list.some((p) => p.imageId !== null) && (
            <Flex vertical gap={4}>
              <Typography.Text type="secondary">{t('influencers.composer.images')}</Typography.Text>
              <Flex gap={8} wrap>
                {list.flatMap((p) => (p.imageId === null ? [] : [<ProductImage key={p.imageId} id={p.imageId} />]))}
              </Flex>
            </Flex>
          )}
        </Form>
      )}
    </Modal>
  );
}
