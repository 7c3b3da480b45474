import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../core/catalog/catalog-types';
import { createFindingMerger, rankFindings } from '../core/decode/decode';
import type { Finding } from '../core/decode/finding';
import { createByteWindower, createWindowMerger, decodeWindow, type ByteWindow, type WindowOptions, type WindowResult } from '../core/stream/byte-windows';
import type { ChunkOptions } from '../core/triage/chunks';

/** Where a streaming decode stands: for the CLI's progress line. */
export type StreamProgress = { bytes: number; findings: number; occurrences: number; chunks: number };

export type DecodeStreamOptions = WindowOptions &
  Pick<ChunkOptions, 'maxChunkChars'> & {
  /**
   * Worker threads; 0 or 1 decodes on this thread. `auto`: on this thread until `autoBytes` have been read (a paste
   * costs no thread start), then one worker per core.
   */
  workers?: number | 'auto';
  /** For `workers: 'auto'`: bytes read before the pool starts (8 MB). */
  autoBytes?: number;
  /**
   * For `workers: 'auto'`: the input's size when known (a file's). One of `autoBytes` or more starts the pool at
   * once: this thread then only cuts windows and merges, and its heap stays small (a heap that grew decoding the
   * first windows is kept for the whole run).
   */
  expectedBytes?: number | null;
  /** For `workers: 'auto'`: how many threads the pool has (one per core by default). */
  poolSize?: number;
  /** The worker's script (decode-worker beside this file by default; tests give one that fails). */
  workerScript?: URL;
  /** The catalog as JSON, for the workers (each validates it again); required when workers > 1. */
  catalogJson?: unknown;
  onProgress?: (p: StreamProgress) => void;
  /** Spans kept per finding (its count stays exact): bounds memory on logs of millions of occurrences. */
  maxSpans?: number;
};

type Decoder = { decode: (window: ByteWindow) => Promise<WindowResult>; close: () => Promise<void> };
type Limits = { maxChunkChars?: number };

function inlineDecoder(catalog: Catalog, limits: Limits): Decoder {
  return { decode: (window) => Promise.resolve(decodeWindow(window, catalog, limits)), close: () => Promise.resolve() };
}

/**
 * The worker's file beside this one: the compiled .js, or, run from the sources, the .ts loaded through tsx
 * (registered inside the worker by a one-line bootstrap: a worker does not inherit the parent's loader).
 */
