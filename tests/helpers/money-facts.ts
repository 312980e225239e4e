import type { LineFacts, Movement } from '../../src/core/money/money-facts';

/** A paid order line as money sees it: ¥100.00, shipped 09-01, confirmed 09-05, no after-sales. */
export const line = (id: string, patch: Partial<LineFacts> = {}): LineFacts => ({
  subOrderId: id,
  orderId: id,
  product: null,
  grossFen: 10_000,
  refundedFen: 0,
  hasInfluencer: false,
  shippedOn: '2026-09-01',
  confirmedOn: '2026-09-05',
  aftersale: 'none',
  aftersaleEndedOn: null,
  isClosed: false,
  ...patch,
});

/** A funds-flow movement; a settlement carries a ¥100.00 gross and a ¥5.00 platform fee. */
export const move = (subOrderId: string | null, on: string, kind: Movement['kind'], amountFen: number, patch: Partial<Movement> = {}): Movement => ({
  source: 'funds',
  key: `${subOrderId}-${on}-${amountFen}`,
  subOrderId,
  on,
  kind,
  amountFen,
  grossFen: kind === 'settlement' ? 10_000 : 0,
  platformFeeFen: kind === 'settlement' ? 500 : 0,
  commissionFen: 0,
  otherFeesFen: 0,
  hasInfluencer: false,
  ...patch,
});
