import { Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { blockTitle } from '../../../../../shared/domain/routine-defaults';
import type { IdleAction, PendingIdle, RoutineBlockView } from '../../../../../shared/rpc/domains/routine';
import { formatChinaTime } from '../../../shared/ui/format';
import { useLocale } from '../../../shared/ui/use-locale';

/** Asks what to do with time away while a block ran; the time is never booked without an answer. */
export function IdlePrompt({ idle, blocks, onAnswer, isBusy }: { idle: PendingIdle; blocks: readonly RoutineBlockView[]; onAnswer(action: IdleAction): void; isBusy: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const block = blocks.find((b) => b.key === idle.blockKey);
  const name = block ? blockTitle(block, locale) : idle.blockKey;
  return (
    <Modal
      open
      closable={false}
      maskClosable={false}
      keyboard={false}
      title={t('today.idle.title', { minutes: idle.minutes })}
      footer={
        <Space wrap>
          <Button onClick={() => onAnswer('keep')} disabled={isBusy}>
            {t('today.idle.keep')}
          </Button>
          <Button onClick={() => onAnswer('discard')} disabled={isBusy} type="primary">
            {t('today.idle.discard')}
          </Button>
          <Button onClick={() => onAnswer('discardAndStop')} disabled={isBusy} danger>
            {t('today.idle.discardAndStop')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('today.idle.body', { block: name, from: formatChinaTime(idle.from).slice(11), to: formatChinaTime(idle.to).slice(11) })}</Typography.Paragraph>
    </Modal>
  );
}
