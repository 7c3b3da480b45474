import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../core/catalog/catalog-types';
import { createFindingMerger, diagnoseLines, rankFindings } from '../core/decode/decode';
import type { Finding } from '../core/decode/finding';
import type { Line } from '../core/decode/raw';
import { createStreamChunker, type StreamOptions } from '../core/stream/stream-chunker';

/** Where a streaming decode stands: for the CLI's progress line. */
export type StreamProgress = { bytes: number; findings: number; occurrences: number; chunks: number };

export type DecodeStreamOptions = StreamOptions & {
  /**
   * Worker threads; 0 or 1 decodes on this thread. `auto`: on this thread until `autoBytes` have been read (a paste
   * costs no thread start), then one worker per core.
   */
  workers?: number | 'auto';
  /** For `workers: 'auto'`: bytes read before the pool starts (8 MB). */
  autoBytes?: number;
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

type Decoder = { decode: (lines: Line[]) => Promise<Finding[]>; close: () => Promise<void> };

/** A chunk decoded on this thread; a reader bug gives no findings, as decode() would give none. */
function decodeHere(lines: Line[], catalog: Catalog): Finding[] {
  try {
    return diagnoseLines(lines, catalog);
  } catch {
    return [];
  }
}

function inlineDecoder(catalog: Catalog): Decoder {
  return { decode: (lines) => Promise.resolve(decodeHere(lines, catalog)), close: () => Promise.resolve() };
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

/** A worker's heap cap: many times what the catalog and a chunk need; a worker past it stops, and loses nothing. */
const WORKER_HEAP_MB = 256;

function poolDecoder(size: number, catalogJson: unknown, catalog: Catalog, url: URL = workerUrl()): Decoder {
  type Job = { lines: Line[]; worker: number; done: (findings: Finding[]) => void };
  const jobs = new Map<number, Job>();
  const alive: boolean[] = [];
  const inline = (job: Job) => job.done(decodeHere(job.lines, catalog));
  const workers = Array.from({ length: size }, (_, index) => {
    const w = new Worker(url, { workerData: { catalog: catalogJson }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    alive[index] = true;
    w.on('message', (m: { id: number; findings?: Finding[] }) => {
      const job = jobs.get(m.id);
      jobs.delete(m.id);
      job?.done(m.findings ?? []);
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
    decode: (lines) =>
      new Promise((resolve) => {
        const id = next++;
        const live = alive.flatMap((a, i) => (a ? [i] : []));
        const worker = live[id % Math.max(1, live.length)];
        const job: Job = { lines, worker: worker ?? -1, done: resolve };
        if (worker === undefined || closing) return inline(job);
        jobs.set(id, job);
        workers[worker]?.postMessage({ id, lines });
      }),
    close: async () => {
      closing = true;
      for (let i = 0; i < alive.length; i++) alive[i] = false;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Decodes a text read as a stream (a file, standard input), chunk by chunk, on a pool of worker threads when asked:
 * the findings are merged in text order, so the result is the single-threaded one, and what decode() gives on
 * the whole text (see createStreamChunker). At most `2 × workers` chunks are in flight, so reading waits for
 * decoding and memory stays bounded whatever the input's size.
 */
export async function decodeStream(input: AsyncIterable<Uint8Array | string>, catalog: Catalog, options: DecodeStreamOptions = {}): Promise<Finding[]> {
  const auto = options.workers === 'auto';
  const size = auto ? (options.poolSize ?? availableParallelism()) : Math.max(0, typeof options.workers === 'number' ? options.workers : 0);
  const canPool = size > 1 && options.catalogJson !== undefined;
  const inline = inlineDecoder(catalog);
  let pool: Decoder | null = canPool && !auto ? poolDecoder(size, options.catalogJson, catalog, options.workerScript) : null;
  const threshold = options.autoBytes ?? 8 * 1024 * 1024;
  const inFlight = Math.max(2, size * 2);
  const chunker = createStreamChunker(options);
  const merger = createFindingMerger(options.maxSpans !== undefined ? { maxSpans: options.maxSpans } : {});
  const queue: Array<Promise<Finding[]>> = [];
  const utf8 = new TextDecoder('utf-8');
  const progress: StreamProgress = { bytes: 0, findings: 0, occurrences: 0, chunks: 0 };
  const settleOldest = async () => {
    const found = (await queue.shift()) ?? [];
    for (const f of found) merger.add(f);
    progress.chunks++;
    progress.occurrences += found.length;
    progress.findings = merger.findings.length;
    options.onProgress?.({ ...progress });
  };
  const dispatch = async (chunks: Line[][]) => {
    // Chunks merge in text order whichever decoder took them, so the pool can take over at any chunk.
    if (!pool && auto && canPool && progress.bytes >= threshold) pool = poolDecoder(size, options.catalogJson, catalog, options.workerScript);
    const decoder = pool ?? inline;
    for (const lines of chunks) {
      queue.push(decoder.decode(lines));
      while (queue.length >= inFlight) await settleOldest();
    }
  };
  try {
    for await (const piece of input) {
      progress.bytes += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.byteLength;
      await dispatch(chunker.push(typeof piece === 'string' ? piece : utf8.decode(piece, { stream: true })));
    }
    await dispatch(chunker.push(utf8.decode()));
    await dispatch(chunker.end());
    while (queue.length > 0) await settleOldest();
  } finally {
    await pool?.close();
  }
  return rankFindings(merger.findings);
}

