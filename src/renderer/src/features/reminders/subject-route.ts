import { hashForScreen } from '../../app/hash-route';

/** A screen and the hash parameters that open the thing on it (`suppliers` + `supplier=12`). */
export type SubjectRoute = { screen: string; params: Record<string, string> };

/** A whole positive number as text, or null: ids from a subject are outside input. */
const idOf = (text: string): string | null => (/^[1-9]\d{0,15}$/.test(text) ? text : null);

/**
 * Where a reminder's `subject` (`type:id`) leads: the screen that shows what it is about, and for
 * a supplier that supplier's drawer (the suppliers screen reads `?supplier=<id>`).
 */
export function screenForSubject(subject: string): SubjectRoute {
  const colon = subject.indexOf(':');
  const type = colon < 0 ? subject : subject.slice(0, colon);
  const id = colon < 0 ? '' : subject.slice(colon + 1);
  switch (type) {
    case 'slot':
      return { screen: 'sourcing', params: {} };
    case 'money':
      return { screen: 'money', params: {} };
    case 'orders':
      // orders:overdue — the grouped overdue reminder; the reminders screen lists the orders until an orders screen exists.
      return { screen: 'reminders', params: id === 'overdue' ? { list: 'overdue' } : {} };
    case 'supplier': {
      const supplier = idOf(id);
      return { screen: 'suppliers', params: supplier ? { supplier } : {} };
    }
    default:
      // block:…, order:… (the 订单处理 block's queue lists them), day:… (the 看数据 block)
      return { screen: 'today', params: {} };
  }
}

export const hashForSubject = (subject: string): string => {
  const route = screenForSubject(subject);
  return hashForScreen(route.screen, route.params);
};

/** Goes to what a reminder is about (centre, toast and desktop notification clicks). */
export function openSubject(subject: string): void {
  window.location.hash = hashForSubject(subject);
}
