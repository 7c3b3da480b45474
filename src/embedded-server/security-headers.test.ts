// The policy's three forms: the preview/static header, the <meta> (no frame-ancestors), and the dev server's
// (a nonce for the refresh preamble, ws: for HMR) — never unsafe-inline or unsafe-eval.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaderValues, securityMetaTags } from './security-headers';

describe('contentSecurityPolicy', () => {
  it('keeps scripts to the app and frames out, in every form', () => {
    for (const policy of [contentSecurityPolicy(), contentSecurityPolicy({ meta: true }), contentSecurityPolicy({ dev: { nonce: 'abc' } })]) {
      expect(policy).toMatch(/(^|; )default-src 'none'(;|$)/);
      expect(policy).toMatch(/script-src 'self'( 'nonce-abc')?;/);
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'none'");
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
  });
  it('drops frame-ancestors from the meta, which cannot carry it; adds the nonce and ws: only in dev', () => {
    expect(contentSecurityPolicy()).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy({ meta: true })).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy()).not.toMatch(/nonce|ws:/);
    expect(contentSecurityPolicy({ dev: { nonce: 'abc' } })).toContain("connect-src 'self' http: https: ws: wss:");
  });
  it('sends nosniff, no-referrer and DENY with it; the build gets the same policy as metas', () => {
    expect(securityHeaderValues()).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' });
    expect(securityMetaTags().map((t) => t.attrs)).toEqual([
      { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ meta: true }) },
      { name: 'referrer', content: 'no-referrer' },
    ]);
  });
});
