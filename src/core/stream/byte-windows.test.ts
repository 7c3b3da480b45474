import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFindingMerger, decode, rankFindings } from '../decode/decode';
import type { Finding } from '../decode/finding';
import { generateMixedLog } from '../../testing/mixed-log';
import { testCatalog } from '../../testing/read-with';
import { readSharedFixtures } from '../../testing/shared-fixtures';
import { createByteWindower, createWindowMerger, decodeWindow, type WindowOptions } from './byte-windows';

const samples = readSharedFixtures().map((f) => f.input);
const shape = (findings: Finding[]) =>
  findings.map((f) => ({ source: f.source, code: f.code, status: f.status, entry: f.entry, kind: f.kind, message: f.message, count: f.count, spans: f.spans, notes: f.notes }));

/** The text's bytes given in pieces of the given sizes (cycled, cut anywhere), windowed, decoded window by window and merged. */
function streamed(text: string, sizes: number[], options: WindowOptions, maxChunkChars = 4096, gateBytes = false) {
  const bytes = new TextEncoder().encode(text);
  const windower = createByteWindower(options);
  const findings = createFindingMerger();
  const merger = createWindowMerger((f) => findings.add(f));
  let held = 0;
  let windows = 0;
  let again = 0;
  const take = (ws: ReturnType<typeof windower.end>) => {
    for (const w of ws) {
      windows++;
      let r = decodeWindow(w, testCatalog, { maxChunkChars, gateBytes });
      if (!merger.fits(r)) {
        again++;
        r = decodeWindow({ ...w, fromLine: merger.fromLine }, testCatalog, { maxChunkChars, gateBytes });
      }
      merger.merge(r);
    }
  };
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length] ?? 1);
    take(windower.push(bytes.subarray(at, at + n)));
    held = Math.max(held, windower.held);
    at += n;
  }
  take(windower.end());
  return { findings: rankFindings(findings.findings), held, windows, again };
}

