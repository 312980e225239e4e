/**
 * The renderer's Content-Security-Policy, sent by the harness on every response. It must match
 * the policy the desktop app sends for `app://` (RELIABILITY.md R8), so the browser tests see the
 * same restrictions as users. `style-src 'unsafe-inline'` is there because antd's CSS-in-JS
 * injects <style> elements at run time; scripts stay 'self' only (no inline, no eval).
 * `connect-src 'self'` also admits ws:// to the same host and port in Chromium, which is how
 * the harness page reaches /rpc.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
