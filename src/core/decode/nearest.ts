import type { Catalog, CatalogEntry, Verdict } from '../catalog/catalog-types';
import type { RawFinding } from './raw';

/** A catalog entry close to an error the catalog does not know: where to start, and what to add it beside. */
export type NearEntry = { id: string; title: string; retry: Verdict };

const WORD = /[a-z0-9]{3,}/g;

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(WORD) ?? []);
}

function textOf(e: CatalogEntry): string {
  return `${e.match.message ?? e.match.pattern?.replace(/\(\?<\w+>|\\[a-z]|[()[\]?*+^$|{}\\.]/g, ' ') ?? ''} ${e.title}`;
}

/**
 * Up to `limit` entries nearest to an error no entry matched: of its source, by its code (the same code, or the
 * same family: 404xx, 11NN), its status, its operation, and the words its message shares with theirs.
 */
export function nearestEntries(catalog: Catalog, raw: Pick<RawFinding, 'source' | 'code' | 'status' | 'kind' | 'message' | 'name'>, limit = 3): NearEntry[] {
  const words = wordSet(`${raw.message ?? ''} ${raw.name ?? ''}`);
  const family = raw.code !== null && /^\d{4,5}$/.test(raw.code) ? raw.code.slice(0, raw.code.length - 2) : null;
  const scored: Array<{ e: CatalogEntry; score: number }> = [];
  for (const e of catalog.entries) {
    if (e.source !== raw.source || e.notError) continue;
    let score = 0;
    if (raw.code !== null && e.code === raw.code) score += 50;
    else if (family !== null && e.code !== null && e.code.length === raw.code?.length && e.code.startsWith(family)) score += 20;
    if (raw.status !== null && e.status === raw.status) score += 15;
    if (raw.kind !== null && e.match.kinds?.includes(raw.kind)) score += 5;
    if (words.size > 0) {
      const theirs = wordSet(textOf(e));
      let shared = 0;
      for (const w of words) if (theirs.has(w)) shared++;
      score += (40 * shared) / Math.max(1, new Set([...words, ...theirs]).size);
    }
    if (score >= 10) scored.push({ e, score: e.match.fallback ? score - 5 : score });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ e }) => ({ id: e.id, title: e.title, retry: e.retry.verdict }));
}
