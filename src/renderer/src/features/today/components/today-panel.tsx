import { Alert, Button, Card, Empty, Flex, Popconfirm, Progress, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdleAction, Method, ParamsOf } from '../../../../../shared/rpc/contract';
import { useClient, useInvalidate, useRpcQuery } from '../../../app/use-rpc';
import { useErrorMessage, useShowError } from '../../../shared/ui/error-message';
import { useCoreNow } from '../hooks/use-core-now';
import { useIdleReporting } from '../hooks/use-idle-reporting';
import { formatHoursMinutes, liveSeconds } from '../model';
import { BlockCard, type BlockActions } from './block-card';
import { CatchUpCard } from './catch-up-card';
import { IdlePrompt } from './idle-prompt';
import { MorningBrief } from './morning-brief';

// Campaigns, product costs (the 活动报名 floor flags) and the language (seeded campaign names) change Today's queues too.
const REFRESH_ON = ['routine.changed', 'reminders.fired', 'reminders.changed', 'imports.finished', 'imports.undone', 'backups.restored', 'campaigns.changed', 'sourcing.changed', 'settings.changed'] as const;

/** Today's routine: brief, catch-up, progress and close, the blocks with live timers, the idle question. */
export function TodayPanel({ onNavigate }: { onNavigate(screen: string): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const invalidate = useInvalidate();
  const showError = useShowError();
  const describe = useErrorMessage();
  const today = useRpcQuery('routine.today', {}, { refetchOn: REFRESH_ON });
  const view = today.data;
  const { now: coreNow, skew } = useCoreNow(view?.now);
  const asOf = view ? Date.parse(view.now) : 0;
  useIdleReporting(view !== undefined && view.running !== null, skew);
  const [busy, setBusy] = useState(false);
  // Time windows (ship within 24 h, the China day) move on even when nothing is pushed.
  const { refetch } = today;
  useEffect(() => {
    const timer = window.setInterval(refetch, 60_000);
    return () => window.clearInterval(timer);
  }, [refetch]);

  const act = useCallback(
    async <M extends Method>(method: M, params: ParamsOf<M>) => {
      setBusy(true);
      try {
        await client.call(method, params);
      } catch (error) {
        showError(error);
      } finally {
        setBusy(false);
        invalidate({ methods: ['routine.today', 'routine.status'] });
      }
    },
    [client, invalidate, showError],
  );
  const actions: BlockActions = {
    start: (block) => void act('routine.start', { block }),
    pause: () => void act('routine.pause', {}),
    finish: (block) => void act('routine.finish', { block }),
    check: (itemId, checked) => void act('routine.check', { itemId, checked }),
  };

  if (!view) {
    if (today.error !== undefined) return <Alert type="error" showIcon title={describe(today.error)} action={<Button onClick={today.refetch}>{t('app.retry')}</Button>} />;
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }

  const units = { h: t('today.units.h'), min: t('today.units.min') };
  const spentSeconds = view.blocks.reduce((sum, b) => sum + liveSeconds(b, asOf, coreNow), 0);
  const { progress } = view;
  const isAllDone = progress.total > 0 && progress.done === progress.total;

  return (
    <Flex vertical gap={16}>
      {view.catchUp && <CatchUpCard catchUp={view.catchUp} isBusy={busy} onClose={() => void act('routine.closeDay', { date: view.catchUp?.date ?? view.date })} />}
      <MorningBrief view={view} onImport={() => onNavigate('imports')} />
      <Card size="small" role="region" aria-label={t('today.progress.title')}>
        <Flex align="center" justify="space-between" gap={16} wrap>
          <Flex vertical gap={2} style={{ minWidth: 220, flex: 1 }}>
            <Typography.Text strong>{t('today.progress.blocks', { done: progress.done, total: progress.total })}</Typography.Text>
            <Typography.Text type="secondary">
              {t('today.progress.time', { spent: formatHoursMinutes(spentSeconds / 60, units), target: formatHoursMinutes(progress.targetMinutes, units) })}
            </Typography.Text>
            <Progress percent={progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100)} size="small" />
          </Flex>
          {view.isClosed ? (
            <Flex vertical align="end">
              <Typography.Text strong type="success">
                {t('today.progress.closed')}
              </Typography.Text>
              <Typography.Text type="secondary">{t('today.progress.closedHint')}</Typography.Text>
            </Flex>
          ) : (
            <Popconfirm title={t('today.progress.closeConfirm')} onConfirm={() => void act('routine.closeDay', { date: view.date })} okText={t('today.progress.close')} cancelText={t('common.cancel')}>
              <Button type={isAllDone ? 'primary' : 'default'} disabled={busy}>
                {t('today.progress.close')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
        {isAllDone && !view.isClosed && <Alert type="success" showIcon title={t('today.progress.allDone')} style={{ marginTop: 12 }} />}
      </Card>
      {view.blocks.length === 0 ? (
        <Empty />
      ) : (
        view.blocks.map((block) => <BlockCard key={block.key} block={block} asOfMs={asOf} coreNowMs={coreNow} actions={actions} isBusy={busy} />)
      )}
      {view.pendingIdle && (
        <IdlePrompt idle={view.pendingIdle} blocks={view.blocks} isBusy={busy} onAnswer={(action: IdleAction) => void act('routine.resolveIdle', { id: view.pendingIdle?.id ?? 0, action })} />
      )}
    </Flex>
  );
}
