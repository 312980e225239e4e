import { daysBetween } from '../../../../shared/domain/china-time';
import type { RepeatBuyersResult } from '../../../../shared/rpc/domains/analytics';
import type { ChartOption } from '../../shared/charts/chart';

/*
 * The repeat-buyer estimate's chart, table and state: pure functions of analytics.repeatBuyers
 * (tested in Node). 估算 everywhere: a buyer is a key of the masked recipient + phone + district.
 */

/**
 * The longest range the card asks the core about. The estimate compares every order of the range
 * (no summary can sum distinct buyers), about 1 s for 90 days at 1,000,000 lines on a loaded machine
 * and ten times that for a whole year — long enough to hold the core's other answers back. So the
 * card says so for a longer range instead of asking (近 90 天 fits).
 */
export const REPEAT_MAX_DAYS = 92;

/** The range's length in days (both ends counted) when it is longer than the card looks at, else null. */
export function repeatRangeTooLong(from: string, to: string): number | null {
  const days = daysBetween(from, to) + 1;
  return days > REPEAT_MAX_DAYS ? days : null;
}

/**
 * What the card can say:
 * - `noOrders`: nothing ordered in the range;
 * - `noKeys`: orders, but none of them carries a buyer key (imported before keys, or from an
 *   export without 收件人 / 收件人手机号 / 省市区): the card says which import it needs;
 * - `partial`: some orders have no key: the figures cover only the keyed ones, and the card says so;
 * - `full`: every order is covered.
 */
export type RepeatCoverage = 'noOrders' | 'noKeys' | 'partial' | 'full';

export function repeatCoverage(r: RepeatBuyersResult): RepeatCoverage {
  if (r.orders === 0) return 'noOrders';
  if (r.keyedOrders === 0) return 'noKeys';
  return r.keyedOrders < r.orders ? 'partial' : 'full';
}

/** Share of the range's orders that carry a buyer key, in percent rounded to 0.1. */
export const keyedSharePct = (r: RepeatBuyersResult): number => (r.orders === 0 ? 0 : Math.round((r.keyedOrders * 1000) / r.orders) / 10);

export type RepeatLabels = { buyers: string; orders: (n: number, orMore: boolean) => string };

const axisText = (dark: boolean) => (dark ? '#bfbfbf' : '#595959');

/** Buyers by their number of orders in the range (1, 2, 3, 4, 5 or more) as bars; repeat buyers (2+) stand out. */
export function buildRepeatDistributionOption(r: RepeatBuyersResult, labels: RepeatLabels, dark = false): ChartOption {
  const last = r.distribution.length - 1;
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: r.distribution.map((d, i) => labels.orders(d.orders, i === last)), axisLabel: { color: axisText(dark), interval: 0 } },
    yAxis: { type: 'value', name: labels.buyers, minInterval: 1, axisLabel: { color: axisText(dark) } },
    series: [
      {
        name: labels.buyers,
        type: 'bar',
        label: { show: true, position: 'top', color: axisText(dark) },
        data: r.distribution.map((d) => ({ value: d.buyers, itemStyle: { color: d.orders >= 2 ? '#fa541c' : dark ? '#434343' : '#d9d9d9' } })),
      },
    ],
  };
}

export type RepeatProductLabels = { none: string };

/** The per-product rows as the table and its CSV show them: name (or ID), buyers, repeat buyers, share. */
export function repeatProductRows(r: RepeatBuyersResult, labels: RepeatProductLabels): { productId: string; name: string; buyers: number; repeatBuyers: number; repeatSharePct: number }[] {
  return r.products.map((p) => ({ productId: p.productId, name: p.name ?? (p.productId === '' ? labels.none : p.productId), buyers: p.buyers, repeatBuyers: p.repeatBuyers, repeatSharePct: p.repeatSharePct }));
}

/** CSV cells of the per-product table (numbers stay numbers; table-csv makes them formula-safe). */
export function repeatProductCsvRows(r: RepeatBuyersResult, labels: RepeatProductLabels): (string | number)[][] {
  return repeatProductRows(r, labels).map((p) => [p.productId, p.name, p.buyers, p.repeatBuyers, p.repeatSharePct]);
}
