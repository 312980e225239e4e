/*
 * The purchase (采购 / 代发) state machine, pure and table-driven. DOMAIN.md's 代发 flow: receive
 * and check the order, place it with the supplier, pay and keep the proof, then the parcel ships
 * and is signed for. Exceptions (缺货 / 延迟 / 地址问题 / 已取消) can interrupt any open step and
 * need a note saying why; each leads back into the flow.
 */
export const PURCHASE_STATUSES = ['pending', 'ordered', 'paid', 'shipped', 'received', 'out_of_stock', 'delayed', 'address_issue', 'cancelled'] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];

export const FLOW_STATUSES: readonly PurchaseStatus[] = ['pending', 'ordered', 'paid', 'shipped', 'received'];
export const EXCEPTION_STATUSES: readonly PurchaseStatus[] = ['out_of_stock', 'delayed', 'address_issue', 'cancelled'];

/** Allowed moves: from → the states it may go to. Anything not listed is refused. */
export const TRANSITIONS: Readonly<Record<PurchaseStatus, readonly PurchaseStatus[]>> = {
  // Ordering and paying are often one step on WeChat (transfer, then the supplier confirms): pending → paid is allowed.
  pending: ['ordered', 'paid', 'out_of_stock', 'address_issue', 'cancelled'],
  ordered: ['pending', 'paid', 'out_of_stock', 'delayed', 'address_issue', 'cancelled'],
  paid: ['shipped', 'delayed', 'out_of_stock', 'address_issue', 'cancelled'],
  shipped: ['received', 'delayed', 'address_issue'],
  received: [],
  // Out of stock: try another supplier (pending) or the same one later.
  out_of_stock: ['pending', 'ordered', 'paid', 'cancelled'],
  delayed: ['ordered', 'paid', 'shipped', 'received', 'cancelled'],
  address_issue: ['pending', 'ordered', 'paid', 'shipped', 'cancelled'],
  // A cancelled purchase can be reopened (the buyer withdrew the refund request).
  cancelled: ['pending'],
};

export const STATUS_LABELS: Readonly<Record<PurchaseStatus, { zh: string; en: string }>> = {
  pending: { zh: '待采购', en: 'To purchase' },
  ordered: { zh: '已下单', en: 'Ordered' },
  paid: { zh: '已付款', en: 'Paid' },
  shipped: { zh: '已发货', en: 'Shipped' },
  received: { zh: '已签收', en: 'Received' },
  out_of_stock: { zh: '缺货', en: 'Out of stock' },
  delayed: { zh: '延迟', en: 'Delayed' },
  address_issue: { zh: '地址问题', en: 'Address problem' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const isPurchaseStatus = (value: string): value is PurchaseStatus => (PURCHASE_STATUSES as readonly string[]).includes(value);

export type MoveRefusal = 'illegal_transition' | 'note_required' | 'same_status';

/** Why moving `from` → `to` is refused, or null when it is allowed. An exception needs a non-blank note. */
export function checkMove(from: PurchaseStatus, to: PurchaseStatus, note: string): MoveRefusal | null {
  if (from === to) return 'same_status';
  if (!TRANSITIONS[from].includes(to)) return 'illegal_transition';
  if (EXCEPTION_STATUSES.includes(to) && note.trim() === '') return 'note_required';
  return null;
}

/** The refusal as a sentence naming both states, in the chosen language (CLI and core messages). */
export function describeRefusal(refusal: MoveRefusal, from: PurchaseStatus, to: PurchaseStatus, lang: 'zh' | 'en'): string {
  const f = STATUS_LABELS[from][lang];
  const t = STATUS_LABELS[to][lang];
  if (lang === 'zh') {
    if (refusal === 'same_status') return `采购已经是「${f}」`;
    if (refusal === 'note_required') return `改为「${t}」时请写明原因`;
    return `不能从「${f}」改为「${t}」（可改为：${TRANSITIONS[from].map((s) => STATUS_LABELS[s].zh).join('、') || '无'}）`;
  }
  if (refusal === 'same_status') return `The purchase is already "${f}"`;
  if (refusal === 'note_required') return `Moving to "${t}" needs a note saying why`;
  return `Cannot move from "${f}" to "${t}" (allowed: ${TRANSITIONS[from].map((s) => STATUS_LABELS[s].en).join(', ') || 'none'})`;
}

/** Statuses at which a later order export showing the line shipped moves the purchase to 已发货. */
export const SHIPPABLE_BY_EXPORT: readonly PurchaseStatus[] = ['pending', 'ordered', 'paid', 'delayed', 'address_issue', 'out_of_stock'];
