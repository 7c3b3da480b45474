import { queryOptions } from '@tanstack/react-query';
import type { Catalog } from '../../../core/catalog/catalog-types';
import { parseCatalog } from '../../../core/catalog/parse-catalog';

/**
 * The catalog's stable address, beside index.html (public/catalog.json, copied as is by the build): relative, so
 * the page works from any sub-path of a static host.
 */
export const CATALOG_URL = `${import.meta.env.BASE_URL}catalog.json`;

/** Why the catalog is not there: it could not be fetched, or it is not a valid catalog. */
export class CatalogLoadError extends Error {
  readonly kind: 'fetch' | 'invalid';
  constructor(message: string, kind: 'fetch' | 'invalid') {
    super(message);
    this.kind = kind;
  }
}

/**
 * Fetches and validates the catalog once, at the boundary: off the page's critical path (the code does not bundle
 * it), in parallel with the code, kept for the session (and offline by the service worker, public/sw.js).
 */
export async function fetchCatalog(fetcher: typeof fetch = fetch, url = CATALOG_URL): Promise<Catalog> {
  let response: Response;
  try {
    response = await fetcher(url, { credentials: 'same-origin' });
  } catch (e) {
    throw new CatalogLoadError(`could not fetch ${url}: ${e instanceof Error ? e.message : String(e)}`, 'fetch');
  }
  if (!response.ok) throw new CatalogLoadError(`${url} answered ${response.status}`, 'fetch');
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new CatalogLoadError(`${url} is not JSON`, 'invalid');
  }
  const parsed = parseCatalog(json);
  if (!parsed.ok) throw new CatalogLoadError(`${url} is invalid: ${parsed.error}`, 'invalid');
  return parsed.catalog;
}

export const catalogQueryOptions = () =>
  queryOptions({
    queryKey: ['catalog'] as const,
    queryFn: () => fetchCatalog(),
    staleTime: Infinity,
    gcTime: Infinity,
  });
