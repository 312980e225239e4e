/*
 * Cell-level normalisation, pure and allocation-light: it runs for every cell of files with a
 * million lines. Each parser returns the value, null for "empty", or a small failure tag the
 * row mapper turns into an issue or a refusal.
 */

/** Texts 抖店 and the tools around it write for "nothing here". */
const PLACEHOLDERS = new Set(['-', '--', '无', 'null', 'NULL', 'Null', 'nan', 'NaN', 'NAN', '#NULL!', '数据将于第二天更新']);

/** First characters of the placeholders: most short cells skip the set lookup (and hashing a fresh string). */
const PLACEHOLDER_FIRST = new Set([...PLACEHOLDERS].map((p) => p.charCodeAt(0)));
const APOSTROPHE = 39;
const BACKTICK = 96;

/** Whitespace as String.prototype.trim sees it (ASCII blanks, NBSP, full-width space, BOM …). */
const isSpace = (c: number): boolean =>
  c <= 32 || (c >= 0x7f && (c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0x85));

/**
 * Strips what exports and Excel put around a value: the leading TAB (what keeps Excel from
 * turning 19-digit IDs into 6.9E+18) and surrounding whitespace, then one leading `'` or backtick
 * (funds-flow IDs), and a wrapping `="…"` (ERP CSVs). Placeholders become null. Inner text,
 * including line breaks inside a note, is kept. Written with index arithmetic, not trim() and
 * regexes: it runs for every cell of files with a million lines.
 */
export function cleanCell(raw: string): string | null {
  let end = raw.length;
  if (end === 0) return null;
  if (end === 1 && raw.charCodeAt(0) === 45 /* - */) return null;
  let start = 0;
  while (start < end && isSpace(raw.charCodeAt(start))) start += 1;
  while (end > start && isSpace(raw.charCodeAt(end - 1))) end -= 1;
  if (start < end) {
    const lead = raw.charCodeAt(start);
    if (lead === APOSTROPHE || lead === BACKTICK) {
      start += 1;
      while (start < end && isSpace(raw.charCodeAt(start))) start += 1;
    }
  }
  if (end - start >= 3 && raw.charCodeAt(start) === 61 /* = */ && raw.charCodeAt(start + 1) === 34 && raw.charCodeAt(end - 1) === 34) {
    start += 2;
    end -= 1;
    while (start < end && isSpace(raw.charCodeAt(start))) start += 1;
    while (end > start && isSpace(raw.charCodeAt(end - 1))) end -= 1;
  }
  if (start >= end) return null;
  const s = start === 0 && end === raw.length ? raw : raw.slice(start, end);
  if (end - start <= 12 && PLACEHOLDER_FIRST.has(s.charCodeAt(0)) && PLACEHOLDERS.has(s)) return null;
  return s;
}

export type MoneyResult = number | null | 'invalid';

const PLAIN_MONEY = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;
const LOOSE_MONEY = /^([+-]?)(\d{0,13})(?:\.(\d+))?$/;
const MONEY_NOISE = /[,，¥￥元\s]/g;

/**
 * Yuan text to integer fen without ever going through a float: "1,299.00" → 129900, "-0.5" → -50.
 * Thousands separators, currency signs and 元 are removed. More than two decimals is invalid
 * unless the extra digits are zeros ("1.500" is exactly 150 fen).
 */
export function parseMoneyFen(text: string | null): MoneyResult {
  if (text === null) return null;
  const fast = plainFen(text);
  if (fast !== null) return fast;
  let m = PLAIN_MONEY.exec(text);
  if (m === null) {
    const stripped = text.replace(MONEY_NOISE, '');
    if (stripped.length === 0) return null;
    m = LOOSE_MONEY.exec(stripped);
    if (m === null) return 'invalid';
    const whole = m[2] ?? '';
    let frac = m[3] ?? '';
    if (whole.length === 0 && frac.length === 0) return 'invalid';
    if (frac.length > 2) {
      if (!/^0*$/.test(frac.slice(2))) return 'invalid';
      frac = frac.slice(0, 2);
    }
    return toFen(m[1] === '-', whole, frac);
  }
  return toFen(m[1] === '-', m[2] ?? '0', m[3] ?? '');
}

/** `-?\d+(\.\d{1,2})?` read digit by digit (the shape of nearly every amount), else null. */
function plainFen(text: string): number | null {
  const n = text.length;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let whole = 0;
  const digitsStart = i;
  for (; i < n; i += 1) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  const digits = i - digitsStart;
  if (digits === 0 || digits > 13) return null;
  let frac = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46 || n - i - 1 < 1 || n - i - 1 > 2) return null;
    for (let j = i + 1; j < n; j += 1) {
      const c = text.charCodeAt(j) - 48;
      if (c < 0 || c > 9) return null;
      frac = frac * 10 + c;
    }
    if (n - i - 1 === 1) frac *= 10;
  }
  const fen = whole * 100 + frac;
  return negative && fen !== 0 ? -fen : fen;
}