describe('byte windows', () => {
  const small: WindowOptions = { windowBytes: 16_384, lookaheadBytes: 4096, lookbackLines: 500, lookbackBytes: 8192 };

  it('a mixed log read in pieces of any size gives what decode() gives on the whole text, the gate reading texts or bytes (property)', () => {
    const logs = [1, 2, 3].map((seed) => generateMixedLog({ samples, targetChars: 120_000, seed, errorRate: 0.08 }).text);
    fc.assert(
      fc.property(fc.constantFrom(...logs), fc.array(fc.integer({ min: 1, max: 40_000 }), { minLength: 1, maxLength: 8 }), fc.boolean(), (text, sizes, gateBytes) => {
        const { findings, windows } = streamed(text, sizes, small, 4096, gateBytes);
        expect(windows).toBeGreaterThan(3);
        expect(shape(findings)).toEqual(shape(decode(text, testCatalog)));
      }),
      { numRuns: 12 },
    );
  });

  it('the gate reading a window\'s bytes finds what it finds reading its lines, on every paste and on logs past ASCII', () => {
    const emoji = samples.map((t) => `ERROR 🚀 ${t}\nprocessed 📦 ok\n`).join('');
    // Colours inside the words the readers look for: only the normalized text holds them.
    const coloured = samples.map((t) => t.replace(/Traceback/g, 'Trace\u001b[0mback').replace(/Error/g, 'Err\u001b[1mor')).join('\n');
    for (const text of [...samples, emoji, samples.join('\n'), coloured]) {
      const a = streamed(text, [7_000], small, 4096, false);
      const b = streamed(text, [7_000], small, 4096, true);
      expect(shape(b.findings)).toEqual(shape(a.findings));
    }
  });

  it('a log handed over as one piece of many windows (as a Blob\'s stream may) gives the same', () => {
    const text = generateMixedLog({ samples, targetChars: 200_000, seed: 5, errorRate: 0.08 }).text;
    const { findings, windows } = streamed(text, [text.length * 4], small);
    expect(windows).toBeGreaterThan(8);
    expect(shape(findings)).toEqual(shape(decode(text, testCatalog)));
    // Windows that stay on the windower's thread are views of what it holds: the same.
    for (const sizes of [[text.length * 4], [777, 20_000]]) {
      expect(shape(streamed(text, sizes, { ...small, sameThread: true }).findings)).toEqual(shape(findings));
    }
  });

  it('windows that judge their common boundary differently lose no line and read none twice', () => {
    // The collector prefix changes halfway: the window across the change normalizes its lines otherwise than its neighbours.
    const log = generateMixedLog({ samples, targetChars: 60_000, seed: 4, errorRate: 0.08 }).text.split('\n');
    const half = Math.floor(log.length / 2);
    const text = [...log.slice(0, half).map((l) => `worker-1  | ${l}`), ...log.slice(half)].join('\n');
    const { findings } = streamed(text, [5000], { ...small, windowBytes: 4096, lookaheadBytes: 1024 });
    const spans = findings.flatMap((f) => f.spans.map((s) => s.startLine)).sort((a, b) => a - b);
    expect(new Set(spans).size).toBe(spans.length);
    expect(findings.reduce((n, f) => n + f.count, 0)).toBeGreaterThanOrEqual(decode(log.join('\n'), testCatalog).reduce((n, f) => n + f.count, 0) - 2);
  });

  it('a window whose neighbour ended elsewhere is read again from there, and says so', () => {
    const text = generateMixedLog({ samples, targetChars: 60_000, seed: 6, errorRate: 0.08 }).text;
    const windower = createByteWindower({ windowBytes: 8192, lookaheadBytes: 2048 });
    const [w0, w1] = [...windower.push(new TextEncoder().encode(text)), ...windower.end()];
    if (!w0 || !w1) throw new Error('two windows expected');
    const merger = createWindowMerger(() => undefined);
    const r0 = decodeWindow(w0, testCatalog);
    // As if the first window had found its end boundary three lines further on.
    merger.merge({ ...r0, endLine: r0.endLine + 3 });
    const r1 = decodeWindow(w1, testCatalog);
    expect(merger.fits(r1)).toBe(false);
    const again = decodeWindow({ ...w1, fromLine: merger.fromLine }, testCatalog);
    expect(merger.fits(again)).toBe(true);
    expect(again.startLine).toBe(r0.endLine + 3);
    expect(again.lines).toBe(r1.lines);
  });

  it('a window for another thread costs at most twice its bytes to copy (postMessage copies its whole buffer)', () => {
    const text = generateMixedLog({ samples, targetChars: 200_000, seed: 7, errorRate: 0.08 }).text;
    const bytes = new TextEncoder().encode(text);
    for (const size of [bytes.length, 40_000, 777]) {
      const windower = createByteWindower(small);
      const windows = [];
      for (let at = 0; at < bytes.length; at += size) windows.push(...windower.push(bytes.subarray(at, at + size)));
      windows.push(...windower.end());
      expect(windows.length).toBeGreaterThan(8);
      for (const w of windows) expect(w.bytes.buffer.byteLength).toBeLessThanOrEqual(2 * w.bytes.length);
    }
  });

  it('holds about a window and its lookahead, not the whole stream', () => {
    const text = generateMixedLog({ samples, targetChars: 600_000, seed: 9 }).text;
    const { held } = streamed(text, [65_536], { windowBytes: 32_768, lookaheadBytes: 8192 });
    expect(held).toBeLessThan(32_768 + 8192 + 256 * 1024 + 2 * 65_536);
  });

  it('a line longer than the window waits for its end; line numbers stay the whole text\'s', () => {
    const long = `{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found","pad":"${'x'.repeat(5000)}"}`;
    const text = `${'INFO ok\n'.repeat(300)}${long}\n${'INFO ok\n'.repeat(300)}`;
    const { findings } = streamed(text, [777], { windowBytes: 1024, lookaheadBytes: 512 }, 1024);
    expect(findings.map((f) => [f.code, f.span.startLine])).toEqual([['404', 301]]);
  });

  it('CRLF and lone CR line breaks count as the whole text counts them', () => {
    const env = '{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}';
    const text = `${'INFO ok\r\n'.repeat(2000)}${env}\r${'INFO ok\n'.repeat(2000)}${env}\n`;
    const { findings } = streamed(text, [3000], { windowBytes: 4096, lookaheadBytes: 1024 });
    expect(shape(findings)).toEqual(shape(decode(text, testCatalog)));
  });

  it('an empty stream, and a stream without a final line break', () => {
    expect(streamed('', [1], small).findings).toEqual([]);
    const w = createByteWindower({ windowBytes: 1024 });
    expect(w.push(new TextEncoder().encode('Promise not found'))).toEqual([]);
    const [last] = w.end();
    expect(last && new TextDecoder().decode(last.bytes)).toBe('Promise not found');
  });
});
