import { formatFen, parseYuan } from '../../../../shared/domain/cost-stack';

/*
 * Pure helpers of the purchase form and list: money as yuan text ↔ fen, the paid-at time as
 * China-time text ↔ ISO instant (China time whatever the computer's zone, as everywhere in the
 * app), and the recorded-cost share.
 */
export const fenToYuanText = (fen: number | null): string => (fen === null ? '' : formatFen(fen));

/** '' → null (not recorded yet); a valid amount → fen; anything else → undefined (invalid). */
export function yuanTextToFen(text: string | undefined): number | null | undefined {
  const t = (text ?? '').trim();
  if (t === '') return null;
  return parseYuan(t) ?? undefined;
}

const CHINA_OFFSET_MS = 8 * 3600_000;
const CHINA_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

export function isoToChinaText(iso: string | null): string {
  if (iso === null) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** `2026-09-01 14:30` (China time) → ISO; '' → null; anything else (or a day that does not exist) → undefined. */
export function chinaTextToIso(text: string | undefined): string | null | undefined {
  const t = (text ?? '').trim();
  if (t === '') return null;
  const m = CHINA_TEXT.exec(t);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi) - CHINA_OFFSET_MS;
  const back = new Date(ms + CHINA_OFFSET_MS);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59) return undefined;
  return new Date(ms).toISOString();
}

/** `37.5%`, one decimal, rounded down so the share is never overstated; '—' without orders. */
export function shareText(recorded: number, orders: number): string {
  if (orders === 0) return '—';
  return `${Math.floor((recorded * 1000) / orders) / 10}%`;
}

export const TRACKING_PATTERN = /^[A-Za-z0-9-]{0,40}$/;
