import { App, Button, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCEPTION_STATUSES, TRANSITIONS, type PurchaseStatus } from '../../../../../shared/domain/purchase-status';
import { useRpcMutation } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';

const INVALIDATES = { methods: ['purchases.forOrder', 'purchases.list'] } as const;

/** The moves the state machine allows from here; an exception asks for its reason first. */
export function StatusActions({ purchaseId, status }: { purchaseId: number; status: PurchaseStatus }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const move = useRpcMutation('purchases.move', { invalidates: INVALIDATES });
  const [asking, setAsking] = useState<PurchaseStatus | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState(false);
  const label = (s: PurchaseStatus) => t(`purchases.statuses.${s}`);

  const run = async (to: PurchaseStatus, text: string) => {
    try {
      const result = await move.mutate({ ids: [purchaseId], to, note: text });
      const refused = result.refused[0];
      if (refused) void message.warning(t(`purchases.refusal.${refused.problem}`, { from: label(refused.from), to: label(refused.to) }));
      else void message.success(t('purchases.panel.moved', { to: label(to) }));
      return refused === undefined;
    } catch (error) {
      showError(error);
      return false;
    }
  };

  return (
    <Flex gap={6} wrap align="center">
      <Typography.Text type="secondary">{t('purchases.panel.statusTitle')}：</Typography.Text>
      {TRANSITIONS[status].map((to) => {
        const exception = EXCEPTION_STATUSES.includes(to);
        return (
          <Button
            key={to}
            size="small"
            danger={exception}
            type={!exception ? 'primary' : 'default'}
            ghost={!exception}
            loading={move.isPending}
            onClick={() => {
              if (exception) {
                setNote('');
                setNoteError(false);
                setAsking(to);
              } else void run(to, '');
            }}
          >
            {t('purchases.panel.moveTo', { to: label(to) })}
          </Button>
        );
      })}
      <Modal
        open={asking !== null}
        title={asking ? t('purchases.panel.noteTitle', { to: label(asking) }) : ''}
        onCancel={() => setAsking(null)}
        okButtonProps={{ loading: move.isPending }}
        onOk={async () => {
          if (!asking) return;
          if (note.trim() === '') {
            setNoteError(true);
            return;
          }
          if (await run(asking, note)) setAsking(null);
        }}
        destroyOnHidden
      >
        <Input.TextArea
          aria-label={asking ? t('purchases.panel.noteTitle', { to: label(asking) }) : ''}
          value={note}
          status={noteError ? 'error' : undefined}
          onChange={(e) => {
            setNote(e.target.value);
            setNoteError(false);
          }}
          placeholder={t('purchases.panel.notePlaceholder')}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 5 }}
        />
        {noteError && <Typography.Text type="danger">{t('purchases.panel.noteRequired')}</Typography.Text>}
      </Modal>
    </Flex>
  );
}
