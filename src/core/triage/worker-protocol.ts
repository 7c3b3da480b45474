import type { Catalog } from '../catalog/catalog-types';
import { parseCatalog } from '../catalog/parse-catalog';
import type { Finding } from '../decode/finding';
import { createChunkedDecoder } from './chunked-decoder';
import type { ChunkOptions } from './chunks';
import { groupFindings } from './group';
import type { Group } from './group';
import { splitLogLines } from './timestamps';

/**
 * The decode worker's protocol and loop, without the Worker itself, so it runs (and is tested) in Node.
 * A thin `src/features/triage/decode.worker.ts` wires it up:
 *
 *   const state = createDecodeWorkerState();
 *   self.onmessage = (e) => void handleWorkerMessage(state, e.data, { post: (m) => self.postMessage(m) });
 *
 * Every run has an id chosen by the page; a response carries the id of its run, so the page drops the
 * messages of a run it has cancelled or replaced.
 */

/** Page → worker. */
export type DecodeRequest =
  /** Decode `text`; a new start replaces the run in progress. */
  | { type: 'start'; id: number; text: string; catalog: Catalog; options?: ChunkOptions }
  /** Stop run `id` at the next chunk boundary. */
  | { type: 'cancel'; id: number };

/** Worker → page. */
export type DecodeResponse =
  /** The findings so far (merged, ranked): first with done 0 as soon as the chunks are known, then at most every `progressIntervalMs`. */
  | { type: 'progress'; id: number; done: number; total: number; findings: Finding[] }
  /** The findings of the whole text, and the summary groups with the times read off the log. */
  | { type: 'done'; id: number; total: number; findings: Finding[]; groups: Group[]; elapsedMs: number }
  /** Run `id` stopped (cancelled, or replaced by a newer start). */
  | { type: 'cancelled'; id: number }
  /** A request the worker could not run; id is null when the request had none. */
  | { type: 'error'; id: number | null; error: string };

export type DecodeWorkerState = {
  /** The run in progress, if any. */
  current: number | null;
  cancelled: Set<number>;
};

export type DecodeWorkerDeps = {
  post: (message: DecodeResponse) => void;
  /** Lets the cancel messages in between chunks (default: a 0 ms timeout). */
  yieldToEventLoop?: () => Promise<void>;
  now?: () => number;
  /** Least time between two progress messages (default 50 ms). */
  progressIntervalMs?: number;
};

export function createDecodeWorkerState(): DecodeWorkerState {
  return { current: null, cancelled: new Set() };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Validates a message from the page (the boundary: nothing else is trusted). */
export function readDecodeRequest(data: unknown): { ok: true; request: DecodeRequest } | { ok: false; id: number | null; error: string } {
  if (!isRecord(data)) return { ok: false, id: null, error: 'the message is not an object' };
  const id = isId(data.id) ? data.id : null;
  if (id === null) return { ok: false, id: null, error: 'the message has no numeric id' };
  if (data.type === 'cancel') return { ok: true, request: { type: 'cancel', id } };
  if (data.type !== 'start') return { ok: false, id, error: `unknown message type ${JSON.stringify(data.type)}` };
  if (typeof data.text !== 'string') return { ok: false, id, error: 'start: text must be a string' };
  const catalog = parseCatalog(data.catalog);
  if (!catalog.ok) return { ok: false, id, error: `start: bad catalog: ${catalog.error}` };
  const options: ChunkOptions = {};
  if (isRecord(data.options)) {
    if (isId(data.options.chunkChars) && data.options.chunkChars > 0) options.chunkChars = data.options.chunkChars;
    if (isId(data.options.maxChunkChars) && data.options.maxChunkChars > 0) options.maxChunkChars = data.options.maxChunkChars;
  }
  return { ok: true, request: { type: 'start', id, text: data.text, catalog: catalog.catalog, options } };
}

const defaultYield = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Handles one message from the page. A start runs the chunked decode to its end, yielding to the event loop
 * between chunks so that a cancel (or a newer start) is seen; the promise settles when the run ends.
 * Never throws: failures are posted as `error`.
 */
export async function handleWorkerMessage(state: DecodeWorkerState, data: unknown, deps: DecodeWorkerDeps): Promise<void> {
  const { post } = deps;
  const read = readDecodeRequest(data);
  if (!read.ok) {
    post({ type: 'error', id: read.id, error: read.error });
    return;
  }
  const request = read.request;
  if (request.type === 'cancel') {
    state.cancelled.add(request.id);
    return;
  }
  const { id, text, catalog, options } = request;
  const now = deps.now ?? (() => performance.now());
  const pause = deps.yieldToEventLoop ?? defaultYield;
  const interval = deps.progressIntervalMs ?? 50;
  state.current = id;
  const stopped = () => state.current !== id || state.cancelled.has(id);
  const stop = () => {
    state.cancelled.delete(id);
    if (state.current === id) state.current = null;
    post({ type: 'cancelled', id });
  };
  try {
    const started = now();
    const decoder = createChunkedDecoder(text, catalog, options);
    post({ type: 'progress', id, done: 0, total: decoder.total, findings: [] });
    let lastPost = now();
    for (;;) {
      await pause();
      if (stopped()) return stop();
      const step = decoder.next();
      if (!step) break;
      if (step.done < step.total && now() - lastPost >= interval) {
        post({ type: 'progress', id, done: step.done, total: step.total, findings: step.findings });
        lastPost = now();
      }
    }
    const findings = decoder.findings();
    const groups = groupFindings(findings, splitLogLines(text));
    if (stopped()) return stop();
    state.current = null;
    post({ type: 'done', id, total: decoder.total, findings, groups, elapsedMs: now() - started });
  } catch (e) {
    if (state.current === id) state.current = null;
    post({ type: 'error', id, error: e instanceof Error ? e.message : String(e) });
  }
}
