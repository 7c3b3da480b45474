import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decode } from '../core/decode/decode';
import type { Finding } from '../core/decode/finding';
import { generateMixedLog } from '../testing/mixed-log';
import { testCatalog } from '../testing/read-with';
import { readSharedFixtures } from '../testing/shared-fixtures';
import { decodeStream } from './decode-stream';

const samples = readSharedFixtures().map((f) => f.input);
const catalogJson: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/catalog.json'), 'utf8'));
const shape = (findings: Finding[]) => findings.map((f) => ({ entry: f.entry, code: f.code, message: f.message, count: f.count, spans: f.spans, notes: f.notes }));
/** The text as a byte stream in pieces of `size` bytes, cut anywhere (inside a UTF-8 character too). */
const bytes = (text: string, size: number) => {
  const buf = Buffer.from(text, 'utf8');
  return Readable.from((function* () {
    for (let at = 0; at < buf.length; at += size) yield buf.subarray(at, at + size);
  })());
};

describe('decodeStream', () => {
  const text = `${generateMixedLog({ samples, targetChars: 300_000, seed: 5, errorRate: 0.05 }).text}\nnon-ASCII: “Promise not found” é`;
  const whole = shape(decode(text, testCatalog));

  it('a byte stream gives what decode() gives on the whole text, on this thread', async () => {
    expect(shape(await decodeStream(bytes(text, 7_001), testCatalog, { windowBytes: 65_536, lookaheadBytes: 16_384, maxChunkChars: 16_384 }))).toEqual(whole);
  });

  it('a pool of worker threads gives the single-threaded result, in text order', async () => {
    const progress: number[] = [];
    const pooled = await decodeStream(bytes(text, 50_000), testCatalog, { workers: 2, catalogJson, windowBytes: 16_384, lookaheadBytes: 8192, maxChunkChars: 8192, onProgress: (p) => progress.push(p.chunks) });
    expect(shape(pooled)).toEqual(whole);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, 60_000);

  it('a worker that stops (out of memory, a crash) loses nothing: its chunks are decoded on this thread', async () => {
    const dies = new URL(`data:text/javascript,${encodeURIComponent("import { parentPort } from 'node:worker_threads'; parentPort.once('message', () => process.exit(1));")}`);
    const pooled = await decodeStream(bytes(text, 50_000), testCatalog, { workers: 2, catalogJson, workerScript: dies, windowBytes: 65_536, lookaheadBytes: 16_384, maxChunkChars: 16_384 });
    expect(shape(pooled)).toEqual(whole);
  }, 60_000);

  it('a file known to be big starts its pool at its first window (this thread then decodes none of it)', async () => {
    const seen = resolve(mkdtempSync(resolve(tmpdir(), 'decode-stream-')), 'windows');
    // A worker that notes each window it is given, then stops: its windows are decoded on this thread.
    const notes = new URL(`data:text/javascript,${encodeURIComponent(`import { parentPort } from 'node:worker_threads'; import { appendFileSync } from 'node:fs'; parentPort.on('message', (m) => { appendFileSync(${JSON.stringify(seen)}, m.window.index + '\\n'); process.exit(1); });`)}`);
    const options = { workers: 'auto' as const, poolSize: 2, autoBytes: 1024 * 1024, catalogJson, workerScript: notes, windowBytes: 65_536, lookaheadBytes: 16_384, maxChunkChars: 16_384 };
    expect(shape(await decodeStream(bytes(text, 50_000), testCatalog, options))).toEqual(whole);
    expect(existsSync(seen)).toBe(false); // 300 KB read: under autoBytes, no pool
    expect(shape(await decodeStream(bytes(text, 50_000), testCatalog, { ...options, expectedBytes: 2 * 1024 * 1024 }))).toEqual(whole);
    expect(readFileSync(seen, 'utf8').split('\n')).toContain('0');
  }, 60_000);

  it('keeps at most maxSpans spans per finding, and the exact count', async () => {
    const line = '{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}\n';
    const [f] = await decodeStream(bytes(line.repeat(500), 4096), testCatalog, { maxSpans: 10, windowBytes: 8192, lookaheadBytes: 2048, maxChunkChars: 2048 });
    expect(f?.count).toBe(500);
    expect(f?.spans).toHaveLength(10);
  });
});
