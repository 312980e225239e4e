import { z } from 'zod';
import { isChinaDate } from '../../shared/domain/china-time';
import { DEFAULT_SETTLEMENT_RULE, SETTLEMENT_RULE_KINDS } from '../../shared/domain/settlement-rules';
import { CLOSURE_REASONS, ENTITY_TYPES, type MoneyProfile } from '../../shared/rpc/domains/money';
import type { Kysely } from 'kysely';
import type { MoneyDatabase } from './money-schema';

export const DEFAULT_MONEY_PROFILE: MoneyProfile = {
  entity: 'soleProprietor',
  categories: [],
  settlementRule: DEFAULT_SETTLEMENT_RULE.kind,
  perOrderDays: DEFAULT_SETTLEMENT_RULE.kind === 'perOrder' ? DEFAULT_SETTLEMENT_RULE.days : 10,
  experienceScore: null,
  autoConfirmDays: 10,
  overdueDays: 10,
  platformFeePercent: 5,
  commissionPercent: 20,
  closedOn: null,
  closureReason: null,
  refundAppliedOn: null,
  refundReceivedOn: null,
};

const date = z.string().refine(isChinaDate).nullable();
const SCHEMA: { [K in keyof MoneyProfile]: z.ZodType<MoneyProfile[K]> } = {
  entity: z.enum(ENTITY_TYPES),
  categories: z.array(z.string()),
  settlementRule: z.enum(SETTLEMENT_RULE_KINDS),
  perOrderDays: z.number().int().min(0),
  experienceScore: z.number().nullable(),
  autoConfirmDays: z.number().int().min(0),
  overdueDays: z.number().int().min(1),
  platformFeePercent: z.number().min(0),
  commissionPercent: z.number().min(0),
  closedOn: date,
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  refundAppliedOn: date,
  refundReceivedOn: date,
};
const KEYS = Object.keys(SCHEMA) as (keyof MoneyProfile)[];

/** One JSON value per key; a missing or hand-damaged value falls back to its default. */
export async function readProfile(db: Kysely<MoneyDatabase>): Promise<MoneyProfile> {
  const rows = await db.selectFrom('money_settings').select(['key', 'value']).execute();
  const profile: Record<string, unknown> = { ...DEFAULT_MONEY_PROFILE };
  for (const row of rows) {
    if (!(KEYS as string[]).includes(row.key)) continue;
    try {
      const parsed = SCHEMA[row.key as keyof MoneyProfile].safeParse(JSON.parse(row.value));
      if (parsed.success) profile[row.key] = parsed.data;
    } catch {
      // keep the default
    }
  }
  return profile as MoneyProfile;
}

export async function writeProfile(db: Kysely<MoneyDatabase>, patch: Partial<MoneyProfile>, now: Date): Promise<MoneyProfile> {
  await db.transaction().execute(async (trx) => {
    for (const key of KEYS) {
      const value = patch[key];
      if (value === undefined) continue;
      const row = { key, value: JSON.stringify(key === 'categories' ? [...new Set(value as string[])] : value), updated_at: now.toISOString() };
      await trx
        .insertInto('money_settings')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }))
        .execute();
    }
  });
  return readProfile(db);
}
