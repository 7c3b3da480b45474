import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLines } from '../decode/normalize';
import { boundaryKind, safeBoundaries, splitIntoChunks } from './chunks';

const linesOf = (text: string) => normalizeLines(text);
const kindBefore = (text: string, needle: string) => {
  const lines = linesOf(text);
  const b = lines.findIndex((l) => l.text.startsWith(needle));
  return boundaryKind(lines, b);
};

describe('boundaryKind', () => {
  it('accepts a blank line that ends a record, and a line that starts a new one', () => {
    expect(kindBefore('ValueError: x\n\nsomething else', 'something')).toBe('blank');
    expect(kindBefore('2026-11-25 02:56:10,741 INFO a\n2026-11-25 02:56:11,000 INFO b', '2026-11-25 02:56:11')).toBe('record');
    expect(kindBefore('2026-11-25 02:56:10,741 INFO a\nTraceback (most recent call last):\n  File "x.py", line 1, in f\nValueError: x', 'Traceback')).toBe('record');
    expect(kindBefore('{"level":"info","msg":"a"}\n{"level":"info","msg":"b"}', '{"level":"info","msg":"b"}')).toBe('record');
    expect(kindBefore('time=2026-11-25T02:56:10Z level=INFO msg=a\ntime=2026-11-25T02:56:11Z level=INFO msg=b', 'time=2026-11-25T02:56:11Z')).toBe('record');
  });

  it('refuses the inside of a traceback and its chain', () => {
    const chain = 'Traceback (most recent call last):\n  File "a.py", line 1, in f\nKeyError: 1\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File "b.py", line 2, in g\nValueError: 2';
    const lines = linesOf(chain);
    for (let b = 1; b < lines.length; b++) expect(boundaryKind(lines, b), lines[b]?.text).toBeNull();
  });

  it('refuses to split curl -i headers from their body, a request from its response, a JS stack from its footer', () => {
    expect(kindBefore('HTTP/1.1 503 Service Unavailable\ncontent-type: text/plain\n\nPoll registration at capacity', 'Poll')).toBeNull();
    expect(kindBefore('{"kind":"promise.get","head":{"corrId":"1","version":"2026-04-01"},"data":{"id":"a"}}\n{"kind":"promise.get","head":{"corrId":"1","status":404,"version":"2026-04-01"},"data":"Promise not found"}', '{"kind":"promise.get","head":{"corrId":"1","status"')).toBeNull();
    expect(kindBefore('{\n  "kind": "promise.create"\n}\n\nResponse (400):\n{"a":1}', 'Response')).toBeNull();
    expect(kindBefore('Error: boom\n    at f (/x.js:1:1)\n\nNode.js v20.1.0', 'Node.js')).toBeNull();
    expect(kindBefore('$ curl -s localhost:8001\n{"error":"x"}', '{"error"')).toBeNull();
  });

  it('does not split a pytest section or the shutdown banner', () => {
    const pytest = '_____ test_get _____\n\n    def test_get():\n\nE   ValueError: x\n\ntests/t.py:5: ValueError\n===== 1 failed =====\n\nafter';
    const lines = linesOf(pytest);
    const allowed = safeBoundaries(lines).map((b) => lines[b.line]?.text);
    expect(allowed).toEqual(['after']);
    const banner = 'Resonate encountered an unexpected exception and had to shut down.\n\n📦 Version:     0.6.7\n\nTraceback (most recent call last):\n  File "a.py", line 1, in f\nValueError: x\n\n🔗 Please help us\nhttps://github.com/resonatehq/resonate-sdk-py/issues/new?body=x\n\n2026-11-25 02:56:10,741 INFO after';
    const bl = linesOf(banner);
    expect(safeBoundaries(bl).map((b) => bl[b.line]?.text)).toEqual(['2026-11-25 02:56:10,741 INFO after']);
  });
});

describe('splitIntoChunks', () => {
  const log = Array.from({ length: 2000 }, (_, i) => `2026-11-25 02:56:${String(i % 60).padStart(2, '0')},000 INFO [w] line ${i}`).join('\n');

  it('cuts about every chunkChars characters at record starts, covering every line once', () => {
    const lines = linesOf(log);
    const chunks = splitIntoChunks(lines, { chunkChars: 4096 });
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks[0]?.start).toBe(0);
    expect(chunks.at(-1)?.end).toBe(lines.length);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]?.start).toBe(chunks[i - 1]?.end);
    for (const c of chunks.slice(0, -1)) {
      expect(c.cut).toBe('record');
      expect(c.chars).toBeGreaterThanOrEqual(4096);
      expect(c.chars).toBeLessThan(4096 + 200);
    }
  });

  it('prefers a blank line close after the target to the first record start', () => {
    const withBlank = log.replace('line 105\n', 'line 105\n\n');
    const chunks = splitIntoChunks(linesOf(withBlank), { chunkChars: 4096 });
    expect(chunks[0]?.cut).toBe('blank');
  });

  it('cuts at maxChunkChars when no boundary is safe', () => {
    const stack = 'Error: boom\n' + Array.from({ length: 500 }, (_, i) => `    at f${i} (/x.js:1:1)`).join('\n');
    const chunks = splitIntoChunks(linesOf(stack), { chunkChars: 1000, maxChunkChars: 3000 });
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.slice(0, -1).every((c) => c.cut === 'forced' && c.chars <= 3100)).toBe(true);
  });

  it('covers any text with contiguous, non-empty chunks', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.integer({ min: 1, max: 400 }), (text, chunkChars) => {
        const lines = linesOf(text);
        const chunks = splitIntoChunks(lines, { chunkChars });
        let at = 0;
        for (const c of chunks) {
          expect(c.start).toBe(at);
          expect(c.end).toBeGreaterThan(c.start);
          at = c.end;
        }
        expect(at).toBe(lines.length);
      }),
      { numRuns: 300 },
    );
  });

  it('returns no chunk for no lines', () => {
    expect(splitIntoChunks([])).toEqual([]);
  });
});
