/*
 * Product links as pasted from apps and browsers, reduced to one comparable form so the same
 * product captured twice is noticed.
 */

// Share and tracking parameters that differ per share but not per product.
const TRACKING = new Set([
  'spm', 'scm', 'from', 'source', 'share_token', 'share_id', 'share_link_id', 'share_app_id', 'share_iid',
  'origin_type', 'pvid', 'tt_from', 'timestamp', 'u_code', 'did', 'iid', 'app', 'utm', 'ref', 'refer',
  'trackid', 'track_id', 'entrance_info', 'enter_from', 'sec_user_id', 'sec_uid', 'ecom_share_track_params',
  'mid', 'sm', 'ali_trackid', 'ali_refid', 'ptl', 'clickid', 'gclid', 'fbclid', 'ttclid',
]);

const isTracking = (key: string): boolean => {
  const k = key.toLowerCase();
  return TRACKING.has(k) || k.startsWith('utm_') || k.startsWith('share_') || k.startsWith('tt_');
};

/**
 * Lower-cased host without `www.`, https, no fragment, no tracking parameters, the rest sorted,
 * no trailing slash. Null when the text is not an http(s) link.
 */
export function normaliseLink(text: string): string | null {
  // Parsed by hand: src/shared has no URL class (no DOM, no Node), and the parts needed are simple.
  const m = /^(https?):\/\/([^/?#\s]+)([^?#\s]*)(?:\?([^#\s]*))?(?:#\S*)?$/i.exec(text.trim());
  if (!m) return null;
  const authority = (m[2] ?? '').toLowerCase().replace(/^[^@]*@/, '');
  const host = authority.replace(/^www\./, '').replace(/:(80|443)$/, '');
  if (!/^[a-z0-9.-]+(:\d+)?$/.test(host)) return null;
  const kept = (m[4] ?? '')
    .split('&')
    .filter((pair) => pair !== '')
    .filter((pair) => !isTracking(decodeKey(pair.split('=')[0] ?? '')))
    .sort();
  const query = kept.length === 0 ? '' : `?${kept.join('&')}`;
  const path = (m[3] ?? '').replace(/\/+$/, '');
  return `https://${host}${path}${query}`;
}

const decodeKey = (key: string): string => {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
};

/** The first http(s) link inside pasted text (apps share "【title】 https://… 复制此链接…"). */
export function extractLink(text: string): string | null {
  const m = /https?:\/\/[^\s"'<>，。！？【】()（）]+/i.exec(text);
  return m ? m[0] : null;
}

/** A price written next to the link (`¥39.9`, `39.90元`, `价格 39.9`) as fen, or null. */
export function extractPriceFen(text: string): number | null {
  const withoutLinks = text.replace(/https?:\/\/\S+/gi, ' ');
  const m = /(?:[¥￥]\s*(\d{1,7}(?:\.\d{1,2})?))|(?:(\d{1,7}(?:\.\d{1,2})?)\s*元)|(?:价格?[:：\s]*(\d{1,7}(?:\.\d{1,2})?))/.exec(withoutLinks);
  const value = m?.[1] ?? m?.[2] ?? m?.[3];
  if (value === undefined) return null;
  const [yuan, cents = ''] = value.split('.');
  return Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
}
