import { Card, Flex, Progress, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRpcQuery } from '../../../app/use-rpc';

/** Today's new influencers against the daily goal (DOMAIN.md block 5: at least 10 a day), with the streak. */
export function GoalCard() {
  const { t } = useTranslation();
  const goal = useRpcQuery('influencers.goal', {}, { refetchOn: ['influencers.changed'] });
  const g = goal.data;
  if (!g) return null;
  return (
    <Card size="small" data-testid="influencer-goal">
      <Flex gap={32} align="center" wrap>
        <Statistic title={t('influencers.goal.added')} value={t('influencers.goal.value', { count: g.addedToday, goal: g.goal })} />
        <Progress type="circle" size={56} percent={Math.min(100, Math.floor((g.addedToday * 100) / g.goal))} status={g.isMet ? 'success' : 'normal'} />
        <Statistic title={t('influencers.goal.streak')} value={t('influencers.goal.streakValue', { count: g.streak })} />
        <Typography.Text type={g.isMet ? 'success' : 'secondary'}>
          {g.isMet ? t('influencers.goal.met') : t('influencers.goal.short', { count: g.goal - g.addedToday })} · {t('influencers.goal.best', { count: g.best })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
