const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00A0\u3000\s]/g;

/**
 * Header names drift between export versions and tools: a BOM on the first cell, zero-width
 * characters, spaces, 帐 for 账 (动帐流水号), full-width brackets（元）. Matching is done on this
 * normalised form; messages keep the name as written in the file.
 */
export function normaliseHeader(raw: string): string {
  let s = raw.replace(INVISIBLE, '');
  const lead = s.charCodeAt(0);
  if (lead === 39 /* ' */ || lead === 96 /* ` */) s = s.slice(1);
  return s.replace(/帐/g, '账').replace(/（/g, '(').replace(/）/g, ')').replace(/【/g, '[').replace(/】/g, ']');
}
