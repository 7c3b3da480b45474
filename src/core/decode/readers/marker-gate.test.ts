import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../testing/corpus';
import { generateMixedLog } from '../../../testing/mixed-log';
import { testCatalog } from '../../../testing/read-with';
import { readSharedFixtures } from '../../../testing/shared-fixtures';
import { readFindings } from '../decode';
import { READERS } from '.';
import { FEW_WORDS_SPAN, MARKER_CHARS, markerGate, markerTexts } from './marker-gate';

const inputs = [...readCorpus().map((c) => c.input), ...readSharedFixtures().map((f) => f.input)];

/** The gate's contract, naively: each reader whose marker (its first MARKER_CHARS characters) is in the line, ASCII case and non-ASCII characters aside. */
function naiveMask(text: string): number {
  const fold = (t: string) =>
    t
      .split('')
      .map((c) => (c >= 'A' && c <= 'Z' ? c.toLowerCase() : c.charCodeAt(0) >= 127 ? '\u007f' : c))
      .join('');
  const line = fold(text);
  const words = (text.slice(0, FEW_WORDS_SPAN).match(/\w/g) ?? []).length;
  let mask = 0;
  READERS.forEach((r, k) => {
    const m = r.markers;
    if (!m) mask |= 1 << k;
    else {
      if (markerTexts(r, testCatalog).some((t) => line.includes(fold(t.slice(0, MARKER_CHARS))))) mask |= 1 << k;
      if (m.fewWordChars !== undefined && words <= m.fewWordChars) mask |= 1 << k;
    }
  });
  return mask;
}

describe('marker gate', () => {
  it('gives each line exactly the readers whose markers it holds, on real pastes and on lines made of markers', () => {
    const gate = markerGate(READERS, testCatalog);
    for (const text of inputs) for (const line of text.split('\n')) expect(gate.maskOf(line)).toBe(naiveMask(line));
    const markers = READERS.flatMap((r) => markerTexts(r, testCatalog));
    // Pieces of markers (cut, in any case), with characters past ASCII and word characters between them.
    const piece = fc.oneof(
      fc.constantFrom(...markers).chain((m) => fc.tuple(fc.nat(m.length), fc.nat(m.length), fc.boolean()).map(([a, b, up]) => (up ? m.toUpperCase() : m).slice(Math.min(a, b), Math.max(a, b) + 1))),
      fc.constantFrom('é', '’', '😀', '\u007f', 'x', '_', '9', ' ', '{', '\t'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const line = pieces.join('');
        expect(gate.maskOf(line)).toBe(naiveMask(line));
      }),
      { numRuns: 3000 },
    );
  });

  it('lets a reader see a line that holds one of its markers, whatever its case', () => {
    const gate = markerGate(READERS, testCatalog);
    const bit = (name: string) => 1 << READERS.findIndex((r) => r.name === name);
    expect(gate.maskOf('traceback (MOST recent call last):') & bit('python-traceback')).not.toBe(0);
    expect(gate.maskOf('2026/11/25 02:56:10 heartbeat ok for 3 tasks') & bit('python-traceback')).toBe(0);
    // A code on its own passes by its few word characters.
    expect(gate.maskOf('  [40400]  ') & bit('fragments')).not.toBe(0);
  });

  it('finds exactly what every reader on every line finds, on every real paste and on mixed logs', () => {
    const texts = [...inputs, ...[1, 2].map((seed) => generateMixedLog({ samples: inputs, targetChars: 300_000, seed, errorRate: 0.1 }).text)];
    for (const text of texts) expect(readFindings(text, testCatalog)).toEqual(readFindings(text, testCatalog, { ungated: true }));
  });
});
