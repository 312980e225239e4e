import type { HealthMetric } from '../../../../shared/rpc/domains/health';
import type { NumberFieldKey } from '../../../../shared/validation/field-specs';

/** Each metric's catalogue field (its label, unit and allowed range; shared/validation/field-specs.ts). */
export const METRIC_FIELD: Record<HealthMetric, NumberFieldKey> = {
  experienceScore: 'healthExperience',
  productScore: 'healthProductScore',
  logisticsScore: 'healthLogisticsScore',
  serviceScore: 'healthServiceScore',
  dsr: 'healthDsr',
  goodReviewPct: 'healthGoodReview',
  visitors: 'healthVisitors',
  clickers: 'healthClickers',
  ctrPct: 'healthCtr',
  conversionPct: 'healthConversion',
  reply3mPct: 'healthReply3m',
};

/** The form's two groups, in the order the back office shows them. */
export const SCORE_METRICS: readonly HealthMetric[] = ['experienceScore', 'productScore', 'logisticsScore', 'serviceScore', 'dsr', 'goodReviewPct'];
export const TRAFFIC_METRICS: readonly HealthMetric[] = ['visitors', 'clickers', 'ctrPct', 'conversionPct', 'reply3mPct'];
