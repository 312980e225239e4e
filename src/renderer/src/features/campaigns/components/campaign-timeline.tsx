import { Flex, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../../../shared/rpc/contract';
import { barOf, monthStarts } from '../model';
import { campaignName } from '../../../../../shared/domain/campaign-names';
import { useLocale } from '../../../shared/ui/use-locale';

const RUN_COLOUR: Record<CampaignSummary['status'], string> = { planned: '#fa8c16', signedUp: '#52c41a', skipped: '#bfbfbf' };

/** The year as a strip per campaign: the sign-up window (light) and the run (solid), with today's line. */
export function CampaignTimeline({ year, today, campaigns, onOpen }: { year: number; today: string; campaigns: readonly CampaignSummary[]; onOpen(id: number): void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const locale = useLocale();
  const months = monthStarts(year);
  const todayBar = barOf(today, today, year);
  const grid = (
    <>
      {months.map((left, i) => (
        <div key={i} aria-hidden style={{ position: 'absolute', top: 0, bottom: 0, left: `${left}%`, borderLeft: `1px solid ${token.colorBorderSecondary}` }} />
      ))}
      {todayBar && <div aria-hidden style={{ position: 'absolute', top: 0, bottom: 0, left: `${todayBar.left}%`, borderLeft: `2px solid ${token.colorError}`, zIndex: 1 }} />}
    </>
  );
  return (
    <Flex vertical gap={4} role="list" aria-label={t('campaigns.timeline.title')}>
      <Flex>
        <div style={{ width: 200, flex: 'none' }} />
        <div style={{ position: 'relative', flex: 1, height: 20 }}>
          {months.map((left, i) => (
            <Typography.Text key={i} type="secondary" style={{ position: 'absolute', left: `${left}%`, paddingLeft: 4, fontSize: 12 }}>
              {t(`campaigns.timeline.months.m${i + 1}` as 'campaigns.timeline.months.m1')}
            </Typography.Text>
          ))}
        </div>
      </Flex>
      {campaigns.map((c) => {
        const signup = c.signupDeadline ? barOf(c.signupStart ?? c.signupDeadline, c.signupDeadline, year) : null;
        const run = barOf(c.runStart, c.runEnd, year);
        const name = campaignName(c, locale);
        const label = `${name} · ${t(`campaigns.statuses.${c.status}`)}`;
        return (
          <Flex key={c.id} role="listitem" align="center" style={{ cursor: 'pointer' }} onClick={() => onOpen(c.id)} data-campaign-row={c.id}>
            <Typography.Text ellipsis style={{ width: 200, flex: 'none', paddingRight: 8 }} title={name}>
              {name}
            </Typography.Text>
            <div style={{ position: 'relative', flex: 1, height: 22, background: token.colorFillQuaternary, borderRadius: 4 }}>
              {grid}
              {signup && (
                <Tooltip title={`${t('campaigns.timeline.signup')} ${t('campaigns.range', { from: c.signupStart ?? '—', to: c.signupDeadline })}`}>
                  <div style={{ position: 'absolute', top: 4, height: 14, left: `${signup.left}%`, width: `max(${signup.width}%, 3px)`, background: '#91caff', borderRadius: 3 }} />
                </Tooltip>
              )}
              {run && (
                <Tooltip title={`${label} · ${t('campaigns.timeline.run')} ${t('campaigns.range', { from: c.runStart, to: c.runEnd })}`}>
                  <div
                    style={{
                      position: 'absolute',
                      top: 2,
                      height: 18,
                      left: `${run.left}%`,
                      width: `max(${run.width}%, 4px)`,
                      background: RUN_COLOUR[c.status],
                      borderRadius: 3,
                      opacity: c.datesEstimated ? 0.65 : 1,
                      outline: c.flagged > 0 ? `2px solid ${token.colorError}` : undefined,
                    }}
                  />
                </Tooltip>
              )}
            </div>
          </Flex>
        );
      })}
      <Flex gap={16} style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <span style={{ display: 'inline-block', width: 12, height: 8, background: '#91caff', marginRight: 4 }} />
          {t('campaigns.timeline.signup')}
        </Typography.Text>
        {(['planned', 'signedUp', 'skipped'] as const).map((s) => (
          <Typography.Text key={s} type="secondary" style={{ fontSize: 12 }}>
            <span style={{ display: 'inline-block', width: 12, height: 8, background: RUN_COLOUR[s], marginRight: 4 }} />
            {`${t('campaigns.timeline.run')} · ${t(`campaigns.statuses.${s}`)}`}
          </Typography.Text>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <span style={{ display: 'inline-block', width: 2, height: 10, background: token.colorError, marginRight: 4 }} />
          {t('campaigns.timeline.today')}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
