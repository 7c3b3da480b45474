import { SOURCES } from '../../core/catalog/catalog-types';
import type { CatalogEntry, Source } from '../../core/catalog/catalog-types';

/**
 * The catalog browser's search: by code (`1102`, `40400`, `100.40400`), HTTP status, entry id, exception
 * name, or any word of an entry's message, title or text. Pure, so the page can call it on every keystroke.
 */

/** Every word of the query must appear (any case) somewhere in the entry; an empty query keeps every entry. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^["'`]+|["'`]+$/g, ''))
    .filter((w) => w !== '');
}

const haystacks = new WeakMap<CatalogEntry, string>();

/** All the text of an entry that a search looks at, lower case. */
export function entryHaystack(entry: CatalogEntry): string {
  let h = haystacks.get(entry);
  if (h !== undefined) return h;
  const m = entry.match;
  const parts: string[] = [
    entry.id,
    entry.code ?? '',
    entry.status !== undefined ? String(entry.status) : '',
    entry.name ?? '',
    entry.title,
    m.message ?? '',
    m.pattern ?? '',
    ...(m.names ?? []),
    ...(m.kinds ?? []),
    ...(m.statuses ?? []).map(String),
    ...(m.promiseState ?? []),
    entry.summary,
    ...entry.causes,
    entry.retry.reason,
    ...entry.steps,
    entry.mismatch ?? '',
    entry.versions ?? '',
  ];
  for (const v of entry.byKind ?? []) {
    parts.push(...v.kinds, v.summary ?? '', v.retry?.reason ?? '', ...(v.causes ?? []), ...(v.steps ?? []));
  }
  h = parts.join('\n').toLowerCase();
  haystacks.set(entry, h);
  return h;
}

/** How well an entry answers the query: its code, status, id or name outright first, then its title, then its message. */
function score(entry: CatalogEntry, words: readonly string[], whole: string): number {
  const exact = [entry.code, entry.status !== undefined ? String(entry.status) : null, entry.id, entry.name ?? null]
    .filter((v): v is string => v !== null)
    .map((v) => v.toLowerCase());
  if (exact.includes(whole)) return 4;
  if (words.some((w) => exact.includes(w))) return 3;
  const title = entry.title.toLowerCase();
  if (words.every((w) => title.includes(w))) return 2;
  const message = `${entry.match.message ?? ''}\n${entry.match.pattern ?? ''}`.toLowerCase();
  if (words.every((w) => message.includes(w))) return 1;
  return 0;
}

/** The entries that hold every word of the query, best answers first (catalog order among equals). */
export function searchCatalog(entries: readonly CatalogEntry[], query: string): CatalogEntry[] {
  const words = queryWords(query);
  if (words.length === 0) return [...entries];
  const whole = words.join(' ');
  const hits: Array<{ entry: CatalogEntry; score: number; index: number }> = [];
  entries.forEach((entry, index) => {
    const h = entryHaystack(entry);
    if (words.every((w) => h.includes(w))) hits.push({ entry, score: score(entry, words, whole), index });
  });
  hits.sort((a, b) => b.score - a.score || a.index - b.index);
  return hits.map((hit) => hit.entry);
}

export type CatalogSection = { source: Source; entries: CatalogEntry[] };

/** Entries by source, in the catalog's order of sources; sources without entries are left out. Order within is kept. */
export function groupBySource(entries: readonly CatalogEntry[]): CatalogSection[] {
  return SOURCES.map((source) => ({ source, entries: entries.filter((e) => e.source === source) })).filter(
    (section) => section.entries.length > 0,
  );
}
