import type { Catalog, CatalogEntry } from '../catalog/catalog-types';
import { findEntry } from '../catalog/parse-catalog';
import { docsLinkCode, entriesForCode } from './readers/fragments';

/** What a link to `#/e/<text>` opens: an entry, a short choice between the entries of one code, or nothing. */
export type EntryLink =
  | { kind: 'entry'; entry: CatalogEntry }
  | { kind: 'choice'; code: string; entries: CatalogEntry[] }
  | { kind: 'none' };

/** A code as users see it: `1102`, `40400`, `100.40400`, an HTTP status such as `404`, a store code. */
const CODE = /^(?:\d{3,5}|\d{3}\.\d{5}|STORE_[A-Z_]+)$/;

/**
 * Reads the `<text>` of `#/e/<text>`: an entry id, a code (`1102`, `40400`, `100.40400`, `404`), or a docs link
 * in any form the decoder knows (`rn8.io/e/1102`, `docs.resonatehq.io/…/errors#40400`), whose code is looked up
 * as the decoder looks it up (entriesForCode). Never throws.
 */
export function resolveEntryLink(catalog: Catalog, text: string): EntryLink {
  const id = text.trim();
  const exact = findEntry(catalog, id);
  if (exact) return { kind: 'entry', entry: exact };
  const code = docsLinkCode(id) ?? (CODE.test(id) ? id : null);
  if (code === null) return { kind: 'none' };
  const entries = entriesForCode(catalog, code);
  const [only] = entries;
  if (!only) return { kind: 'none' };
  return entries.length === 1 ? { kind: 'entry', entry: only } : { kind: 'choice', code, entries };
}
