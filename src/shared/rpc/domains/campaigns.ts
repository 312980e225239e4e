import { z } from 'zod';
import { CAMPAIGN_TOOLS } from '../../domain/campaign-tools';
import type { PriceFloorCheck } from '../../domain/campaign-price-floor';
import { formatField, listField, numberField, textField } from '../../validation/field-schemas';

export { CAMPAIGN_TOOLS, type CampaignTool } from '../../domain/campaign-tools';
export { PRICE_FLOOR_FLAGS, type PriceFloorCheck, type PriceFloorFlag } from '../../domain/campaign-price-floor';

/** platform: the platform's calendar (seeded or typed in) · own: the seller's own promotion (no sign-up). */
export const CAMPAIGN_ORIGINS = ['platform', 'own'] as const;
export type CampaignOrigin = (typeof CAMPAIGN_ORIGINS)[number];

/** planned: not signed up yet · signedUp: registered on the platform · skipped: decided not to take part. */
export const CAMPAIGN_STATUSES = ['planned', 'signedUp', 'skipped'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

const id = z.number().int().positive();

/**
 * A campaign as typed in. Days are China dates (`YYYY-MM-DD`); a sign-up deadline is the whole of
 * its day. Ends may not come before starts (refused on the end, problem `beforeStart`).
 */
export const campaignFieldsSchema = z
  .object({
    name: textField('campaignName'),
    origin: z.enum(CAMPAIGN_ORIGINS),
    signupStart: formatField('campaignSignupStart').nullable(),
    signupDeadline: formatField('campaignSignupDeadline').nullable(),
    runStart: formatField('campaignRunStart'),
    runEnd: formatField('campaignRunEnd'),
    /** The dates are an estimate (the platform has not published them yet). */
    datesEstimated: z.boolean(),
    requirements: textField('campaignRequirements'),
    tools: listField('campaignTools', z.enum(CAMPAIGN_TOOLS, { error: 'campaignTools' })),
    notes: textField('campaignNotes'),
  })
  .strict();
export type CampaignFields = z.infer<typeof campaignFieldsSchema>;

/** A product entered in a campaign at its campaign price, with the floor check at that price. */
export type CampaignProduct = {
  id: number;
  productId: number;
  title: string;
  stage: string;
  priceFen: number;
  /** The product's planned (usual) price, for comparison; null without one. */
  plannedPriceFen: number | null;
  check: PriceFloorCheck;
};

export type CampaignSummary = CampaignFields & {
  id: number;
  seedKey: string | null;
  year: number;
  status: CampaignStatus;
  signedUpAt: string | null;
  /** Sign-up is open today (China day): platform, not signed up or skipped, start ≤ today ≤ deadline. */
  isOpen: boolean;
  /** Whole China days from today to the sign-up deadline (0 = today); null without a deadline. */
  daysToDeadline: number | null;
  phase: CampaignPhase;
  products: CampaignProduct[];
  /** Products whose campaign price is below break-even or the target margin. */
  flagged: number;
  createdAt: string;
  updatedAt: string;
};

/** Where the campaign stands today: before sign-up, sign-up open, sign-up closed, running, over. */
export type CampaignPhase = 'upcoming' | 'signupOpen' | 'signupClosed' | 'running' | 'ended';

export type CampaignSettings = {
  /** Days before a sign-up deadline its reminder comes (0 = on the day). */
  signupLeadDays: number;
};

export const campaignMethods = {
  /** A year's campaigns by run start (seeding that year's platform calendar on first use), or only those open for sign-up now. */
  'campaigns.list': z.object({ year: numberField('campaignYear').optional(), open: z.boolean().optional() }).strict(),
  /** Errors: NOT_FOUND. */
  'campaigns.get': z.object({ id }).strict(),
  /** Errors: VALIDATION (names the field). */
  'campaigns.create': campaignFieldsSchema.partial().extend({ name: textField('campaignName'), runStart: formatField('campaignRunStart'), runEnd: formatField('campaignRunEnd') }).strict(),
  /** Errors: VALIDATION, NOT_FOUND. */
  'campaigns.update': z.object({ id, patch: campaignFieldsSchema.partial() }).strict(),
  /** The campaign and its product entries. Errors: NOT_FOUND. */
  'campaigns.remove': z.object({ id }).strict(),
  /** Signed up, skipped, or back to planned. Errors: NOT_FOUND. */
  'campaigns.setStatus': z.object({ id, status: z.enum(CAMPAIGN_STATUSES) }).strict(),
  /** Enters a sourcing product at a campaign price. Errors: VALIDATION (already entered), NOT_FOUND. */
  'campaigns.addProduct': z.object({ campaignId: id, productId: id, priceFen: numberField('campaignPrice') }).strict(),
  'campaigns.updateProduct': z.object({ id, priceFen: numberField('campaignPrice') }).strict(),
  'campaigns.removeProduct': z.object({ id }).strict(),
  /** The floor check of a price for a product, before it is entered. Errors: NOT_FOUND. */
  'campaigns.checkPrice': z.object({ productId: id, priceFen: numberField('campaignPrice') }).strict(),
  'campaigns.settings': z.object({}).strict(),
  'campaigns.updateSettings': z.object({ signupLeadDays: numberField('signupLeadDays') }).strict(),
} as const;

export type CampaignResults = {
  'campaigns.list': CampaignSummary[];
  'campaigns.get': CampaignSummary;
  'campaigns.create': CampaignSummary;
  'campaigns.update': CampaignSummary;
  'campaigns.remove': { removed: boolean };
  'campaigns.setStatus': CampaignSummary;
  'campaigns.addProduct': CampaignSummary;
  'campaigns.updateProduct': CampaignSummary;
  'campaigns.removeProduct': CampaignSummary;
  'campaigns.checkPrice': PriceFloorCheck & { productId: number; title: string };
  'campaigns.settings': CampaignSettings;
  'campaigns.updateSettings': CampaignSettings;
};

export type CampaignEvents = {
  /** A campaign, its products or the settings changed (Today's 活动报名 block and the screen reload). */
  'campaigns.changed': { id: number | null };
};
