import { CaretRightOutlined, CheckOutlined, PauseOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Collapse, Flex, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { blockTitle, checklistText } from '../../../../../shared/domain/routine-defaults';
import type { RoutineBlockView } from '../../../../../shared/rpc/domains/routine';
import { useLocale } from '../../../shared/ui/use-locale';
import { formatClock, liveSeconds, targetPercent } from '../model';
import { QueuePanel } from './queue-panel';

const STATUS_COLOUR = { todo: 'default', running: 'processing', paused: 'warning', done: 'success' } as const;

export type BlockActions = {
  start(key: string): void;
  pause(): void;
  finish(key: string): void;
  check(itemId: number, checked: boolean): void;
};

/** One block of today's routine: live time against its target, controls, checklist and queue. */
export function BlockCard({ block, asOfMs, coreNowMs, actions, isBusy }: { block: RoutineBlockView; asOfMs: number; coreNowMs: number; actions: BlockActions; isBusy: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = blockTitle(block, locale);
  const seconds = liveSeconds(block, asOfMs, coreNowMs);
  const targetSeconds = block.targetMinutes * 60;
  const isOver = seconds >= targetSeconds;
  const checked = block.checklist.filter((i) => i.checked).length;
  const isRunning = block.status === 'running';

  const controls = (
    <Space>
      {isRunning ? (
        <Button icon={<PauseOutlined aria-hidden />} onClick={actions.pause} disabled={isBusy}>
          {t('today.block.pause')}
        </Button>
      ) : (
        <Button type={block.status === 'todo' ? 'primary' : 'default'} icon={<CaretRightOutlined aria-hidden />} onClick={() => actions.start(block.key)} disabled={isBusy}>
          {block.status === 'paused' ? t('today.block.resume') : block.status === 'done' ? t('today.block.reopen') : t('today.block.start')}
        </Button>
      )}
      {block.status !== 'done' && block.status !== 'todo' && (
        <Button icon={<CheckOutlined aria-hidden />} onClick={() => actions.finish(block.key)} disabled={isBusy}>
          {t('today.block.finish')}
        </Button>
      )}
    </Space>
  );

  return (
    <Card
      size="small"
      role="region"
      aria-label={title}
      data-block={block.key}
      style={{ opacity: block.isScheduled || block.status !== 'todo' ? 1 : 0.6, borderColor: isRunning ? '#1677ff' : undefined }}
      title={
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
            {title}
          </Typography.Title>
          <Tag color={STATUS_COLOUR[block.status]}>{t(`today.block.status.${block.status}`)}</Tag>
          {!block.isScheduled && <Tag>{t('today.block.notPlanned')}</Tag>}
        </Flex>
      }
      extra={controls}
    >
      <Flex align="center" gap={16} wrap>
        <Typography.Text strong style={{ fontSize: 22, fontVariantNumeric: 'tabular-nums', color: isOver ? '#d46b08' : undefined }} aria-live="off" data-testid="elapsed">
          {formatClock(seconds)}
        </Typography.Text>
        <Typography.Text type="secondary">{t('today.block.target', { minutes: block.targetMinutes })}</Typography.Text>
        {(block.status === 'running' || block.status === 'paused') && (
          <Typography.Text type={isOver ? 'warning' : 'secondary'} data-testid="target-state">
            {isOver ? t('today.block.overTarget', { time: formatClock(seconds - targetSeconds) }) : t('today.block.remaining', { time: formatClock(targetSeconds - seconds) })}
          </Typography.Text>
        )}
      </Flex>
      <Progress percent={targetPercent(seconds, block.targetMinutes)} showInfo={false} size="small" status={isOver ? 'success' : isRunning ? 'active' : 'normal'} />
      <Collapse
        // Remounted when the block starts or stops: the running block opens its checklist and queue.
        key={isRunning ? 'running' : 'idle'}
        ghost
        size="small"
        defaultActiveKey={isRunning ? ['checklist', 'queue'] : []}
        items={[
          ...(block.checklist.length > 0
            ? [
                {
                  key: 'checklist',
                  label: t('today.block.checklistCount', { done: checked, total: block.checklist.length }),
                  children: (
                    <Flex vertical gap={4}>
                      {block.checklist.map((item) => (
                        <Checkbox key={item.id} checked={item.checked} disabled={isBusy} onChange={(e) => actions.check(item.id, e.target.checked)}>
                          {checklistText(item, locale)}
                        </Checkbox>
                      ))}
                    </Flex>
                  ),
                },
              ]
            : []),
          ...(block.queue ? [{ key: 'queue', label: `${t('today.queue.title')} · ${block.queue.count}`, children: <QueuePanel queue={block.queue} /> }] : []),
        ]}
      />
    </Card>
  );
}
