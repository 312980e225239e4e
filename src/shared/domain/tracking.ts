/*
 * The order export's 快递信息 (layout B) is `运单号-快递公司,…`, e.g. `SF0220481613112-顺丰速运,…`,
 * `-` when none (DOUYIN_EXPORTS.md §1.4). The supplier gives its own tracking number; when both
 * are known and the supplier's is not among the platform's, the parcel the buyer sees is not the
 * one the supplier sent (wrong number uploaded, or a resend): flagged, never overwritten.
 */
export type Waybill = { waybill: string; courier: string };

export function parseTrackingInfo(text: string | null): Waybill[] {
  if (text === null) return [];
  return text
    .split(/[,，;；]/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== '-')
    .map((part) => {
      const dash = part.indexOf('-');
      return dash <= 0 ? { waybill: part, courier: '' } : { waybill: part.slice(0, dash).trim(), courier: part.slice(dash + 1).trim() };
    });
}

export const normaliseWaybill = (text: string): string => text.replace(/\s+/g, '').toUpperCase();

/** True when both sides have a number and the supplier's is not one of the platform's. */
export function trackingMismatch(supplierTracking: string, platform: readonly Waybill[]): boolean {
  const own = normaliseWaybill(supplierTracking);
  if (own === '' || platform.length === 0) return false;
  return !platform.some((w) => normaliseWaybill(w.waybill) === own);
}
