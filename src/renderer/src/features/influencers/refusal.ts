import { describeSampleRefusal, isSampleState, type SampleMoveRefusal } from '../../../../shared/domain/influencer-pipeline';
import type { Language } from '../../../../shared/rpc/contract';
import { validationMessage } from '../../../../shared/i18n/validation-messages';
import { issuesFromDetails } from '../../../../shared/validation/issues';

const detailsOf = (error: unknown): Record<string, unknown> | undefined =>
  typeof error === 'object' && error !== null && 'details' in error ? (error.details as Record<string, unknown> | undefined) : undefined;

/** A refused sample move in the reader's language, naming both states and what is allowed; null for other errors. */
export function sampleRefusalText(error: unknown, locale: Language): string | null {
  const d = detailsOf(error);
  const refusal = d?.refusal;
  if (typeof refusal !== 'string' || typeof d?.from !== 'string' || typeof d.to !== 'string' || !isSampleState(d.from) || !isSampleState(d.to)) return null;
  return describeSampleRefusal(refusal as SampleMoveRefusal, d.from, d.to, locale === 'zh-CN' ? 'zh' : 'en');
}

/** A refused CSV row: "第 3 行：请填写达人昵称" / "Row 3: Influencer nickname is required"; null for other errors. */
export function csvRowText(error: unknown, locale: Language): string | null {
  const first = issuesFromDetails(detailsOf(error)).find((i) => /^row \d+\./.test(i.path));
  if (!first) return null;
  const row = /^row (\d+)\.(.*)$/.exec(first.path)!;
  const text = first.field ? validationMessage({ ...first, path: row[2] ?? '' }, locale) : first.message;
  return locale === 'zh-CN' ? `第 ${row[1]} 行：${text}` : `Row ${row[1]}: ${text}`;
}
