import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../testing/corpus';
import { generateMixedLog } from '../../../testing/mixed-log';
import { testCatalog } from '../../../testing/read-with';
import { readSharedFixtures } from '../../../testing/shared-fixtures';
import { readFindings } from '../decode';
import { READERS } from '.';
import { FEW_WORDS_SPAN, MARKER_CHARS, hintBitsOf, markerGate, markerTexts } from './marker-gate';

const inputs = [...readCorpus().map((c) => c.input), ...readSharedFixtures().map((f) => f.input)];

/** ASCII case and non-ASCII characters aside, as the gate reads a text. */
const fold = (t: string) =>
  t
    .split('')
    .map((c) => (c >= 'A' && c <= 'Z' ? c.toLowerCase() : c.charCodeAt(0) >= 127 ? '\u007f' : c))
    .join('');
/** Each reader's markers and hints, cut at MARKER_CHARS and folded (once: the naive mask runs on thousands of lines). */
const folded = READERS.map((r) => ({
  markers: markerTexts(r, testCatalog).map((t) => fold(t.slice(0, MARKER_CHARS))),
  hints: (r.markers?.hints ?? []).map((t) => fold(t.slice(0, MARKER_CHARS))),
}));

/** The gate's contract, naively: each reader whose marker (its first MARKER_CHARS characters) is in the line, ASCII case and non-ASCII characters aside. */
function naiveMask(text: string): number {
  const line = fold(text);
  const words = (text.slice(0, FEW_WORDS_SPAN).match(/\w/g) ?? []).length;
  const holds = (texts: readonly string[]) => texts.some((t) => line.includes(t));
  const hintBits = hintBitsOf(READERS);
  let mask = 0;
  READERS.forEach((r, k) => {
    const m = r.markers;
    if (!m) mask |= 1 << k;
    else {
      if (holds(folded[k]?.markers ?? [])) mask |= 1 << k;
      if (m.fewWordChars !== undefined && words <= m.fewWordChars) mask |= 1 << k;
      if (m.hints && holds(folded[k]?.hints ?? [])) mask |= hintBits[k] ?? 0;
    }
  });
  return mask;
}

