import { hashForScreen } from '../../app/hash-route';

/** A screen and the hash parameters that open the thing on it (`suppliers` + `supplier=12`). */
export type SubjectRoute = { screen: string; params: Record<string, string> };

/** A whole positive number as text, or null: ids from a subject are outside input. */
const idOf = (text: string): string | null => (/^[1-9]\d{0,15}$/.test(text) ? text : null);

/**
 * Where a reminder's `subject` (`type:id`) leads: the screen that shows what it is about, and for
 * a supplier that supplier's drawer (the suppliers screen reads `?supplier=<id>`), for an order its
 * drawer on the orders screen (`?order=<主订单编号>`), for a group of order reminders the orders
 * screen filtered to that queue (`?queue=overdue`).
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
    case 'supplier': {
      const supplier = idOf(id);
      return { screen: 'suppliers', params: supplier ? { supplier } : {} };
    }
    case 'campaign': {
      // A campaign's reminder (sign-up deadline, start, end) opens its drawer on the campaigns screen.
      const campaign = idOf(id);
      return { screen: 'campaigns', params: campaign ? { campaign } : {} };
    }
    case 'order': {
      // One order's reminder opens its drawer on the orders screen.
      const order = /^\d{1,30}$/.test(id) ? id : null;
      return { screen: 'orders', params: order ? { order } : {} };
    }
    case 'aftersale': {
      // A deadline reminder opens the case on the after-sales screen.
      const key = /^(\d{1,30}\/\d{1,30}|m\d{1,12})$/.test(id) ? id : null;
      return { screen: 'aftersales', params: key ? { case: key } : {} };
    }
    case 'influencer': {
      const influencer = idOf(id);
      return { screen: 'influencers', params: influencer ? { influencer } : {} };
    }
    case 'sample': {
      // A sample's reminder opens the 寄样 tab with that sample picked out.
      const sample = idOf(id);
      return { screen: 'influencers', params: sample ? { tab: 'samples', sample } : { tab: 'samples' } };
    }
    case 'health':
      // A shop-health warning (`health:dsr`): the 店铺健康 screen.
      return { screen: 'health', params: {} };
    case 'orders':
      // A grouped reminder or a queue: the orders screen filtered to it (`orders:overdue`).
      return { screen: 'orders', params: /^[A-Za-z0-9]{1,30}$/.test(id) ? { queue: id } : {} };
    default:
      // block:…, day:… (the 看数据 block)
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
