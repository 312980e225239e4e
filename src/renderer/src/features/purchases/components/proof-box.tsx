import { App, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProofInfo } from '../../../../../shared/rpc/contract';
import { useClient, useRpcMutation } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { ImageDropZone, isStorableImage, pasteImagesTo, StoredImageThumbnail, toBase64 } from '../../shared';

const INVALIDATES = { methods: ['purchases.forOrder', 'purchases.list'] } as const;

/** Payment proofs of one purchase: drop, paste (Ctrl+V anywhere in the box) or choose; thumbnails. */
export function ProofBox({ purchaseId, proofs }: { purchaseId: number; proofs: readonly ProofInfo[] }) {
  const { t } = useTranslation();
  const client = useClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const add = useRpcMutation('purchases.addProof', { invalidates: INVALIDATES });
  const remove = useRpcMutation('purchases.removeProof', { invalidates: INVALIDATES });

  const upload = async (file: Blob & { name?: string }) => {
    if (!isStorableImage(file)) {
      void message.warning(t('purchases.panel.proofRefused'));
      return;
    }
    try {
      await add.mutate({ purchaseId, fileName: file.name || 'pasted.png', dataBase64: await toBase64(file) });
      void message.success(t('purchases.panel.proofAdded'));
    } catch (error) {
      if ((error as { code?: string }).code === 'VALIDATION') void message.warning(t('purchases.panel.proofRefused'));
      else showError(error);
    }
  };

  return (
    <div
      tabIndex={0}
      aria-label={t('purchases.panel.proofs')}
      data-testid="proof-box"
      onPaste={pasteImagesTo(upload)}
      style={{ outline: 'none' }}
    >
      <Typography.Text strong>{t('purchases.panel.proofs')}</Typography.Text>
      <Flex gap={8} wrap style={{ marginTop: 6 }}>
        {proofs.map((p) => (
          <StoredImageThumbnail key={p.id} imageKey={p.id} load={() => client.call('purchases.proof', { id: p.id })} alt={p.fileName} removeLabel={t('purchases.panel.removeProof')} testId="proof-thumbnail" onRemove={() => void remove.mutate({ id: p.id }).catch(showError)} />
        ))}
        <ImageDropZone hint={t('purchases.panel.proofHint')} width={220} upload={upload} />
      </Flex>
    </div>
  );
}
