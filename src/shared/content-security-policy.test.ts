import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './content-security-policy';

const root = join(import.meta.dirname, '..', '..');
const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...values] = d.trim().split(/\s+/);
    return [name, values] as const;
  }),
);

/** The CSP meta tag's content in an HTML file, or null. */
const metaCsp = (html: string): string | null =>
  /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content="([^"]*)"/i.exec(html)?.[1] ?? null;

describe('CONTENT_SECURITY_POLICY', () => {
  it('is strict: nothing by default, scripts only from the app, never inline or eval', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*|https?:/);
    // antd's CSS-in-JS is the one reason for 'unsafe-inline', and only for styles.
    expect([...directives].filter(([, v]) => v.includes("'unsafe-inline'")).map(([k]) => k)).toEqual(['style-src']);
  });

  it('is the policy in the renderer’s index.html', () => {
    const html = readFileSync(join(root, 'src/renderer/index.html'), 'utf8');
    const meta = metaCsp(html);
    // The production build writes the tag when the source has none (electron.vite.config.ts).
    if (meta !== null) expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
  });

  it('drops only frame-ancestors for the meta tag, where browsers ignore it', () => {
    expect(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY);
  });
});
