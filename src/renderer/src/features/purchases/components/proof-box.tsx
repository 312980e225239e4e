import { DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProofInfo } from '../../../../../shared/rpc/contract';
import { useClient, useRpcMutation } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { toBase64 } from '../../shared';

const MAX_BYTES = 4 * 1024 * 1024;
const INVALIDATES = { methods: ['purchases.forOrder', 'purchases.list'] } as const;

/** One stored proof, scaled with CSS (the core keeps only the original; see purchase-proofs.ts). */
function ProofThumbnail({ proof, onRemove }: { proof: ProofInfo; onRemove(): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    client.call('purchases.proof', { id: proof.id }).then((p) => live && setSrc(`data:${p.mime};base64,${p.dataBase64}`), () => undefined);
    return () => {
      live = false;
    };
  }, [client, proof.id]);
  return (
    <div style={{ position: 'relative', width: 88, height: 88 }} data-testid="proof-thumbnail">
      {src && <Image src={src} alt={proof.fileName} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 6 }} />}
      <Button size="small" shape="circle" icon={<DeleteOutlined aria-hidden />} aria-label={t('purchases.panel.removeProof')} onClick={onRemove} style={{ position: 'absolute', top: 2, right: 2 }} />
    </div>
  );
}

/** Payment proofs of one purchase: drop, paste (Ctrl+V anywhere in the box) or choose; thumbnails. */
export function ProofBox({ purchaseId, proofs }: { purchaseId: number; proofs: readonly ProofInfo[] }) {
  const { t } = useTranslation();
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
          <ProofThumbnail key={p.id} proof={p} onRemove={() => void remove.mutate({ id: p.id }).catch(showError)} />
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
