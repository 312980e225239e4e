import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../../../shared/rpc/contract';
import { useClient, useRpcMutation } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { toBase64 } from '../../shared/file-bytes';

const INVALIDATES = { methods: ['products.get', 'products.list'] } as const;


/**
 * Thumbnails: the stored original, scaled down with CSS (object-fit) — the core has no image
 * library to write separate thumbnails, and the 4 MB cap keeps this cheap.
 */
function Thumbnail({ id, onRemove }: { id: number; onRemove(): void }) {
  const client = useClient();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    client.call('products.image', { id }).then((img) => live && setSrc(`data:${img.mime};base64,${img.dataBase64}`), () => undefined);
    return () => {
      live = false;
    };
  }, [client, id]);
  return (
    <div style={{ position: 'relative', width: 88, height: 88 }}>
      {src && <img src={src} alt="" style={{ width: 88, height: 88, objectFit: 'cover', borderRadius: 6 }} />}
      <Button size="small" shape="circle" icon={<DeleteOutlined aria-hidden />} aria-label="delete" onClick={onRemove} style={{ position: 'absolute', top: 2, right: 2 }} />
    </div>
  );
}

export function ProductImages({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const add = useRpcMutation('products.addImage', { invalidates: INVALIDATES });
  const remove = useRpcMutation('products.removeImage', { invalidates: INVALIDATES });

  const upload = async (file: Blob & { name?: string }) => {
    if (file.size > 4 * 1024 * 1024) {
      void message.warning(t('sourcing.form.imageRefused'));
      return;
    }
    try {
      await add.mutate({ productId: product.id, fileName: file.name || 'pasted.png', dataBase64: await toBase64(file) });
    } catch (error) {
      if ((error as { code?: string }).code === 'VALIDATION') void message.warning(t('sourcing.form.imageRefused'));
      else showError(error);
    }
  };

  return (
    <div
      onPaste={(e) => {
        for (const item of e.clipboardData.files) void upload(item);
      }}
    >
      <Flex gap={8} wrap>
        {product.images.map((img) => (
          <Thumbnail key={img.id} id={img.id} onRemove={() => void remove.mutate({ id: img.id }).catch(showError)} />
        ))}
        <Upload.Dragger
          accept="image/png,image/jpeg,image/gif,image/webp"
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
          style={{ width: 180 }}
        >
          <PlusOutlined aria-hidden /> <span style={{ fontSize: 12 }}>{t('sourcing.form.addImage')}</span>
        </Upload.Dragger>
      </Flex>
    </div>
  );
}
