import { PictureOutlined } from '@ant-design/icons';
import { App, Flex, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProofInfo } from '../../../../../shared/rpc/contract';
import { useClient, useRpcMutation } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { StoredImageThumbnail, toBase64 } from '../../shared';

const MAX_BYTES = 4 * 1024 * 1024;
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
    // Checked here too so a 20 MB photo is refused before it is read; the core checks the bytes again.
    if (file.size > MAX_BYTES || !/^image\/(png|jpeg|gif|webp)$/.test(file.type)) {
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
      onPaste={(e) => {
        const files = [...e.clipboardData.files];
        if (files.length === 0) return;
        e.preventDefault();
        for (const f of files) void upload(f);
      }}
      style={{ outline: 'none' }}
    >
      <Typography.Text strong>{t('purchases.panel.proofs')}</Typography.Text>
      <Flex gap={8} wrap style={{ marginTop: 6 }}>
        {proofs.map((p) => (
          <StoredImageThumbnail key={p.id} imageKey={p.id} load={() => client.call('purchases.proof', { id: p.id })} alt={p.fileName} removeLabel={t('purchases.panel.removeProof')} testId="proof-thumbnail" onRemove={() => void remove.mutate({ id: p.id }).catch(showError)} />
        ))}
        <Upload.Dragger
          accept="image/png,image/jpeg,image/gif,image/webp"
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
          style={{ width: 220 }}
        >
          <PictureOutlined aria-hidden /> <span style={{ fontSize: 12 }}>{t('purchases.panel.proofHint')}</span>
        </Upload.Dragger>
      </Flex>
    </div>
  );
}
