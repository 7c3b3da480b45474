import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import { parseCatalog } from '../catalog/parse-catalog';
import { decode } from '../decode/decode';
import { makeFinding } from '../../testing/make-finding';
import { filterGroups, groupFacets, groupFindings } from './group';
import { splitLogLines } from './timestamps';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;

const get404 = makeFinding({ kind: 'promise.get', spans: [{ startLine: 3, endLine: 3 }, { startLine: 9, endLine: 9 }] });
const settle404 = makeFinding({ kind: 'promise.settle', retry: 'never', retryReason: 'Settled already.', span: { startLine: 5, endLine: 5 } });
const warning = makeFinding({
  source: 'python-sdk',
  code: null,
  status: null,
  entry: 'py.network-retry',
  title: 'Cannot connect, retrying',
  message: 'Networking. Cannot connect to http://localhost:8001. Retrying in 5 sec',
  name: 'NetworkRetryWarning',
  error: false,
  warning: true,
  retry: 'safe',
  spans: [1, 2, 4, 6, 7].map((n) => ({ startLine: n, endLine: n })),
});
const unknownA = makeFinding({ source: 'unknown', code: null, status: null, entry: null, title: 'KeyError', message: "'customer_id'", retry: 'after-fix', span: { startLine: 8, endLine: 8 } });
const unknownB = makeFinding({ source: 'unknown', code: null, status: null, entry: null, title: 'KeyError', message: "'order_id'", retry: 'after-fix', span: { startLine: 10, endLine: 10 } });
const success = makeFinding({ code: '200', status: 200, entry: 'server.200.success', title: 'Success', message: null, error: false, retry: 'n/a', span: { startLine: 11, endLine: 11 } });

describe('groupFindings', () => {
  const groups = groupFindings([get404, warning, settle404, unknownA, unknownB, success]);

  it('groups by catalog entry, and findings without one by source, code and message', () => {
    expect(groups.map((g) => g.key)).toEqual([
      'entry:server.404.promise-not-found',
      'entry:py.network-retry',
      "text:unknown||'customer_id'",
      "text:unknown||'order_id'",
      'entry:server.200.success',
    ]);
  });

  it('adds the counts, keeps every instance in text order, and collects sources, codes and kinds', () => {
    const g = groups[0];
    expect(g?.count).toBe(3);
    expect(g?.findings).toEqual([get404, settle404]);
    expect(g?.instances.map((i) => i.span.startLine)).toEqual([3, 5, 9]);
    expect(g?.instances[1]?.finding).toBe(settle404);
    expect(g?.kinds).toEqual(['promise.get', 'promise.settle']);
    expect(g?.codes).toEqual(['404']);
    expect(g?.statuses).toEqual([404]);
  });

  it('gives the most cautious verdict, and every verdict when the kinds disagree', () => {
    expect(groups[0]?.retry).toBe('never');
    expect(groups[0]?.retryReason).toBe('Settled already.');
    expect(groups[0]?.verdicts).toEqual(['never', 'after-fix']);
  });

  it('puts errors before warnings, non-Resonate errors and successes; then the most frequent first', () => {
    const busy = makeFinding({ entry: 'server.500.x', code: '500', status: 500, spans: Array.from({ length: 9 }, (_, i) => ({ startLine: 20 + i, endLine: 20 + i })) });
    expect(groupFindings([success, warning, get404, busy]).map((g) => g.entry)).toEqual(['server.500.x', 'server.404.promise-not-found', 'py.network-retry', 'server.200.success']);
  });

  it('reads the first and last time seen from the lines', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `2026-11-25 02:56:${String(10 + i).padStart(2, '0')},000 INFO line ${i + 1}`);
    const [g] = groupFindings([get404, settle404], lines);
    expect(g?.first?.text).toBe('2026-11-25 02:56:12,000');
    expect(g?.last?.text).toBe('2026-11-25 02:56:18,000');
    expect(g?.instances.map((i) => i.time?.text.slice(-6))).toEqual(['12,000', '14,000', '18,000']);
    expect(groupFindings([get404])[0]?.first).toBeNull();
  });

  it('matches the decoder on a real log: one group per entry, counts and times', () => {
    const text = [
      '2026-11-25 02:56:10,741 ERROR [w] failed: {"kind":"promise.get","head":{"corrId":"a","status":404,"version":"2026-04-01"},"data":"Promise not found"}',
      '2026-11-25 02:56:11,000 INFO [w] retrying',
      '2026-11-25 02:57:10,741 ERROR [w] failed: {"kind":"promise.get","head":{"corrId":"b","status":404,"version":"2026-04-01"},"data":"Promise not found"}',
    ].join('\n');
    const findings = decode(text, catalog);
    const groups = groupFindings(findings, splitLogLines(text));
    expect(groups).toHaveLength(1);
    expect(groups[0]?.count).toBe(2);
    expect(groups[0]?.entry).toBe(findings[0]?.entry);
    expect(groups[0]?.first?.text).toBe('2026-11-25 02:56:10,741');
    expect(groups[0]?.last?.text).toBe('2026-11-25 02:57:10,741');
  });

  it('gives no group for no findings', () => {
    expect(groupFindings([])).toEqual([]);
  });
});

describe('filterGroups', () => {
  const groups = groupFindings([get404, warning, settle404, unknownA, unknownB, success]);
  const keys = (filter: Parameters<typeof filterGroups>[1]) => filterGroups(groups, filter).map((g) => g.key);

  it('lets everything through with an empty filter', () => {
    expect(keys({})).toHaveLength(groups.length);
    expect(keys({ sources: [], verdicts: [], text: '  ' })).toHaveLength(groups.length);
  });

  it('filters by source and by verdict (any of the group’s verdicts)', () => {
    expect(keys({ sources: ['python-sdk'] })).toEqual(['entry:py.network-retry']);
    expect(keys({ verdicts: ['never'] })).toEqual(['entry:server.404.promise-not-found']);
    expect(keys({ verdicts: ['after-fix'], sources: ['unknown'] })).toHaveLength(2);
    expect(keys({ verdicts: ['n/a'] })).toEqual(['entry:server.200.success']);
  });

  it('filters by every word of the text, in any case, over titles, codes, kinds, messages and names', () => {
    expect(keys({ text: 'promise.settle' })).toEqual(['entry:server.404.promise-not-found']);
    expect(keys({ text: 'customer_id' })).toEqual(["text:unknown||'customer_id'"]);
    expect(keys({ text: 'NETWORKRETRYWARNING localhost' })).toEqual(['entry:py.network-retry']);
    expect(keys({ text: '404 nothing-like-this' })).toEqual([]);
  });
});

describe('groupFacets', () => {
  it('counts groups and occurrences per source and per verdict', () => {
    const facets = groupFacets(groupFindings([get404, warning, settle404, unknownA]));
    expect(facets.sources).toEqual([
      { value: 'python-sdk', groups: 1, count: 5 },
      { value: 'server', groups: 1, count: 3 },
      { value: 'unknown', groups: 1, count: 1 },
    ]);
    expect(facets.verdicts.map((v) => [v.value, v.groups, v.count])).toEqual([
      ['never', 1, 1],
      ['after-fix', 2, 3],
      ['safe', 1, 5],
    ]);
  });
});
