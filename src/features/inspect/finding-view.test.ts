import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/decode/finding';
import {
  badgeParts,
  findingFacts,
  findingNature,
  findingsSummary,
  formatFrame,
  formatSpan,
  formatSpans,
  occurrenceText,
  otherCauses,
  whatHappened,
} from './finding-view';
import type { CatalogEntry } from '../../core/catalog/catalog-types';
import { makeFinding } from '../../testing/make-finding';

function finding(over: Partial<Finding> = {}): Finding {
  return makeFinding({
    kind: 'promise.get',
    summary: 'The server has no promise with this id.',
    cause: 'The id is wrong.',
    causes: ['The id is wrong.', 'The promise was not created yet.'],
    steps: ['Check the id.'],
    corrId: 'c1',
    ...over,
  });
}

describe('findingNature', () => {
  it('tells errors, warnings, successes and foreign errors apart', () => {
    expect(findingNature(finding())).toBe('error');
    expect(findingNature(finding({ warning: true }))).toBe('warning');
    expect(findingNature(finding({ error: false, retry: 'n/a' }))).toBe('not-error');
    expect(findingNature(finding({ source: 'unknown', code: null }))).toBe('not-resonate');
  });
});

describe('badgeParts', () => {
  it('shows source, code and kind', () => {
    expect(badgeParts(finding())).toEqual(['Resonate server', '404', 'promise.get']);
  });

  it('falls back to the HTTP status, and leaves out what is missing', () => {
    expect(badgeParts(finding({ source: 'legacy-server', code: null, status: 403, kind: null }))).toEqual([
      'Legacy Go server',
      'HTTP 403',
    ]);
    expect(badgeParts(finding({ source: 'unknown', code: null, status: null, kind: null }))).toEqual(['Not Resonate']);
  });
});

describe('small formatters', () => {
  it('formats frames', () => {
    expect(formatFrame({ file: 'app/worker.py', line: 58, func: 'on_message' })).toBe('app/worker.py:58 in on_message');
    expect(formatFrame({ file: 'a.mjs', line: 6, column: 19, func: null })).toBe('a.mjs:6:19');
    expect(formatFrame({ file: 'a.mjs', line: null, column: 3, func: null })).toBe('a.mjs');
  });

  it('formats spans', () => {
    expect(formatSpan({ startLine: 3, endLine: 3 })).toBe('line 3');
    expect(formatSpan({ startLine: 3, endLine: 12 })).toBe('lines 3–12');
    expect(formatSpans([{ startLine: 3, endLine: 3 }])).toBe('line 3');
    expect(
      formatSpans([
        { startLine: 18, endLine: 18 },
        { startLine: 20, endLine: 20 },
        { startLine: 22, endLine: 24 },
      ]),
    ).toBe('lines 18, 20, 22–24');
  });

  it('lists the other causes and the count', () => {
    expect(otherCauses(finding())).toEqual(['The promise was not created yet.']);
    expect(occurrenceText(1)).toBeNull();
    expect(occurrenceText(3)).toBe('Seen 3 times in this paste');
  });
});

describe('whatHappened', () => {
  const entry: CatalogEntry = {
    id: 'server.404.promise-not-found',
    source: 'server',
    code: '404',
    match: {},
    title: 'Promise not found',
    summary: 'From the catalog.',
    causes: [],
    retry: { verdict: 'after-fix', reason: '' },
    steps: [],
  };

  it('prefers the summary the decoder gives', () => {
    expect(whatHappened(finding(), entry)).toBe('The server has no promise with this id.');
  });

  it('falls back to the catalog entry, then to nothing', () => {
    expect(whatHappened(finding({ summary: '' } as Partial<Finding>), entry)).toBe('From the catalog.');
    expect(whatHappened(finding({ summary: '' } as Partial<Finding>), undefined)).toBeNull();
  });
});

describe('findingFacts', () => {
  it('lists what the text told, in order, and marks inferred fields', () => {
    const facts = findingFacts(
      finding({
        rawKind: 'promises.get',
        inferred: ['status'],
        ids: { promise: 'order-42' },
        versions: { protocol: '2026-04-01' },
        userFrame: { file: 'app/worker.py', line: 58, func: 'on_message' },
      }),
    );
    expect(facts).toEqual([
      { label: 'Message', value: 'Promise not found' },
      { label: 'Code', value: '404' },
      { label: 'Status', value: '404', inferred: true },
      { label: 'Kind', value: 'promise.get (pasted as promises.get)' },
      { label: 'Correlation id', value: 'c1' },
      { label: 'Promise id', value: 'order-42' },
      { label: 'Protocol version', value: '2026-04-01' },
      { label: 'Your code', value: 'app/worker.py:58 in on_message' },
      { label: 'Read from', value: 'line 1' },
    ]);
  });

  it('shows the chain and what an SDK error wraps', () => {
    const facts = findingFacts(
      finding({
        source: 'python-sdk',
        code: '100.40400',
        chain: [
          { name: 'requests.exceptions.HTTPError', message: '404 Client Error' },
          { name: 'ResonateStoreError', message: '[100.40400] The specified promise was not found' },
        ],
        wraps: { source: 'legacy-server', code: '40400', status: 404, message: 'The specified promise was not found' },
        spans: [
          { startLine: 1, endLine: 9 },
          { startLine: 11, endLine: 19 },
        ],
      }),
    );
    expect(facts).toContainEqual({ label: 'Wraps', value: 'Legacy Go server · 40400 · The specified promise was not found' });
    expect(facts).toContainEqual({
      label: 'Chain (root cause first)',
      value: ['requests.exceptions.HTTPError: 404 Client Error', 'ResonateStoreError: [100.40400] The specified promise was not found'],
    });
    expect(facts).toContainEqual({ label: 'Read from', value: 'lines 1–9, 11–19' });
  });
});

describe('findingsSummary', () => {
  it('says plainly when nothing was found', () => {
    expect(findingsSummary([])).toBe('No Resonate error, envelope or trace found in this text');
  });

  it('counts findings by nature', () => {
    expect(findingsSummary([finding()])).toBe('1 finding: 1 Resonate error');
    expect(
      findingsSummary([
        finding(),
        finding(),
        finding({ source: 'unknown' }),
        finding({ error: false, retry: 'n/a' }),
        finding({ warning: true }),
      ]),
    ).toBe('5 findings: 2 Resonate errors, 1 warning, 1 error not from Resonate, 1 success (not an error)');
  });
});
