/*
 * The product pipeline: 候选 → 已核验 → 已上架 → 已出单 → 已下架, or 放弃 with a reason.
 * Pure, so the core enforces it and the renderer shows only the moves that are allowed.
 */
export const PRODUCT_STAGES = ['candidate', 'verified', 'listed', 'selling', 'delisted', 'abandoned'] as const;
export type ProductStage = (typeof PRODUCT_STAGES)[number];

export const ABANDON_REASONS = ['low_margin', 'supplier_unstable', 'seasonal', 'fragile', 'aftersales_heavy', 'tag_mismatch', 'other'] as const;
export type AbandonReason = (typeof ABANDON_REASONS)[number];

const NEXT: Record<ProductStage, readonly ProductStage[]> = {
  candidate: ['verified', 'abandoned'],
  // Back to candidate when a check turns something up that needs another look.
  verified: ['listed', 'candidate', 'abandoned'],
  // 已出单 is normally reached by the first imported order; a manual move is allowed for
  // orders the user knows about before the next import.
  listed: ['selling', 'delisted'],
  selling: ['delisted'],
  // Relisting a delisted product counts as a new listing that day.
  delisted: ['listed'],
  abandoned: ['candidate'],
};

export const allowedMoves = (from: ProductStage): readonly ProductStage[] => NEXT[from];

export const canMove = (from: ProductStage, to: ProductStage): boolean => NEXT[from].includes(to);

export type MoveProblem = 'not_allowed' | 'reason_required' | 'title_required' | 'planned_price_required';

/** Why a move may not happen, or null when it may. */
export function checkMove(
  product: { stage: ProductStage; title: string; plannedPriceFen: number | null },
  to: ProductStage,
  reason: AbandonReason | null,
): MoveProblem | null {
  if (!canMove(product.stage, to)) return 'not_allowed';
  if (to === 'abandoned' && reason === null) return 'reason_required';
  if (to === 'listed' && product.title.trim() === '') return 'title_required';
  if (to === 'listed' && product.plannedPriceFen === null) return 'planned_price_required';
  return null;
}

/** Where a candidate was found (DOMAIN.md's selection sources). */
export const SOURCE_CHANNELS = ['chanmama_rank', 'affiliate', 'influencer_live', 'other_platform', 'supply_new', 'other'] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

/** What an optimisation-log line records. */
export const LOG_KINDS = ['title', 'main_image', 'sku', 'price', 'other'] as const;
export type LogKind = (typeof LOG_KINDS)[number];
