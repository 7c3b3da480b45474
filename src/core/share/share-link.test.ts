import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateMixedLog } from '../../testing/mixed-log';
import { readSharedFixtures } from '../../testing/shared-fixtures';
import { fromBase64Url, toBase64Url } from './base64url';
import { MAX_FRAGMENT_CHARS, decodeShareFragment, encodeShareFragment, isShareFragment, tooLargeForLink } from './share-link';

const asIs = { redactText: (s: string) => s };

/** A fragment whose data is these bytes compressed, as encodeShareFragment would write it. */
async function fragmentOfBytes(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return `#/s/v1.${toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()))}`;
}

describe('encodeShareFragment / decodeShareFragment', () => {
  it.each([
    ['a traceback with CRLF', 'Traceback (most recent call last):\r\n  File "x.py", line 1, in f\r\nValueError: x\r\n'],
    ['unicode and emoji', '📦 Version:     0.6.7\n🧵 Thread: heartbeat — “quotes” 日本語'],
    ['an empty text', ''],
  ])('round-trips %s', async (_name, text) => {
    const fragment = await encodeShareFragment(text, asIs);
    expect(fragment).toMatch(/^#\/s\/v1\.[A-Za-z0-9_-]+$/);
    expect(await decodeShareFragment(fragment)).toEqual({ ok: true, text });
  });

  it('redacts the text before it goes into the link (src/core/report/redact by default)', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const text = `{"kind":"promise.get","head":{"corrId":"a","version":"2026-04-01","auth":"${jwt}"},"data":{"id":"x"}}`;
    const decoded = await decodeShareFragment(await encodeShareFragment(text));
    expect(decoded.ok && decoded.text).not.toContain(jwt);
    expect(decoded.ok && decoded.text).toContain('"kind":"promise.get"');
    const custom = await decodeShareFragment(await encodeShareFragment('secret', { redactText: () => '<gone>' }));
    expect(custom).toEqual({ ok: true, text: '<gone>' });
  });

  it('reads a whole URL, a hash and a bare route', async () => {
    const fragment = await encodeShareFragment('hello', asIs);
    for (const form of [`https://inspector.example/app/${fragment}`, fragment, fragment.slice(1)]) {
      expect(await decodeShareFragment(form)).toEqual({ ok: true, text: 'hello' });
    }
    expect(isShareFragment(fragment)).toBe(true);
    expect(isShareFragment('#/e/server.404.promise-not-found')).toBe(false);
  });

  it('fits a megabyte of log in a link, and says when a text is too large for one', async () => {
    const samples = readSharedFixtures().map((f) => f.input);
    const small = generateMixedLog({ samples, targetChars: 100_000, seed: 1 }).text;
    const fragment = await encodeShareFragment(small, asIs);
    expect(tooLargeForLink(fragment.length)).toBe(false);
    expect((await decodeShareFragment(fragment)).ok).toBe(true);
    const big = generateMixedLog({ samples, targetChars: 2_000_000, seed: 2 }).text;
    expect(tooLargeForLink((await encodeShareFragment(big, asIs)).length)).toBe(true);
    expect(tooLargeForLink(MAX_FRAGMENT_CHARS)).toBe(false);
    expect(tooLargeForLink(MAX_FRAGMENT_CHARS + 1)).toBe(true);
  });
});

describe('decodeShareFragment on bad links', () => {
  it.each([
    ['another page', '#/e/server.404.promise-not-found', 'not a Resonate Inspector share link'],
    ['no fragment', 'https://inspector.example/', 'not a Resonate Inspector share link'],
    ['a newer version', '#/s/v2.AAAA', 'newer version'],
    ['no version', '#/s/AAAA', 'no version'],
    ['no data', '#/s/v1.', 'damaged'],
    ['characters outside base64url', '#/s/v1.abc$def', 'damaged'],
    ['an impossible length', '#/s/v1.abcde', 'damaged'],
    ['bytes that are not deflate', '#/s/v1.____________', 'damaged'],
  ])('%s', async (_name, fragment, error) => {
    const r = await decodeShareFragment(fragment);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(error);
  });

  it('a link cut short when it was copied', async () => {
    const fragment = await encodeShareFragment('Traceback (most recent call last):\n'.repeat(50) + 'ValueError: the end', asIs);
    const r = await decodeShareFragment(fragment.slice(0, Math.floor(fragment.length * 0.6)));
    expect(r).toEqual({ ok: false, error: expect.stringContaining('cut short') });
  });

  it('text that is not UTF-8', async () => {
    const r = await decodeShareFragment(await fragmentOfBytes(new Uint8Array([0xff, 0xfe, 0x80, 0x41])));
    expect(r.ok).toBe(false);
  });

  it('a deflate bomb', async () => {
    const fragment = await fragmentOfBytes(new Uint8Array(20 * 1024 * 1024));
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    expect(await decodeShareFragment(fragment)).toEqual({ ok: false, error: expect.stringContaining('too large') });
  });

  it('never throws, whatever the fragment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string().map((s) => `#/s/v1.${s}`), fc.base64String().map((s) => `#/s/v1.${s.replace(/\+/g, '-').replace(/\//g, '_')}`)), async (fragment) => {
        const r = await decodeShareFragment(fragment);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('base64url', () => {
  it('round-trips any bytes and encodes as RFC 4648 §5 without padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('rejects what is not base64url', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
    expect(fromBase64Url('ab€c')).toBeNull();
  });
});

describe('share links, round trip property', () => {
  it('give back any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 500 }), async (text) => {
        expect(await decodeShareFragment(await encodeShareFragment(text, asIs))).toEqual({ ok: true, text });
      }),
      { numRuns: 100 },
    );
  });
});
