import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../core/catalog/catalog-types';
import { testCatalog } from '../../testing/read-with';
import { entryHaystack, groupBySource, queryWords, searchCatalog } from './catalog-search';


const entries = testCatalog.entries;

const entry = (over: Partial<CatalogEntry> & Pick<CatalogEntry, 'id' | 'source' | 'title'>): CatalogEntry => ({
  code: null,
  match: {},
  summary: '',
  causes: [],
  retry: { verdict: 'after-fix', reason: '' },
  steps: [],
  ...over,
});

describe('queryWords', () => {
  it('splits on spaces, lower-cases and drops quotes around words', () => {
    expect(queryWords('  "Promise  NOT found" ')).toEqual(['promise', 'not', 'found']);
    expect(queryWords('')).toEqual([]);
    expect(queryWords('`task.fulfill`')).toEqual(['task.fulfill']);
  });
});

describe('searchCatalog', () => {
  it('keeps every entry, in order, for an empty query', () => {
    expect(searchCatalog(entries, '   ')).toEqual(entries);
  });

  it('finds the TypeScript 1102 entries by code, and puts them first', () => {
    const hits = searchCatalog(entries, '1102');
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(hits.slice(0, 2).map((e) => e.code)).toEqual(['1102', '1102']);
    expect(hits[0]?.id).toBe('ts.1102.function-already-registered');
  });

  it('finds an entry by a word of its message, and by several words in any case', () => {
    expect(searchCatalog(entries, 'registered').map((e) => e.id)).toContain('ts.1102.function-already-registered');
    const hits = searchCatalog(entries, 'PROMISE not FOUND');
    expect(hits.map((e) => e.id)).toContain('server.404.promise-not-found');
    expect(hits.every((e) => entryHaystack(e).includes('promise'))).toBe(true);
  });

  it('finds by entry id, exception name, status and operation kind', () => {
    expect(searchCatalog(entries, 'server.404.promise-not-found')[0]?.id).toBe('server.404.promise-not-found');
    expect(searchCatalog(entries, 'ResonateStoreError').length).toBeGreaterThan(0);
    expect(searchCatalog(entries, 'task.fulfill').length).toBeGreaterThan(0);
    expect(searchCatalog(entries, '404').every((e) => entryHaystack(e).includes('404'))).toBe(true);
  });

  it('ranks an exact code above a title, a title above a message, a message above other text', () => {
    const list = [
      entry({ id: 'a', source: 'server', title: 'Other', summary: 'mentions timeout' }),
      entry({ id: 'b', source: 'server', title: 'Other', match: { message: 'Timeout while waiting' } }),
      entry({ id: 'c', source: 'server', title: 'Request timeout' }),
      entry({ id: 'd', source: 'server', title: 'Other', code: 'timeout' }),
    ];
    expect(searchCatalog(list, 'timeout').map((e) => e.id)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('finds nothing for words no entry holds, and never throws on odd input', () => {
    expect(searchCatalog(entries, 'zzzz-no-such-word')).toEqual([]);
    expect(() => searchCatalog(entries, '(((\\[*+?')).not.toThrow();
  });
});

describe('groupBySource', () => {
  it('groups by source in the catalog order of sources and keeps the order within', () => {
    const list = [
      entry({ id: 'p1', source: 'python-sdk', title: 'x' }),
      entry({ id: 's1', source: 'server', title: 'x' }),
      entry({ id: 'p2', source: 'python-sdk', title: 'x' }),
    ];
    expect(groupBySource(list).map((s) => [s.source, s.entries.map((e) => e.id)])).toEqual([
      ['server', ['s1']],
      ['python-sdk', ['p1', 'p2']],
    ]);
  });

  it('covers every entry of the catalog once', () => {
    const sections = groupBySource(entries);
    expect(sections.reduce((n, s) => n + s.entries.length, 0)).toBe(entries.length);
  });
});
