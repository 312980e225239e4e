import type { HealthEntry, HealthSettings, HealthWarning, SpotShare } from '../rpc/domains/health';

/*
 * The shop-health thresholds and warnings. Seed 004 (抖音小店联盟怎么加入): "系统每天校验商家的dsr和店铺
 * 好评率,若dsr<4.5 或者 店铺好评率<80%,则给商家发送预警通知" — 精选联盟 needs DSR ≥ 4.5 and a good-review
 * rate ≥ 80 %. Seed 004 (阶梯发货): "近60天现货订单交易比例降低至50%-55%之间,系统会…推送消息提醒商家".
 * Every line is editable: the platform changes them.
 */
export const DEFAULT_HEALTH_SETTINGS: HealthSettings = { dsrMin: 4.5, goodReviewMinPct: 80, spotWarnPct: 55, spotFloorPct: 50 };

/** The window the spot share is measured over (seed 004: "近60天"). */
export const SPOT_WINDOW_DAYS = 60;
/** Seed 004: "现在的现货模式只有48个小时" — a promise later than this after payment is not spot. */
export const SPOT_SHIP_HOURS = 48;

/**
 * What the newest entry and the spot share warn about: DSR or good-review rate below its line
 * (strictly: 4.5 itself still qualifies, seed 004 "高于(含)4.5分"), and a spot share at or below
 * the reminder line (danger at or below the floor).
 */
export function healthWarnings(latest: HealthEntry | null, spot: SpotShare, settings: HealthSettings): HealthWarning[] {
  const out: HealthWarning[] = [];
  if (latest?.dsr !== null && latest?.dsr !== undefined && latest.dsr < settings.dsrMin) {
    out.push({ kind: 'dsr', level: 'danger', value: latest.dsr, threshold: settings.dsrMin, date: latest.date });
  }
  if (latest?.goodReviewPct !== null && latest?.goodReviewPct !== undefined && latest.goodReviewPct < settings.goodReviewMinPct) {
    out.push({ kind: 'goodReview', level: 'danger', value: latest.goodReviewPct, threshold: settings.goodReviewMinPct, date: latest.date });
  }
  if (spot.sharePct !== null && spot.sharePct <= settings.spotWarnPct) {
    const danger = spot.sharePct <= settings.spotFloorPct;
    out.push({ kind: 'spotShare', level: danger ? 'danger' : 'warning', value: spot.sharePct, threshold: danger ? settings.spotFloorPct : settings.spotWarnPct, date: spot.to });
  }
  return out;
}

/** Spot orders over counted orders, as a percentage rounded to 0.1; null without any. */
export const spotSharePct = (spotOrders: number, orders: number): number | null => (orders === 0 ? null : Math.round((spotOrders / orders) * 1000) / 10);