function toFen(negative: boolean, whole: string, frac: string): number {
  const fen = Number(whole || '0') * 100 + (frac.length === 0 ? 0 : frac.length === 1 ? Number(frac) * 10 : Number(frac));
  return negative && fen !== 0 ? -fen : fen;
}

export type DateTimeResult = string | null | 'invalid' | 'excel';

const ISO_SECONDS = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?$/;
const ISO_MINUTES = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** What Excel writes back for a datetime cell: 2026/9/10 8:00, 2026-9-10 8:00, or a day serial. */
const EXCEL_SLASHED = /^\d{4}\/\d{1,2}\/\d{1,2}(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const EXCEL_UNPADDED = /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}(?::\d{2})?$/;
const EXCEL_SERIAL = /^\d{5}(?:\.\d+)?$/;

const digitAt = (t: string, i: number): number => {
  const c = t.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100;
};
const twoDigits = (t: string, i: number): number => digitAt(t, i) * 10 + digitAt(t, i + 1);

/** `YYYY-MM-DD HH:MM:SS` with valid parts, checked without a regex (nearly every datetime cell). */
function isCanonicalDateTime(t: string): boolean {
  if (t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 32 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58) return false;
  if (digitAt(t, 0) < 0 || digitAt(t, 1) < 0 || digitAt(t, 2) < 0 || digitAt(t, 3) < 0) return false;
  const mo = twoDigits(t, 5);
  const d = twoDigits(t, 8);
  const h = twoDigits(t, 11);
  const mi = twoDigits(t, 14);
  const s = twoDigits(t, 17);
  return mo >= 0 && d >= 0 && h >= 0 && mi >= 0 && s >= 0 && validParts(mo, d, h, mi, s);
}

const validParts = (mo: number, d: number, h: number, mi: number, s: number): boolean =>
  mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 59;

/**
 * `YYYY-MM-DD HH:MM:SS` (Beijing time, no zone) is kept as that text; minutes-only and date-only
 * forms are completed with zeros. Excel's rewrites (`2026/9/10 8:00`, unpadded, serial numbers)
 * come back as 'excel' so the whole file can be refused.
 */
export function parseDateTime(text: string | null): DateTimeResult {
  if (text === null) return null;
  if (text.length === 19 && isCanonicalDateTime(text)) return text;
  let m = ISO_SECONDS.exec(text);
  if (m !== null) {
    if (!validParts(+m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) return 'invalid';
    return text.length === 19 && text.charCodeAt(10) === 32 ? text : `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`;
  }
  m = ISO_MINUTES.exec(text);
  if (m !== null) return validParts(+m[2]!, +m[3]!, +m[4]!, +m[5]!, 0) ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:00` : 'invalid';
  m = ISO_DATE.exec(text);
  if (m !== null) return validParts(+m[2]!, +m[3]!, 0, 0, 0) ? `${text} 00:00:00` : 'invalid';
  if (EXCEL_SLASHED.test(text) || EXCEL_UNPADDED.test(text) || EXCEL_SERIAL.test(text)) return 'excel';
  return 'invalid';
}

export type IntegerResult = number | null | 'invalid';

/** Whole numbers; "2.00" is 2, "2.5" is invalid. */
export function parseInteger(text: string | null): IntegerResult {
  if (text === null) return null;
  const m = /^([+-]?\d{1,15})(?:\.0+)?$/.exec(text.replace(/,/g, ''));
  return m === null ? 'invalid' : Number(m[1]);
}

/** An ID Excel has turned into a float: 6.93841E+18. */
const EXCEL_ID = /^\d(?:\.\d+)?E\+\d+$/i;

export type IdResult = string | null | 'excel' | 'invalid';

/** Excel keeps 15 significant digits of a number: what it rounded has only zeros after the 15th digit. */
const EXCEL_DIGITS = 15;

/**
 * A digit ID of 16+ digits whose digits after the 15th are all zeros (`6938412705519820000`): what
 * Excel writes back for `6938412705519823461` when it saved the column as a number. A genuine
 * 19-digit ID looks like this one time in 10,000, so one such value alone proves nothing; the row
 * mapper decides from how many of a file's IDs look like it (map-row.ts).
 */
export function looksRoundedByExcel(id: string): boolean {
  if (id.length <= EXCEL_DIGITS) return false;
  for (let i = EXCEL_DIGITS; i < id.length; i += 1) if (id.charCodeAt(i) !== 48) return false;
  return true;
}

/**
 * Platform IDs stay text (19–28 digits, beyond a double's precision). Scientific notation means
 * Excel destroyed it; whitespace inside or an absurd length means it is not an ID.
 */
export function parseId(text: string | null): IdResult {
  if (text === null) return null;
  if (text.length > 64) return 'invalid';
  // Fast path: real IDs are digits; anything with E+ or spaces gets the slower checks.
  let digits = true;
  for (let i = 0; i < text.length && digits; i += 1) {
    const c = text.charCodeAt(i);
    digits = c >= 48 && c <= 57;
  }
  if (digits) return text;
  if (EXCEL_ID.test(text)) return 'excel';
  if (/\s/.test(text)) return 'invalid';
  return text;
}