function workerUrl(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./decode-worker.js', import.meta.url);
  // tsx's ESM entry (the require condition resolves to its .cjs twin).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./decode-worker.ts', import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

/**
 * A worker's heap: its old generation is many times what the catalog and a window need (a worker past it stops, and
 * loses nothing); its young generation is capped at 12 MB (V8 sizes it at up to 48 MB by default). Measured by
 * farm-bench on a 300 MB noise-heavy log with two workers, against 16 MB: about 25 MB less at the peak for about 9%
 * more time (8 MB: 30 MB less, 10% more time). 16 MB was already about 60 MB lighter than V8's default.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 12 };

function poolDecoder(size: number, catalogJson: unknown, catalog: Catalog, limits: Limits, maxSpans: number | undefined, url: URL = workerUrl()): Decoder {
  type Job = { window: ByteWindow; worker: number; done: (result: WindowResult) => void };
  const jobs = new Map<number, Job>();
  const alive: boolean[] = [];
  // Windows each worker holds.
  const load: number[] = Array.from({ length: size }, () => 0);
  const inline = (job: Job) => job.done(decodeWindow(job.window, catalog, limits));
  const workers = Array.from({ length: size }, (_, index) => {
    const w = new Worker(url, { workerData: { catalog: catalogJson, limits, maxSpans }, resourceLimits: WORKER_LIMITS });
    alive[index] = true;
    w.on('message', (m: { id: number; result?: WindowResult }) => {
      const job = jobs.get(m.id);
      if (!job) return;
      jobs.delete(m.id);
      load[index] = (load[index] ?? 1) - 1;
      // A worker that could not decode (a bad catalog) loses nothing either: the window is decoded here.
      if (m.result) job.done(m.result);
      else inline(job);
    });
    // A worker that stops (out of memory, a crash) loses nothing: its jobs are decoded here instead.
    const lost = () => {
      if (!alive[index]) return;
      alive[index] = false;
      for (const [id, job] of jobs) {
        if (job.worker !== index) continue;
        jobs.delete(id);
        inline(job);
      }
    };
    w.on('error', lost);
    w.on('exit', lost);
    return w;
  });
  let next = 0;
  let closing = false;
  return {
    decode: (window) =>
      new Promise((resolve) => {
        const id = next++;
        // The live worker with the fewest windows in hand (round robin would leave one idle behind a slow window).
        let worker: number | undefined;
        for (let i = 0; i < alive.length; i++) if (alive[i] && (worker === undefined || (load[i] ?? 0) < (load[worker] ?? 0))) worker = i;
        const job: Job = { window, worker: worker ?? -1, done: resolve };
        if (worker === undefined || closing) return inline(job);
        jobs.set(id, job);
        load[worker] = (load[worker] ?? 0) + 1;
        // The window's bytes are copied, not moved: should the worker stop, they are decoded here.
        workers[worker]?.postMessage({ id, window });
      }),
    close: async () => {
      closing = true;
      for (let i = 0; i < alive.length; i++) alive[i] = false;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * While a pool decodes, this thread allocates almost nothing on its heap but a window's bytes, outside it: V8 then
 * collects only once those reach its external-memory limit (about 64 MB more than after the last collection), and
 * until then the bytes of windows long decoded stay. A full collection after every few MB of windows settled (a few
 * milliseconds on this thread's small heap, while the workers go on with the windows they hold) frees them at
 * once. Measured on a 300 MB noise-heavy log with two workers: peak 286–315 MB without, 242–253 MB with, every 4 MB
 * (every 16 MB: 259 MB; V8's minor collections alone: no change).
 */
const COLLECT_EVERY_BYTES = 4 * 1024 * 1024;
let gc: (() => void) | null = null;
/** A full collection (V8's gc(), exposed on first use; nothing where it cannot be). */
function collectGarbage(): void {
  if (!gc) {
    try {
      setFlagsFromString('--expose-gc');
      const exposed: unknown = runInNewContext('gc');
      gc = typeof exposed === 'function' ? (exposed as () => void) : () => {};
    } catch {
      gc = () => {};
    }
  }
  gc();
}

/**
 * Decodes a text read as a stream (a file, standard input), window by window (core/stream/byte-windows.ts), on a
 * pool of worker threads when asked. Each window is decoded from its bytes on whichever thread takes it (UTF-8,
 * normalizing, reading: this thread only cuts bytes at line breaks), and the results are merged in text order,
 * so the result is the single-threaded one, and what decode() gives on the whole text. At most `2 × workers`
 * windows are in flight, so reading waits for decoding and memory stays bounded whatever the input's size.
 */
export async function decodeStream(input: AsyncIterable<Uint8Array | string>, catalog: Catalog, options: DecodeStreamOptions = {}): Promise<Finding[]> {
  const auto = options.workers === 'auto';
  const size = auto ? (options.poolSize ?? availableParallelism()) : Math.max(0, typeof options.workers === 'number' ? options.workers : 0);
  const canPool = size > 1 && options.catalogJson !== undefined;
  const limits: Limits = options.maxChunkChars !== undefined ? { maxChunkChars: options.maxChunkChars } : {};
  const inline = inlineDecoder(catalog, limits);
  let pool: Decoder | null = canPool && !auto ? poolDecoder(size, options.catalogJson, catalog, limits, options.maxSpans, options.workerScript) : null;
  const threshold = options.autoBytes ?? 8 * 1024 * 1024;
  const inFlight = Math.max(2, size * 2);
  const windower = createByteWindower(options);
  const findings = createFindingMerger(options.maxSpans !== undefined ? { maxSpans: options.maxSpans } : {});
  const windows = createWindowMerger((f) => findings.add(f));
  const queue: Array<{ window: ByteWindow; result: Promise<WindowResult>; decoder: Decoder }> = [];
  const progress: StreamProgress = { bytes: 0, findings: 0, occurrences: 0, chunks: 0 };
  let settledBytes = 0;
  const settleOldest = async () => {
    const job = queue.shift();
    if (!job) return;
    let result = await job.result;
    // The window before ended elsewhere than where this one started: read it again from there.
    if (!windows.fits(result)) result = await job.decoder.decode({ ...job.window, fromLine: windows.fromLine });
    windows.merge(result);
    if (pool) {
      settledBytes += job.window.end - job.window.start;
      if (settledBytes >= COLLECT_EVERY_BYTES) {
        settledBytes = 0;
        collectGarbage();
      }
    }
    progress.chunks++;
    for (const f of result.findings) progress.occurrences += f.count;
    progress.findings = findings.findings.length;
    options.onProgress?.({ ...progress });
  };
  const dispatch = async (ready: ByteWindow[]) => {
    // Windows merge in text order whichever decoder took them, so the pool can take over at any window.
    if (!pool && auto && canPool && (progress.bytes >= threshold || (options.expectedBytes ?? 0) >= threshold)) pool = poolDecoder(size, options.catalogJson, catalog, limits, options.maxSpans, options.workerScript);
    const decoder = pool ?? inline;
    for (const window of ready) {
      queue.push({ window, result: decoder.decode(window), decoder });
      while (queue.length >= inFlight) await settleOldest();
    }
  };
  try {
    for await (const piece of input) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      progress.bytes += bytes.byteLength;
      await dispatch(windower.push(bytes));
    }
    await dispatch(windower.end());
    while (queue.length > 0) await settleOldest();
  } finally {
    await pool?.close();
  }
  return rankFindings(findings.findings);
}
