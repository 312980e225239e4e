/**
 * The Content-Security-Policy of every page the app shows. The `app://` protocol handler sends it
 * as a header and the production build writes it into index.html as a meta tag; tests compare both
 * with this constant.
 *
 * Why each relaxation exists:
 * - `style-src 'unsafe-inline'`: antd's CSS-in-JS inserts <style> elements at run time.
 * - `img-src data: blob:` and `font-src data:`: antd and ECharts inline small images and fonts.
 * Scripts never get 'unsafe-inline' or 'unsafe-eval', and nothing may be loaded from the network.
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
