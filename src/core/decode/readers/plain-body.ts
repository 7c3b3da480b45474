import type { Catalog } from '../../catalog/catalog-types';
import type { RawFinding } from '../raw';
import type { Reader } from './reader';

export type PlainBody = { source: RawFinding['source']; code: string | null; status?: number };

const cache = new WeakMap<Catalog, Map<string, PlainBody>>();

/** Messages of non-envelope bodies that are recognizable on a line of their own (e.g. "Poll registration at capacity"). */
export function plainBodyIndex(catalog: Catalog): Map<string, PlainBody> {
  let index = cache.get(catalog);
  if (index) return index;
  index = new Map();
  for (const e of catalog.entries) {
    const m = e.match.message;
    if ((e.source === 'server' || e.source === 'legacy-server') && m && m.length >= 15 && !m.includes('{') && (e.status ?? 0) >= 400 && m.includes(' ')) {
      if (!index.has(m)) index.set(m, { source: e.source, code: e.code, ...(e.status !== undefined ? { status: e.status } : {}) });
    }
  }
  cache.set(catalog, index);
  return index;
}

/** A server's plain-text body on a line of its own, known to the catalog by its whole text. */
export const plainBodyReader: Reader = {
  name: 'plain-body',
  // A line that is one of the bodies (its whole text, padding aside).
  markers: { texts: (catalog) => [...plainBodyIndex(catalog).keys()] },
  start: (ctx) => {
    const index = plainBodyIndex(ctx.catalog);
    let longest = 0;
    for (const m of index.keys()) longest = Math.max(longest, m.length);
    return {
      read: (i, text) => {
        // Longer lines cannot be one of these bodies, padding aside: no trimmed copy of every line of a log.
        if (text.length > longest + 16) return null;
        const message = text.trim();
        const plain = index.get(message);
        if (!plain) return null;
        const span = { startLine: ctx.no(i), endLine: ctx.no(i) };
        return { raws: [{ source: plain.source, code: plain.code, status: plain.status ?? null, kind: null, message, name: null, span }], end: i };
      },
    };
  },
};
