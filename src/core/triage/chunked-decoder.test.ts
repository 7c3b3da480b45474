import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import { parseCatalog } from '../catalog/parse-catalog';
import { decode, diagnoseLines, mergeFindings } from '../decode/decode';
import type { Finding } from '../decode/finding';
import { normalizeLines } from '../decode/normalize';
import { generateMixedLog } from '../../testing/mixed-log';
import { readSharedFixtures } from '../../testing/shared-fixtures';
import { createChunkedDecoder, decodeChunked } from './chunked-decoder';
import { safeBoundaries } from './chunks';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;
const fixtures = readSharedFixtures();
const samples = fixtures.map((f) => f.input);

/** What must not change: identity, counts and every occurrence, in rank order. */
const shape = (findings: Finding[]) =>
  findings.map((f) => ({ source: f.source, code: f.code, status: f.status, entry: f.entry, kind: f.kind, message: f.message, count: f.count, spans: f.spans, notes: f.notes }));

describe('every boundary the splitter may choose inside a shared fixture keeps its findings', () => {
  it.each(fixtures.map((f) => [f.id, f.input] as const))('%s', (_id, input) => {
    const text = `2026-11-25 02:56:10,741 ERROR [orders.worker] unexpected failure, details follow\n${input}\n\n2026-11-25 02:56:11,000 INFO [w] ok`;
    const lines = normalizeLines(text);
    const whole = shape(mergeFindings(diagnoseLines(lines, catalog)));
    for (const { line } of safeBoundaries(lines)) {
      const split = [...diagnoseLines(lines.slice(0, line), catalog), ...diagnoseLines(lines.slice(line), catalog)];
      expect(shape(mergeFindings(split)), `boundary before line ${line + 1}`).toEqual(whole);
    }
  });
});

describe('createChunkedDecoder', () => {
  it('gives what decode() gives on a mixed log cut into many chunks', () => {
    for (const seed of [1, 2, 3]) {
      const { text } = generateMixedLog({ samples, targetChars: 200_000, seed, errorRate: 0.08 });
      const decoder = createChunkedDecoder(text, catalog, { chunkChars: 4096 });
      expect(decoder.total).toBeGreaterThan(40);
      const chunked = decodeChunked(text, catalog, { chunkChars: 4096 });
      expect(shape(chunked)).toEqual(shape(decode(text, catalog)));
    }
  });

  it('reports progress chunk by chunk, and the occurrences add up to the counts', () => {
    const { text } = generateMixedLog({ samples, targetChars: 100_000, seed: 7, errorRate: 0.1 });
    const decoder = createChunkedDecoder(text, catalog, { chunkChars: 8192 });
    const steps = [...decoder];
    expect(steps.map((s) => s.done)).toEqual(Array.from({ length: decoder.total }, (_, i) => i + 1));
    expect(steps.every((s) => s.total === decoder.total && s.failed === 0)).toBe(true);
    const last = steps.at(-1);
    const occurrences = steps.reduce((n, s) => n + s.occurrences, 0);
    expect(last?.findings.reduce((n, f) => n + f.count, 0)).toBe(occurrences);
    expect(last?.chunk.endLine).toBe(text.split('\n').length);
    expect(decoder.next()).toBeNull();
  });

  it('gives spans as line numbers of the whole text', () => {
    const noise = Array.from({ length: 3000 }, (_, i) => `2026-11-25 02:56:10,741 INFO [w] step ${i}`);
    noise[2500] = '{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}';
    const findings = decodeChunked(noise.join('\n'), catalog, { chunkChars: 4096 });
    expect(findings[0]?.span).toEqual({ startLine: 2501, endLine: 2501 });
    expect(findings[0]?.excerpt).toContain('Promise not found');
  });

  it('reads an empty text as nothing', () => {
    expect(decodeChunked('', catalog)).toEqual([]);
  });
});

describe('chunked decoding never throws, and its counts are the sum over its chunks', () => {
  const piece = fc.oneof(
    fc.constantFrom(...samples),
    fc.constantFrom('', '\n', '\n\n', '2026-11-25 02:56:10,741 INFO [w] ok', '{"level":"info","msg":"x"}', 'Traceback (most recent call last):', '  File "x.py", line 1, in f', '    at f (x.js:1:1)', 'HTTP/1.1 500', '{', '}', '_____ t _____', '====='),
    fc.string({ maxLength: 80 }),
  );

  it('on logs made of fixtures, record starts, block fragments and junk, cut anywhere', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 16, max: 4096 }), (parts, chunkChars) => {
        const text = parts.join('\n');
        const decoder = createChunkedDecoder(text, catalog, { chunkChars });
        let occurrences = 0;
        let steps = 0;
        let failed = 0;
        for (const step of decoder) {
          occurrences += step.occurrences;
          failed = step.failed;
          steps++;
        }
        expect(failed, 'a reader threw').toBe(0);
        const findings = decoder.findings();
        expect(steps).toBe(decoder.total);
        expect(decoder.next()).toBeNull();
        expect(findings.reduce((n, f) => n + f.count, 0)).toBe(occurrences);
        const lineCount = normalizeLines(text).length;
        for (const f of findings) for (const s of f.spans) expect(s.endLine).toBeLessThanOrEqual(lineCount);
      }),
      { numRuns: 200 },
    );
  });
});
