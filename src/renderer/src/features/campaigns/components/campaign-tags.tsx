import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../../../shared/rpc/contract';

const PHASE_COLOUR: Record<CampaignSummary['phase'], string> = { upcoming: 'default', signupOpen: 'processing', signupClosed: 'default', running: 'green', ended: 'default' };
const STATUS_COLOUR: Record<CampaignSummary['status'], string> = { planned: 'orange', signedUp: 'success', skipped: 'default' };

/** Status, phase, days left to the deadline while open, and "estimated" dates. */
export function CampaignTags({ campaign: c }: { campaign: CampaignSummary }) {
  const { t } = useTranslation();
  return (
    <>
      {/* Not signed up matters only while it still can be; an own campaign has nothing to sign up for. */}
      {c.origin === 'platform' && (c.status !== 'planned' || c.phase === 'upcoming' || c.phase === 'signupOpen' || c.phase === 'signupClosed') && (
        <Tag color={STATUS_COLOUR[c.status]}>{t(`campaigns.statuses.${c.status}`)}</Tag>
      )}
      <Tag color={PHASE_COLOUR[c.phase]}>{t(`campaigns.phases.${c.phase}`)}</Tag>
      {c.isOpen && c.daysToDeadline !== null && <Tag color={c.daysToDeadline <= 3 ? 'red' : 'blue'}>{c.daysToDeadline === 0 ? t('campaigns.deadlineToday') : t('campaigns.daysLeft', { count: c.daysToDeadline })}</Tag>}
      {c.datesEstimated && <Tag>{t('campaigns.estimated')}</Tag>}
      {c.origin === 'own' && <Tag color="purple">{t('campaigns.origins.own')}</Tag>}
    </>
  );
}