describe('marker gate', () => {
  it('gives each line exactly the readers whose markers it holds, on real pastes and on lines made of markers', () => {
    const gate = markerGate(READERS, testCatalog);
    for (const text of inputs) for (const line of text.split('\n')) expect(gate.maskOf(line)).toBe(naiveMask(line));
    const markers = READERS.flatMap((r) => [...markerTexts(r, testCatalog), ...(r.markers?.hints ?? [])]);
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

  it('reads the masks of lines off their bytes as it reads each line where the bytes are its characters, one for one', () => {
    const gate = markerGate(READERS, testCatalog);
    // Where a line's bytes are as many as its text's code units, its mask is its text's.
    const check = (lines: string[], texts: string[] = lines) => {
      const bytes = new TextEncoder().encode(lines.join('\n'));
      const out = new Int32Array(lines.length);
      const lengths = new Int32Array(lines.length);
      gate.masksOf(bytes, 0, bytes.length, out, lengths);
      expect([...lengths]).toEqual(lines.map((l) => Buffer.byteLength(l)));
      texts.forEach((t, k) => {
        if (t.length === lengths[k]) expect(out[k]).toBe(gate.maskOf(t));
      });
    };
    for (const text of inputs) check(text.split('\n'));
    const markers = READERS.flatMap((r) => [...markerTexts(r, testCatalog), ...(r.markers?.hints ?? [])]);
    const piece = fc.oneof(fc.constantFrom(...markers), fc.constantFrom('é', '😀', ' ', '\t', 'x', '_', '9', '{', '\r', '\u001b[31m'), fc.string({ maxLength: 4 }));
    const line = fc.array(piece, { maxLength: 12 }).map((p) => p.join('').replace(/\n/g, ''));
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => check(lines)), { numRuns: 1500 });
    // Lines normalized (an escape code stripped, a quote) have fewer code units than bytes: looked up by their text.
    check(['\u001b[31mTraceback (most recent call last):\u001b[0m', '> ResonateError: x', 'ok'], ['Traceback (most recent call last):', 'ResonateError: x', 'ok']);
    // A byte that is no character (U+FFFD in the text, one code unit) reads as that character does.
    const bad = new Uint8Array([...new TextEncoder().encode('Resonate'), 0xff, ...new TextEncoder().encode('Error: x')]);
    const one = new Int32Array(1);
    const oneLength = new Int32Array(1);
    gate.masksOf(bad, 0, bad.length, one, oneLength);
    expect(oneLength[0]).toBe(new TextDecoder().decode(bad).length);
    expect(one[0]).toBe(gate.maskOf(new TextDecoder().decode(bad)));
    // From a line start in the middle, up to a limit: the lines there.
    const bytes = new TextEncoder().encode('Traceback (most recent call last):\nResonateError: x\nrest');
    const two = new Int32Array(2);
    gate.masksOf(bytes, bytes.indexOf(10) + 1, bytes.length - 2, two, new Int32Array(2));
    expect([...two]).toEqual([gate.maskOf('ResonateError: x'), gate.maskOf('re')]);
  });

  it('lets a reader see a line that holds one of its markers, whatever its case', () => {
    const gate = markerGate(READERS, testCatalog);
    const bit = (name: string) => 1 << READERS.findIndex((r) => r.name === name);
    expect(gate.maskOf('traceback (MOST recent call last):') & bit('python-traceback')).not.toBe(0);
    expect(gate.maskOf('2026/11/25 02:56:10 heartbeat ok for 3 tasks') & bit('python-traceback')).toBe(0);
    // A code on its own passes by its few word characters.
    expect(gate.maskOf('  [40400]  ') & bit('fragments')).not.toBe(0);
    // A line past ASCII that fills the scan's 64 KiB buffer to its last byte is still read to its end.
    const marker = 'Traceback (most recent call last):';
    const full = 'a'.repeat(65536 - 2 * marker.length) + 'é'.repeat(marker.length) + marker;
    expect(gate.maskOf(full) & bit('python-traceback')).not.toBe(0);
  });

  it('tells the JSON reader which lines hold one of its hints: an info record holds none, an envelope does', () => {
    const gate = markerGate(READERS, testCatalog);
    const hint = gate.hintBits[READERS.findIndex((r) => r.name === 'json-objects')] ?? 0;
    expect(hint).not.toBe(0);
    const info = '{"timestamp":"2026-11-25T02:00:00.819Z","level":"info","msg":"task completed","component":"resonate","durationMs":213}';
    expect(gate.maskOf(info) & hint).toBe(0);
    expect(gate.maskOf('{"kind":"promise.get","head":{"corrId":"1","status":404,"version":"2026-04-01"},"data":"not found"}') & hint).not.toBe(0);
    expect(gate.maskOf('{"level":"info","msg":"caf\\u00e9"}') & hint).not.toBe(0);
  });

  it('reads the records that hold only one of the JSON reader\'s hints as it reads them ungated', () => {
    const records = [
      '{"kind":"promise.get","head":{"corrId":"1","status":404,"version":"2026-04-01"},"data":"not found"}',
      '{"level":"warn","msg":"x","code":"02","type":"Registry"}',
      '{"level":"info","msg":"platform failure"}',
      '{"level":"info","msg":"Legacy server detected, falling back"}',
      '{"href":"https://rn8.io/e/1102"}',
      '{"level":"info","msg":"adapter reconnecting"}',
      '{"\\u006bind":"promise.get","head":{"corrId":"1","status":404,"version":"2026-04-01"},"data":"not found"}',
    ];
    for (const r of records) {
      const ungated = readFindings(r, testCatalog, { ungated: true });
      expect(ungated.length).toBeGreaterThan(0);
      expect(readFindings(r, testCatalog)).toEqual(ungated);
    }
  });

  it('finds in JSON records of any keys and values what reading every record finds', () => {
    // Records made of the keys and texts the JSON reader and its record readers look at, some escaped, some quiet.
    const oneLine = inputs.filter((t) => !t.trim().includes('\n'));
    const key = fc.constantFrom('kind', 'head', 'status', 'data', 'error', 'code', 'message', 'msg', 'level', 'href', 'name', 'type', 'next', 'attempt', 'exc_info', 'stack', 'timestamp', 'id');
    const text = fc.oneof(
      fc.constantFrom('info', 'warn', 'error', 'promise.get', 'platform failure', 'Legacy server detected', 'ResonateError', '02', 'task completed', '  at f (a.js:1:1)'),
      fc.constantFrom(...oneLine).map((t) => t.slice(0, 300)),
      fc.string({ maxLength: 8 }),
    );
    const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, text, fc.integer({ min: 0, max: 600 }), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
    })).v;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), fc.boolean(), (record, ascii) => {
        const json = JSON.stringify(record);
        // An escaped spelling of the same record (the first letter of each key and string as \u00XX) reads the same.
        const line = ascii ? json : json.replace(/(?<=")([a-z])/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
        expect(readFindings(line, testCatalog)).toEqual(readFindings(line, testCatalog, { ungated: true }));
      }),
      { numRuns: 1500 },
    );
  });

  it('finds exactly what every reader on every line finds, on every real paste and on mixed logs', () => {
    const texts = [...inputs, ...[1, 2].map((seed) => generateMixedLog({ samples: inputs, targetChars: 300_000, seed, errorRate: 0.1 }).text)];
    for (const text of texts) expect(readFindings(text, testCatalog)).toEqual(readFindings(text, testCatalog, { ungated: true }));
  });
});
