import type { BlockQueue, DeclineAlert, QueueRow, QueueSource } from '../../shared/rpc/domains/routine';
import type { InfluencerQueueFacts } from '../influencers/goal-facts';
import { lastSevenDays, orderQueues, type OrdersPicture } from '../orders/orders-picture';
import type { ListingPicture } from '../sourcing/listing-picture';
import type { CampaignPicture } from '../campaigns/campaign-picture';

/** What a queue is computed from: the moment and the pictures of the domains that feed queues. */
export type QueueInput = {
  now: Date;
  today: string;
  orders: OrdersPicture;
  listing?: ListingPicture;
  campaigns?: CampaignPicture;
  influencers?: InfluencerQueueFacts;
  /** The decline watch's alert (orders/decline-watch.ts); absent or null when nothing fired. */
  decline?: DeclineAlert | null;
};

/** The daily listing target (DOMAIN.md: 10 to 30 new products a day). */
export const LISTING_TARGET = { min: 10, max: 30 } as const;
const ROWS = 5;

const blank = (source: QueueSource): BlockQueue => ({
  source,
  isAvailable: true,
  count: 0,
  items: [],
  rows: [],
  target: null,
  series: null,
  decline: null,
});

/**
 * The generic queue mechanism: a block names its source; the source's domain answers a count and
 * items (and optionally rows, a series, a target). New domains add one entry here.
 */
export const QUEUE_PROVIDERS: Record<QueueSource, (input: QueueInput) => BlockQueue> = {
  orders: ({ now, orders }) => {
    const q = orderQueues(orders);
    const rows: QueueRow[] = orders.firstOrders
      .slice(0, ROWS)
      .map((o) => ({
        key: o.orderId,
        title: o.productTitle ?? o.orderId,
        dueAt: o.shipBy?.toISOString() ?? null,
        lines: o.lines,
        tone: o.shipBy === null ? 'info' : o.shipBy <= now ? 'danger' : o.shipBy.getTime() - now.getTime() <= 24 * 3600_000 ? 'warning' : 'info',
      }));
    return {
      ...blank('orders'),
      isAvailable: orders.hasData,
      count: q.toPurchase.orders + q.afterSalesOpen,
      items: [
        { id: 'shipOverdue', count: q.shipOverdue.orders, lines: q.shipOverdue.lines, tone: 'danger' },
        { id: 'shipWithin24h', count: q.shipWithin24h.orders, lines: q.shipWithin24h.lines, tone: 'warning' },
        { id: 'toPurchase', count: q.toPurchase.orders, lines: q.toPurchase.lines, tone: 'info' },
        { id: 'refundBeforeShip', count: q.refundBeforeShip.orders, lines: q.refundBeforeShip.lines, tone: 'danger' },
        { id: 'afterSalesOpen', count: q.afterSalesOpen, lines: null, tone: 'warning' },
      ],
      rows,
    };
  },
  // Products moved to 已上架 today (src/core/sourcing), against the user's target range.
  sourcing: ({ listing }) => ({
    ...blank('sourcing'),
    isAvailable: listing !== undefined,
    count: listing?.listedToday ?? 0,
    items: [{ id: 'listedToday', count: listing?.listedToday ?? 0, lines: null, tone: 'info' }],
    target: listing ? { min: listing.min, max: listing.max } : { ...LISTING_TARGET },
  }),
  // New influencers added today against the daily goal, the streak, follow-ups due and late samples (src/core/influencers).
  influencers: ({ influencers }) => ({
    ...blank('influencers'),
    isAvailable: influencers !== undefined,
    count: influencers?.goal.addedToday ?? 0,
    items: [
      { id: 'influencersAdded', count: influencers?.goal.addedToday ?? 0, lines: null, tone: influencers?.goal.isMet ? 'success' : 'warning' },
      { id: 'influencerStreak', count: influencers?.goal.streak ?? 0, lines: null, tone: 'info' },
      { id: 'influencerFollowUps', count: influencers?.followUps.length ?? 0, lines: null, tone: 'warning' },
      { id: 'samplesLate', count: influencers?.lateSamples ?? 0, lines: null, tone: 'danger' },
    ],
    rows: (influencers?.followUps ?? []).slice(0, ROWS).map((f) => ({ key: `influencer:${f.id}`, title: f.nickname, dueAt: null, lines: 0, tone: 'warning' })),
    target: influencers ? { min: influencers.goal.goal, max: influencers.goal.goal } : null,
  }),
  data: ({ orders, decline = null }) => {
    const series = lastSevenDays(orders);
    return {
      ...blank('data'),
      isAvailable: orders.hasData,
      count: decline ? 1 : 0,
      items: [{ id: 'ordersYesterday', count: series.at(-2)?.orders ?? 0, lines: null, tone: 'info' }],
      series,
      decline,
    };
  },
  // Campaigns open for sign-up today (src/core/campaigns): closing within the reminder's lead is a warning.
  campaigns: ({ campaigns }) => {
    const open = campaigns?.open ?? [];
    const lead = campaigns?.signupLeadDays ?? 0;
    const closing = open.filter((c) => c.daysToDeadline !== null && c.daysToDeadline <= lead).length;
    return {
      ...blank('campaigns'),
      isAvailable: campaigns !== undefined,
      count: open.length,
      items: [
        { id: 'signupOpen', count: open.length, lines: null, tone: 'info' },
        { id: 'signupClosing', count: closing, lines: null, tone: 'warning' },
        { id: 'belowFloor', count: campaigns?.flagged ?? 0, lines: null, tone: 'danger' },
      ],
      rows: open.slice(0, ROWS).map((c) => ({
        key: String(c.id),
        title: c.name,
        dueAt: campaigns?.deadlineEnds.get(c.id) ?? null,
        lines: c.products.length,
        tone: c.flagged > 0 || (c.daysToDeadline !== null && c.daysToDeadline <= lead) ? (c.flagged > 0 ? 'danger' : 'warning') : 'info',
      })),
    };
  },
};

export const blockQueue = (source: QueueSource | null, input: QueueInput): BlockQueue | null => (source === null ? null : QUEUE_PROVIDERS[source](input));
