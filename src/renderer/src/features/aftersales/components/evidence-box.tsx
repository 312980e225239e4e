import { App, Button, Flex, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../../../shared/rpc/contract';
import { useClient, useRpcMutation } from '../../../app/use-rpc';
import { formatChinaTime } from '../../../shared/ui/format';
import { useShowError } from '../../../shared/ui/error-message';
import { validationIssuesOf } from '../../../shared/ui/form-errors';
import { validationMessage } from '../../../../../shared/i18n/validation-messages';
import { useLocale } from '../../../shared/ui/use-locale';
import { ImageDropZone, isStorableImage, pasteImagesTo, StoredImageThumbnail, toBase64 } from '../../shared';

const INVALIDATES = { methods: ['aftersales.get', 'aftersales.list', 'aftersales.forOrder'] } as const;

/** A case's evidence: notes, and images by drop, paste (Ctrl+V in the box) or choose, with thumbnails. */
export function EvidenceBox({ caseKey, items }: { caseKey: string; items: readonly EvidenceItem[] }) {
  const { t } = useTranslation();
  const client = useClient();
  const locale = useLocale();
  const { message } = App.useApp();
  const showError = useShowError();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const addFile = useRpcMutation('aftersales.addFile', { invalidates: INVALIDATES });
  const addNote = useRpcMutation('aftersales.addNote', { invalidates: INVALIDATES });
  const remove = useRpcMutation('aftersales.removeEvidence', { invalidates: INVALIDATES });

  const upload = async (file: Blob & { name?: string }) => {
    if (!isStorableImage(file)) {
      void message.warning(t('aftersales.drawer.evidenceRefused'));
      return;
    }
    try {
      await addFile.mutate({ caseKey, fileName: file.name || 'pasted.png', dataBase64: await toBase64(file) });
      void message.success(t('aftersales.drawer.evidenceAdded'));
    } catch (error) {
      if ((error as { code?: string }).code === 'VALIDATION') void message.warning(t('aftersales.drawer.evidenceRefused'));
      else showError(error);
    }
  };
  const saveNote = async () => {
    try {
      await addNote.mutate({ caseKey, text: note });
      setNote('');
      setNoteError(null);
    } catch (error) {
      const issue = validationIssuesOf(error)?.[0];
      if (issue) setNoteError(validationMessage(issue, locale));
      else showError(error);
    }
  };
  const files = items.filter((i) => i.kind === 'file');
  const notes = items.filter((i) => i.kind === 'note');
  return (
    <div
      tabIndex={0}
      aria-label={t('aftersales.drawer.evidence')}
      data-testid="evidence-box"
      onPaste={pasteImagesTo(upload)}
      style={{ outline: 'none' }}
    >
      <Flex gap={8} wrap>
        {files.map((f) => (
          <StoredImageThumbnail key={f.id} imageKey={f.id} load={() => client.call('aftersales.evidenceFile', { id: f.id })} alt={f.fileName} removeLabel={t('aftersales.drawer.removeEvidence')} testId="evidence-thumbnail" onRemove={() => void remove.mutate({ id: f.id }).catch(showError)} />
        ))}
        <ImageDropZone hint={t('aftersales.drawer.evidenceHint')} width={240} upload={upload} />
      </Flex>
      {notes.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          dataSource={notes}
          renderItem={(n) => (
            <List.Item actions={[<Button key="rm" type="link" size="small" onClick={() => void remove.mutate({ id: n.id }).catch(showError)}>{t('aftersales.drawer.removeEvidence')}</Button>]}>
              <Typography.Text type="secondary" style={{ marginRight: 8 }}>{formatChinaTime(n.createdAt)}</Typography.Text>
              {n.note}
            </List.Item>
          )}
        />
      )}
      <Flex gap={8} style={{ marginTop: 8 }} align="start">
        <div style={{ flex: 1 }}>
          <Input.TextArea aria-label={t('aftersales.drawer.addNote')} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('aftersales.drawer.notePlaceholder')} autoSize={{ minRows: 1, maxRows: 4 }} status={noteError ? 'error' : undefined} />
          {noteError && <Typography.Text type="danger">{noteError}</Typography.Text>}
        </div>
        <Button onClick={() => void saveNote()} loading={addNote.isPending}>
          {t('aftersales.drawer.addNote')}
        </Button>
      </Flex>
    </div>
  );
}
