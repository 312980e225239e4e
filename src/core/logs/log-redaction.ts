/*
 * The rule for what may stand in the log file a user sends us. Our own messages are English and
 * carry counts, codes, line numbers and paths only; this is the second line of defence for what
 * slips in through an error text (a parser quoting a cell, SQLite quoting a value):
 * - any Han text becomes `[zh×N]`: buyer names, addresses, product titles and file names in a
 *   Douyin export are Chinese, and no message of ours is;
 * - any run of 11 or more digits (mobile numbers, ID cards, bank cards, and the 19-digit Douyin
 *   order ids) becomes `[n×N]`, also when written with spaces or dashes inside; landlines
 *   (0xx-xxxxxxxx) and e-mail addresses are masked too. Order ids are left out on purpose: with the
 *   export at hand they lead straight to a buyer's name, phone and address, and the log only needs
 *   to say that something failed, not for whom;
 * - the user's home folder becomes `~` (it holds the OS account name);
 * - values under keys that name personal or content fields are dropped whole, whatever they hold.
 */

/** Words of a key that name personal or content fields (a key is split at camelCase and `_`/`-`). */
const PERSONAL_WORDS = new Set(
  'name names filename username fullname nickname buyer receiver recipient consignee phone mobile tel telephone address addr contact email content contents text raw row cell cells value values remark note memo'.split(' '),
);
/** A last word that makes the value a measure of the field, not the field (`rowCount`, `textLength`). */
const MEASURE_WORDS = new Set(['count', 'counts', 'total', 'length', 'index', 'size', 'bytes']);

const HAN = /[\p{Script=Han}\u3000-\u303f\uff01-\uff5e]+/gu;
/** 11+ digits, allowing single spaces or dashes between them (`138 1234 5678`, `6919-…`). */
const LONG_NUMBER = /(?<![\d])\+?\d(?:[ -]?\d){10,}(?![\d])/g;
const ID_CARD_TAIL = /(?<![\d])\d{17}[Xx](?![\w])/g;
const LANDLINE = /(?<![\d])0\d{2,3}-\d{7,8}(?![\d])/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type RedactionContext = {
  /** The user's home folder, replaced by `~` (both slash styles). Empty skips it. */
  home: string;
};

/** Masks personal data in one piece of text; pure. */
export function redactLogText(text: string, context: RedactionContext): string {
  let out = text;
  if (context.home.length > 1) {
    for (const variant of new Set([context.home, context.home.replace(/\\/g, '/'), context.home.replace(/\//g, '\\')])) {
      out = out.replace(new RegExp(escapeRegExp(variant), 'gi'), '~');
    }
  }
  return out
    .replace(EMAIL, '[email]')
    .replace(ID_CARD_TAIL, '[n×18]')
    .replace(LANDLINE, (m) => `[n×${m.replace(/\D/g, '').length}]`)
    .replace(LONG_NUMBER, (m) => `[n×${m.replace(/\D/g, '').length}]`)
    .replace(HAN, (m) => `[zh×${[...m].length}]`);
}

export function isPersonalKey(key: string): boolean {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_.-]+/)
    .filter(Boolean);
  if (MEASURE_WORDS.has(words.at(-1) ?? '')) return false;
  return words.some((w) => PERSONAL_WORDS.has(w));
}

/** Structured data with personal fields dropped (recursively), ready to be serialised and masked. */
export function dropPersonalFields(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.map((v) => dropPersonalFields(v, depth + 1));
  if (value instanceof Error) return { error: value.name, message: value.message, stack: value.stack };
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isPersonalKey(k) ? '[removed]' : dropPersonalFields(v, depth + 1)]));
  }
  return value;
}
