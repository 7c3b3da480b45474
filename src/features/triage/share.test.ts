import { describe, expect, it } from 'vitest';
import { decodeShareFragment, MAX_FRAGMENT_CHARS } from '../../core/share/share-link';
import { makeShareLink, MAX_LINK_SOURCE_CHARS, shareUrl } from './share';

const base = 'http://127.0.0.1:4173/#/';

describe('shareUrl', () => {
  it('replaces the fragment of the page address, or adds one', () => {
    expect(shareUrl('#/s/v1.abc', 'https://x.example/app/#/e/foo')).toBe('https://x.example/app/#/s/v1.abc');
    expect(shareUrl('#/s/v1.abc', 'https://x.example/app/')).toBe('https://x.example/app/#/s/v1.abc');
  });
});

describe('makeShareLink', () => {
  it('makes a link whose fragment reads back as the (redacted) paste', async () => {
    const text = '{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}';
    const link = await makeShareLink(text, base);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.url.startsWith('http://127.0.0.1:4173/#/s/v1.')).toBe(true);
    expect(await decodeShareFragment(link.url)).toEqual({ ok: true, text });
  });

  it('says a paste is too large when its fragment would be', async () => {
    const big = await makeShareLink('x', base, async () => `#/s/v1.${'a'.repeat(MAX_FRAGMENT_CHARS + 1)}`);
    expect(big).toEqual({ ok: false, reason: 'too-large', fragmentChars: MAX_FRAGMENT_CHARS + 8 });
  });

  it('does not even try a paste of many megabytes', async () => {
    let called = false;
    const huge = await makeShareLink('x'.repeat(MAX_LINK_SOURCE_CHARS + 1), base, async () => {
      called = true;
      return '#/s/v1.a';
    });
    expect(huge).toEqual({ ok: false, reason: 'too-large', fragmentChars: null });
    expect(called).toBe(false);
  });

  it('turns a failure into an answer', async () => {
    const failed = await makeShareLink('x', base, () => Promise.reject(new Error('no CompressionStream')));
    expect(failed).toEqual({ ok: false, reason: 'failed', error: 'no CompressionStream' });
  });
});
