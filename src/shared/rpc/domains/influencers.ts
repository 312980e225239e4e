import { z } from 'zod';
import { CONTACT_CHANNELS, INFLUENCER_SOURCES, INFLUENCER_STAGES, SAMPLE_STATES, type ContactChannel, type InfluencerSource, type SampleState } from '../../domain/influencer-pipeline';
import type { GoalProgress } from '../../domain/influencer-goal';
import { formatField, listField, numberField, textField } from '../../validation/field-schemas';

export { CONTACT_CHANNELS, INFLUENCER_STAGES, SAMPLE_STATES, type ContactChannel, type InfluencerSource, type InfluencerStage, type SampleState } from '../../domain/influencer-pipeline';
export type { GoalProgress } from '../../domain/influencer-goal';

/*
 * The influencer (达人) CRM and the sample (寄样) ledger, issue 13. Money is integer fen, rates bp,
 * dates China dates `YYYY-MM-DD`. An influencer found in imported orders (达人ID on an order line)
 * is created with source `orders` and the nickname of the newest export.
 */

const id = z.number().int().positive();
const optionalDate = (key: 'nextContactOn' | 'contentDueOn' | 'sampleDate') => formatField(key).nullable();

export const influencerFieldsSchema = z
  .object({
    nickname: textField('influencerNickname'),
    /** 达人ID as exported (digits, kept as text: 12–19 digits are past JavaScript's safe integers); '' when not known yet. */
    douyinId: z.union([z.literal(''), formatField('douyinId')]),
    platform: textField('influencerPlatform'),
    wechat: textField('wechat'),
    phone: textField('influencerPhone'),
    fans: numberField('fans').nullable(),
    categories: listField('influencerCategories', textField('influencerCategory')),
    contactPerson: textField('contactPerson'),
    notes: textField('influencerNotes'),
    tags: listField('influencerTags', textField('influencerTag')),
    stage: z.enum(INFLUENCER_STAGES),
    nextContactOn: optionalDate('nextContactOn'),
  })
  .strict();
export type InfluencerFields = z.infer<typeof influencerFieldsSchema>;

export type SalesFigures = { orders: number; lines: number; amountFen: number; refundedFen: number };

/** Commission on the attributed lines: from the funds flow (佣金) where imported, else the product's expected rate. */
export type CommissionFigures = { fen: number; fromFundsLines: number; estimatedLines: number; unknownLines: number };

export type SampleCounts = { sent: number; signed: number; withContent: number };

