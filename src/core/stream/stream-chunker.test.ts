import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, diagnoseLines, mergeFindings, rankFindings } from '../decode/decode';
import type { Finding } from '../decode/finding';
import { generateMixedLog } from '../../testing/mixed-log';
import { testCatalog } from '../../testing/read-with';
import { readSharedFixtures } from '../../testing/shared-fixtures';
import { createStreamChunker, type StreamOptions } from './stream-chunker';

const samples = readSharedFixtures().map((f) => f.input);
const shape = (findings: Finding[]) =>
  findings.map((f) => ({ source: f.source, code: f.code, status: f.status, entry: f.entry, kind: f.kind, message: f.message, count: f.count, spans: f.spans }));

/** The text given in pieces of the given sizes (cycled), chunked, decoded chunk by chunk and merged. */
function streamed(text: string, sizes: number[], options: StreamOptions) {
  const chunker = createStreamChunker(options);
  const found: Finding[] = [];
  let held = 0;
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length] ?? 1);
    for (const lines of chunker.push(text.slice(at, at + n))) found.push(...diagnoseLines(lines, testCatalog));
    held = Math.max(held, chunker.held);
    at += n;
  }
  for (const lines of chunker.end()) found.push(...diagnoseLines(lines, testCatalog));
  return { findings: rankFindings(mergeFindings(found)), held };
}

describe('createStreamChunker', () => {
  it('a mixed log read in pieces of any size gives what decode() gives on the whole text (property)', () => {
    const logs = [1, 2, 3].map((seed) => generateMixedLog({ samples, targetChars: 120_000, seed, errorRate: 0.08 }).text);
    fc.assert(
      fc.property(fc.constantFrom(...logs), fc.array(fc.integer({ min: 1, max: 40_000 }), { minLength: 1, maxLength: 8 }), (text, sizes) => {
        const { findings } = streamed(text, sizes, { windowChars: 16_384, chunkChars: 4096 });
        expect(shape(findings)).toEqual(shape(decode(text, testCatalog)));
      }),
      { numRuns: 12 },
    );
  });

  it('holds about two windows of text, not the whole stream', () => {
    const text = generateMixedLog({ samples, targetChars: 600_000, seed: 9 }).text;
    const { held } = streamed(text, [65_536], { windowChars: 32_768, chunkChars: 4096 });
    expect(held).toBeLessThan(3 * 65_536);
  });

  it('a line longer than the window waits for its end; line numbers stay the whole text\'s', () => {
    const long = `{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found","pad":"${'x'.repeat(5000)}"}`;
    const text = `${'INFO ok\n'.repeat(300)}${long}\n${'INFO ok\n'.repeat(300)}`;
    const { findings } = streamed(text, [777], { windowChars: 1024, chunkChars: 1024 });
    expect(findings.map((f) => [f.code, f.span.startLine])).toEqual([['404', 301]]);
  });

  it('an empty stream, and a stream without a final line break', () => {
    expect(createStreamChunker().end()).toEqual([]);
    const c = createStreamChunker({ windowChars: 1024 });
    expect(c.push('Promise not found')).toEqual([]);
    expect(c.end().flat().map((l) => l.text)).toEqual(['Promise not found']);
  });
});
