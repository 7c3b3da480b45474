import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogLoadError, fetchCatalog } from './catalog-query';

const json = readFileSync(resolve(import.meta.dirname, '../../../../public/catalog.json'), 'utf8');
const answering = (body: string, status = 200): typeof fetch => async () => new Response(body, { status, headers: { 'content-type': 'application/json' } });

describe('fetchCatalog', () => {
  it('returns the validated catalog from its stable address', async () => {
    const urls: string[] = [];
    const catalog = await fetchCatalog(async (url) => {
      urls.push(String(url));
      return new Response(json);
    }, '/catalog.json');
    expect(urls).toEqual(['/catalog.json']);
    expect(catalog.entries.length).toBeGreaterThan(100);
  });

  it.each([
    ['a 404', answering('nope', 404), 'fetch', /answered 404/],
    ['an HTML page', answering('<html></html>'), 'invalid', /not JSON/],
    ['JSON that is not a catalog', answering('{"entries": 3}'), 'invalid', /is invalid/],
    [
      'no network',
      (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
      'fetch',
      /Failed to fetch/,
    ],
  ] as const)('says why on %s', async (_what, fetcher, kind, message) => {
    const error = await fetchCatalog(fetcher, '/catalog.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogLoadError);
    expect((error as CatalogLoadError).kind).toBe(kind);
    expect((error as CatalogLoadError).message).toMatch(message);
  });
});