export type InfluencerSummary = InfluencerFields & {
  id: number;
  source: InfluencerSource;
  /** The nickname on the newest order export, when the 达人ID appears in imported orders. */
  exportNickname: string | null;
  sales: SalesFigures;
  commission: CommissionFigures;
  samples: SampleCounts;
  /** withContent / signed, bp; null before a sample was signed. */
  fulfilmentBp: number | null;
  /** Cost + freight of the samples that left, fen. */
  sampleCostFen: number;
  /** Attributed sales (订单应付金额) since the first sample was sent, fen. */
  salesSinceFirstSampleFen: number;
  /** salesSinceFirstSample / sampleCost in bp (成交金额 / 花费); null without sample cost. */
  roiBp: number | null;
  /** Samples signed long ago (settings.noContentFlagDays) without content. */
  noContentFlag: boolean;
  lastContactOn: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ContactEntry = { id: number; influencerId: number; on: string; channel: ContactChannel; note: string; createdAt: string };

export type SalesRow = SalesFigures & { key: string; title: string; commissionFen: number };

export type SampleView = {
  id: number;
  influencerId: number;
  influencerNickname: string;
  productId: number | null;
  productTitle: string;
  costFen: number;
  freightFen: number;
  state: SampleState;
  sentOn: string | null;
  trackingNo: string;
  signedOn: string | null;
  /** As entered, or null: then due `contentDueDays` after signing (dueOn says the day it is late). */
  contentDueOn: string | null;
  contentLink: string;
  contentOn: string | null;
  result: string;
  /** What the sample waits for and the China day it became (or becomes) late; null when nothing is awaited. */
  due: { rule: 'unsigned' | 'contentDue'; dueOn: string; isLate: boolean } | null;
  createdAt: string;
  updatedAt: string;
};

export type InfluencerDetail = InfluencerSummary & {
  contacts: ContactEntry[];
  sampleList: SampleView[];
  byProduct: SalesRow[];
  byMonth: SalesRow[];
};

export type InfluencerSettings = { dailyGoal: number; unsignedDays: number; contentDueDays: number; noContentFlagDays: number };

export const influencerSettingsSchema = z
  .object({
    dailyGoal: numberField('dailyGoal'),
    unsignedDays: numberField('unsignedDays'),
    contentDueDays: numberField('contentDueDays'),
    noContentFlagDays: numberField('noContentFlagDays'),
  })
  .strict();

export type MessageProductView = { productId: number; title: string; link: string; imageName: string; imageId: number | null; priceFen: number | null; commissionBp: number };

export type InfluencerCsvResult = { created: number; updated: number; rows: number };

export const sampleFieldsSchema = z
  .object({
    productId: id.nullable(),
    productTitle: textField('sampleProductTitle'),
    costFen: numberField('sampleCost'),
    freightFen: numberField('sampleFreight'),
    trackingNo: textField('trackingNo'),
    contentDueOn: optionalDate('contentDueOn'),
    contentLink: textField('contentLink'),
    result: textField('sampleResult'),
    sentOn: optionalDate('sampleDate'),
    signedOn: optionalDate('sampleDate'),
    contentOn: optionalDate('sampleDate'),
  })
  .strict();
export type SampleFields = z.infer<typeof sampleFieldsSchema>;

export const influencerMethods = {
  'influencers.list': z
    .object({
      search: textField('influencerSearch').optional(),
      stage: z.enum(INFLUENCER_STAGES).optional(),
      source: z.enum(INFLUENCER_SOURCES).optional(),
      tag: textField('influencerTag').optional(),
      /** Only those whose next contact date is today or earlier. */
      followUpDue: z.boolean().optional(),
      /** Only those flagged "samples taken, no content". */
      noContent: z.boolean().optional(),
    })
    .strict(),
  /** Errors: NOT_FOUND. */
  'influencers.get': z.object({ id }).strict(),
  /** Errors: VALIDATION (a 达人ID already in the CRM: path douyinId, problem duplicate). */
  'influencers.create': influencerFieldsSchema.partial().extend({ nickname: textField('influencerNickname') }).strict(),
  'influencers.update': z.object({ id, patch: influencerFieldsSchema.partial() }).strict(),
  'influencers.remove': z.object({ id }).strict(),
  /** One contact-history entry; `nextContactOn` (optional) sets the follow-up date in the same write. */
  'influencers.addContact': z
    .object({ influencerId: id, on: formatField('contactDate'), channel: z.enum(CONTACT_CHANNELS), note: textField('contactNote'), nextContactOn: optionalDate('nextContactOn').optional() })
    .strict(),
  'influencers.removeContact': z.object({ id }).strict(),
  /** Every influencer as CSV (UTF-8 with BOM), formula-safe. */
  'influencers.exportCsv': z.object({}).strict(),
  /**
   * A CSV in the export's columns (nickname required; 达人ID matches an existing record, which is
   * updated). All rows or none: the first bad row is refused with its row number and column.
   */
  'influencers.importCsv': z.object({ dataBase64: z.string().min(1).max(14_000_000) }).strict(),
  'influencers.settings': z.object({}).strict(),
  'influencers.updateSettings': influencerSettingsSchema.partial().strict(),
  /** Today's new influencers against the daily goal, with the streak over China days. */
  'influencers.goal': z.object({}).strict(),
  /** Products (from 选品) for the "send new products" message. */
  'influencers.messageProducts': z.object({ productIds: listField('messageProducts', id).min(1, { error: 'messageProducts' }) }).strict(),
  'samples.list': z.object({ due: z.boolean().optional(), influencerId: id.optional(), state: z.enum(SAMPLE_STATES).optional() }).strict(),
  /** Cost defaults to the product's cost stack (进货价 + 供应商运费) when a product is chosen. Errors: NOT_FOUND. */
  'samples.create': sampleFieldsSchema.partial().extend({ influencerId: id }).strict(),
  'samples.update': z.object({ id, patch: sampleFieldsSchema.partial() }).strict(),
  /** Along the table in influencer-pipeline.ts; an illegal move is a VALIDATION error naming both states. */
  'samples.move': z.object({ id, to: z.enum(SAMPLE_STATES), on: formatField('sampleDate').optional(), trackingNo: textField('trackingNo').optional(), contentLink: textField('contentLink').optional(), result: textField('sampleResult').optional() }).strict(),
  'samples.remove': z.object({ id }).strict(),
} as const;

export type InfluencerResults = {
  'influencers.list': InfluencerSummary[];
  'influencers.get': InfluencerDetail;
  'influencers.create': InfluencerDetail;
  'influencers.update': InfluencerDetail;
  'influencers.remove': { removed: boolean };
  'influencers.addContact': InfluencerDetail;
  'influencers.removeContact': { removed: boolean };
  'influencers.exportCsv': { csv: string; rows: number };
  'influencers.importCsv': InfluencerCsvResult;
  'influencers.settings': InfluencerSettings;
  'influencers.updateSettings': InfluencerSettings;
  'influencers.goal': GoalProgress;
  'influencers.messageProducts': MessageProductView[];
  'samples.list': SampleView[];
  'samples.create': SampleView;
  'samples.update': SampleView;
  'samples.move': SampleView;
  'samples.remove': { removed: boolean };
};

export type InfluencerEvents = {
  /** Influencers or samples were added, changed or created from an import; screens refetch. */
  'influencers.changed': { ids: number[] };
};
