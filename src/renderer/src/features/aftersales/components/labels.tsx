import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AftersaleCaseRow } from '../../../../../shared/rpc/contract';
import { COUNTDOWN_COLOUR, countdownWords } from '../model';

/** The type as mapped; an unmapped text shows as written, marked. */
export function TypeTag({ row }: { row: Pick<AftersaleCaseRow, 'type' | 'typeText'> }) {
  const { t } = useTranslation();
  if (row.type === 'unknown') return <Tag color="warning">{`${t('aftersales.types.unknown')}「${row.typeText || '—'}」`}</Tag>;
  return <Tag>{t(`aftersales.types.${row.type}`)}</Tag>;
}

/** The countdown to 自动处理截止时间 as the core computed it (its clock, refetched each minute). */
export function CountdownTag({ row }: { row: Pick<AftersaleCaseRow, 'countdown' | 'deadlineAt' | 'open'> }) {
  const { t } = useTranslation();
  if (!row.open || row.deadlineAt === null) return <span>{t('aftersales.noDeadline')}</span>;
  const words = countdownWords(row.countdown);
  return (
    <span data-testid="countdown">
      <Tag color={COUNTDOWN_COLOUR[row.countdown.state]}>{t(`aftersales.countdown.${words.key}`, words.values)}</Tag>
      <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', whiteSpace: 'nowrap' }}>{row.deadlineAt.slice(0, 16)}</span>
    </span>
  );
}

export function ArbitrationTag({ row }: { row: Pick<AftersaleCaseRow, 'arbitration'> }) {
  const { t } = useTranslation();
  if (row.arbitration === 'none') return null;
  return <Tag color={row.arbitration === 'awaiting_evidence' ? 'red' : 'purple'}>{t(`aftersales.arbitration.${row.arbitration}`)}</Tag>;
}

export function OpenTag({ row }: { row: Pick<AftersaleCaseRow, 'open' | 'status' | 'origin'> }) {
  const { t } = useTranslation();
  const text = row.status ?? (row.open ? t('aftersales.open') : t('aftersales.done'));
  return <Tag color={row.open ? 'processing' : 'default'}>{text}</Tag>;
}
