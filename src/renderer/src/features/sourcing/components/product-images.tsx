import { App, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../../../shared/rpc/contract';
import { useClient, useRpcMutation } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { ImageDropZone, isStorableImage, pasteImagesTo, StoredImageThumbnail, toBase64 } from '../../shared';

const INVALIDATES = { methods: ['products.get', 'products.list'] } as const;

/**
 * A product's images: drop, paste or choose; thumbnails are the stored originals scaled down with
 * CSS (the core has no image library to write separate thumbnails, and the 4 MB cap keeps it cheap).
 */
export function ProductImages({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const client = useClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const add = useRpcMutation('products.addImage', { invalidates: INVALIDATES });
  const remove = useRpcMutation('products.removeImage', { invalidates: INVALIDATES });

  const upload = async (file: Blob & { name?: string }) => {
    if (!isStorableImage(file)) {
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
    <div onPaste={pasteImagesTo(upload)} data-testid="product-images">
      <Flex gap={8} wrap>
        {product.images.map((img) => (
          <StoredImageThumbnail
            key={img.id}
            imageKey={img.id}
            load={() => client.call('products.image', { id: img.id })}
            alt={t('sourcing.form.imageAlt')}
            removeLabel={t('sourcing.form.removeImage')}
            testId="product-image"
            onRemove={() => void remove.mutate({ id: img.id }).catch(showError)}
          />
        ))}
        <ImageDropZone hint={t('sourcing.form.addImage')} width={180} upload={upload} />
      </Flex>
    </div>
  );
}
