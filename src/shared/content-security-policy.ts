/**
 * The Content-Security-Policy of every page the app shows, in one place for both hosts: the
 * desktop `app://` protocol handler and the browser harness send it as a header, and the built
 * index.html carries it as a meta tag, so end-to-end tests see exactly the limits users get.
 *
 * Why each relaxation exists:
 * - `style-src 'unsafe-inline'`: antd's CSS-in-JS inserts <style> elements at run time.
 * - `img-src data: blob:` and `font-src data:`: antd and ECharts inline small images and fonts.
 * - `connect-src 'self'` also admits ws:// to the same host and port in Chromium (the harness /rpc).
 * Scripts never get 'unsafe-inline' or 'unsafe-eval', and nothing may be loaded from the network.
 */
const DIRECTIVES = [
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
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The same policy for a <meta> tag, where browsers ignore (and log an error for) frame-ancestors. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
