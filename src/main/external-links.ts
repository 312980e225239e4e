/*
 * The one place that hands URLs to the operating system. Only http(s) links to the sites a
 * Douyin shop owner works with are opened; everything else is refused, whatever asked for it
 * (a link in the page, window.open, the bridge's openExternal).
 */

/** Hosts (and their subdomains) that may be opened in the user's browser. */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = [
  'fxg.jinritemai.com',
  'jinritemai.com',
  'doudian.com',
  'douyin.com',
  'chanmama.com',
  '1688.com',
  'github.com',
];

const MAX_URL_LENGTH = 2048;

const hostAllowed = (hostname: string): boolean =>
  EXTERNAL_HOST_ALLOWLIST.some((allowed) => hostname === allowed || hostname.endsWith(`.${allowed}`));

/**
 * Parses `raw` with the WHATWG URL parser (never string prefixes: `https://allowed.com.evil.com`
 * and `https://user@allowed.com@evil.com` must fail) and returns the normalised URL when it may be
 * opened, else null. Credentials in the URL are refused: they only serve to disguise the host.
 */
export function allowedExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (!hostAllowed(url.hostname.toLowerCase())) return null;
  return url.href;
}

export type ShellLike = { openExternal(url: string): Promise<void> };

/** Opens `raw` in the browser when it passes {@link allowedExternalUrl}; resolves whether it did. */
export async function openExternalLink(shell: ShellLike, raw: unknown): Promise<boolean> {
  const url = allowedExternalUrl(raw);
  if (url === null) return false;
  try {
    await shell.openExternal(url);
    return true;
  } catch {
    return false;
  }
}
