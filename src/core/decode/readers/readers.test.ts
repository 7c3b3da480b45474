import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSharedFixtures } from '../../../testing/shared-fixtures';
import { readWith } from '../../../testing/read-with';
import { READERS } from '.';
import type { Reader } from './reader';

const samples = readSharedFixtures().map((f) => f.input);
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(...samples).chain((s) => fc.nat({ max: s.length }).map((n) => s.slice(0, n))),
  fc.constantFrom('{', '{"kind":"', "{'a': ", 'HTTP/1.1 500 x\n', 'Traceback (most recent call last):\n', '    at x (y.js:1:1)\n', 'Error: "').chain((s) =>
    fc.nat({ max: 200 }).map((n) => s.repeat(n)),
  ),
);

describe('the reader list', () => {
  it('names each reader once, in kebab-case', () => {
    const names = READERS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(READERS.map((r) => [r.name, r] as const))('%s never throws and never reads backwards or past the text', (_name, reader) => {
    fc.assert(
      fc.property(hostile, (text) => {
        const { results } = readWith(reader, text);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const r of results) {
          expect(r.end).toBeGreaterThanOrEqual(r.at);
          expect(r.end).toBeLessThan(lineCount);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** For each reader, a real paste of its shape (a shared fixture) and what the reader alone takes off it. */
const REAL: Array<[string, string, { source: string; code?: string | null; name?: string | null; lines?: [number, number] }]> = [
  ['python-traceback', 'legacy-py-storeerror-100-40400', { source: 'python-sdk', code: '100.40400' }],
  ['pytest-section', 'py-pytest-two-failures', { source: 'python-sdk' }],
  ['lambda-report', 'py-lambda-format-canceled', { source: 'python-sdk', name: 'ResonateCanceledError' }],
  ['node-error', 'ts0115-invalid-id-colon', { source: 'ts-sdk', code: '1110' }],
  ['http-response', 'poll-503-capacity', { source: 'server', code: '503' }],
  ['json-objects', 'legacy-50004-store-error', { source: 'legacy-server', code: '50004', lines: [1, 7] }],
  ['cli-error', 'promise-get-404-cli', { source: 'server', code: null }],
  ['sdk-log-line', 'ts096-retv-bigint-log-line', { source: 'ts-sdk' }],
];
const byId = new Map(readSharedFixtures().map((f) => [f.id, f.input]));
const byName = new Map<string, Reader>(READERS.map((r) => [r.name, r]));

describe('each reader on a real paste of its shape', () => {
  it.each(REAL)('%s reads %s', (name, id, want) => {
    const reader = byName.get(name);
    const input = byId.get(id);
    expect(reader, name).toBeDefined();
    expect(input, id).toBeDefined();
    if (!reader || input === undefined) return;
    const [first] = readWith(reader, input).raws;
    expect(first, 'a raw finding').toBeDefined();
    expect(first?.source).toBe(want.source);
    if (want.code !== undefined) expect(first?.code).toBe(want.code);
    if (want.name !== undefined) expect(first?.name).toBe(want.name);
    if (want.lines) expect([first?.span.startLine, first?.span.endLine]).toEqual(want.lines);
  });

  it('plain-body reads a known plain-text body on a line of its own, and not inside a sentence', () => {
    const reader = byName.get('plain-body');
    if (!reader) throw new Error('plain-body is not listed');
    expect(readWith(reader, 'Poll registration at capacity').raws.map((r) => r.source)).toEqual(['server']);
    expect(readWith(reader, 'we saw Poll registration at capacity twice').raws).toEqual([]);
  });

  it('python-banner reads the SDK shutdown banner with the release it names', () => {
    const reader = byName.get('python-banner');
    if (!reader) throw new Error('python-banner is not listed');
    const banner = [
      'Resonate encountered an unexpected exception and had to shut down.',
      '📦 Version:  0.6.7',
      '🧵 Thread:   MainThread',
      'Traceback (most recent call last):',
      '  File "/srv/app/.venv/lib/python3.12/site-packages/resonate/stores/remote.py", line 95, in call',
      '    raise ResonateStoreError(mesg=mesg, code=code, details=details) from e',
      'resonate.errors.errors.ResonateStoreError: [100.40400] The specified promise was not found',
    ].join('\n');
    const [raw] = readWith(reader, banner).raws;
    expect(raw?.versions?.sdk).toBe('resonate-sdk 0.6.7');
    expect(raw?.span).toEqual({ startLine: 1, endLine: 7 });
  });
});

describe('sdk-log-line: resonate-sdk 0.7.x background task failures', () => {
  it('reads the server error a background task failed with, and its status', () => {
    const reader = byName.get('sdk-log-line');
    if (!reader) throw new Error('sdk-log-line is not listed');
    const [raw] = readWith(reader, 'background task failed: server error (code=401): Unauthorized').raws;
    expect(raw).toMatchObject({ source: 'python-sdk', name: 'ServerError', status: 401, wraps: { status: 401, message: 'Unauthorized' } });
    expect(readWith(reader, 'my own background task failed: disk quota').raws).toEqual([]);
  });
});
