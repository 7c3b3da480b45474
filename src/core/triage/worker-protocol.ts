import type { Catalog } from '../catalog/catalog-types';
import { parseCatalog } from '../catalog/parse-catalog';
import type { Finding } from '../decode/finding';
import { createByteLines, type ByteLines } from '../stream/byte-lines';
import { createStreamDecoder, type StreamDecoder, type StreamDecoderOptions } from '../stream/stream-decoder';
import { groupFindings } from './group';
import type { Group } from './group';

/**
 * The decode worker's protocol and loop, without the Worker itself, so it runs (and is tested) in Node.
 * A thin `src/features/triage/decode.worker.ts` wires it up:
 *
 *   const state = createDecodeWorkerState();
 *   self.onmessage = (e) => void handleWorkerMessage(state, e.data, { post: (m) => self.postMessage(m) });
 *
 * Every run has an id chosen by the page; a response carries the id of its run, so the page drops the
 * messages of a run it has cancelled or replaced. A long text comes as UTF-8 bytes in pieces (`start` with its
 * size, `piece` after `piece`, `end`), each moved, not copied (posting a 100 MB string blocks the page for a
 * second). The worker decodes them as the CLI decodes a file, in byte windows (core/stream), as they come in.
 */

/** How a run's text is cut into windows (see WindowOptions; the defaults are the CLI's). */
export type DecodeOptions = Pick<StreamDecoderOptions, 'windowBytes' | 'lookaheadBytes' | 'maxChunkChars'>;

/** Page → worker. */
export type DecodeRequest =
  /**
   * A new run (it replaces the one in progress): the whole `text`; or the `file` it was read from (the worker
   * reads its bytes itself: the page neither encodes nor posts them); or, without either, a text of `total`
   * characters in `piece` messages, then `end`.
   */
  | { type: 'start'; id: number; catalog: Catalog; text?: string; file?: Blob; total?: number; options?: DecodeOptions }
  /** The next bytes (UTF-8) of run `id`'s text, and how many characters they are (for the progress). */
  | { type: 'piece'; id: number; bytes: Uint8Array; chars: number }
  /** Run `id`'s text has no more pieces. */
  | { type: 'end'; id: number }
  /** Stop run `id` at the next window. */
  | { type: 'cancel'; id: number };

/** Worker → page. */
export type DecodeResponse =
  /**
   * The findings so far (merged, ranked), and how many of the text's `total` characters were read: first with
   * done 0 when the run starts, then at most every `progressIntervalMs`.
   */
  | { type: 'progress'; id: number; done: number; total: number; findings: Finding[] }
  /** The findings of the whole text, and the summary groups with the times read off the log. */
  | { type: 'done'; id: number; total: number; findings: Finding[]; groups: Group[]; elapsedMs: number }
  /** Run `id` stopped (cancelled, or replaced by a newer start). */
  | { type: 'cancelled'; id: number }
  /** A request the worker could not run; id is null when the request had none. */
  | { type: 'error'; id: number | null; error: string };

type Run = {
  id: number;
  total: number;
  decoder: StreamDecoder;
  /** The pieces not yet given to the decoder, and their bytes. */
  queue: Array<{ bytes: Uint8Array; chars: number }>;
  queued: number;
  /** Bytes a file's reader may be ahead of the decoder (see FILE_AHEAD_SLICES). */
  ahead: number;
  /** Wakes the file's reader waiting for the decoder to take some of the queue. */
  taken: (() => void) | null;
  stopped: boolean;
  /** The text's lines, for the times of the final groups (read off the lines the findings name). */
  lines: ByteLines;
  /** Characters given to the decoder. */
  read: number;
  ended: boolean;
  started: number;
  lastPost: number;
  /** The loop that decodes the run, while it runs. */
  draining: Promise<void> | null;
};

export type DecodeWorkerState = {
  /** The run in progress, if any. */
  current: Run | null;
  cancelled: Set<number>;
};

export type DecodeWorkerDeps = {
  post: (message: DecodeResponse) => void;
  /** Lets the next pieces and a cancel in between windows (default: a 0 ms timeout). */
  yieldToEventLoop?: () => Promise<void>;
  now?: () => number;
  /** Least time between two progress messages (default 50 ms). */
  progressIntervalMs?: number;
  /** Bytes of a file read at a time (FILE_SLICE_BYTES by default); reading waits four of them ahead of the decoder. */
  fileSliceBytes?: number;
  /** The gate reads the masks of a window's lines off its bytes (decodeWindow's gateBytes): in a browser's worker. */
  gateBytes?: boolean;
};

export function createDecodeWorkerState(): DecodeWorkerState {
  return { current: null, cancelled: new Set() };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isSize = (v: unknown): v is number => isId(v) && v > 0;

/** Validates a message from the page (the boundary: nothing else is trusted). */
export function readDecodeRequest(data: unknown): { ok: true; request: DecodeRequest } | { ok: false; id: number | null; error: string } {
  if (!isRecord(data)) return { ok: false, id: null, error: 'the message is not an object' };
  const id = isId(data.id) ? data.id : null;
  if (id === null) return { ok: false, id: null, error: 'the message has no numeric id' };
  if (data.type === 'cancel' || data.type === 'end') return { ok: true, request: { type: data.type, id } };
  if (data.type === 'piece') {
    if (!(data.bytes instanceof Uint8Array)) return { ok: false, id, error: 'piece: bytes must be a Uint8Array' };
    if (!(isId(data.chars) && data.chars >= 0)) return { ok: false, id, error: 'piece: chars must be a count' };
    return { ok: true, request: { type: 'piece', id, bytes: data.bytes, chars: data.chars } };
  }
  if (data.type !== 'start') return { ok: false, id, error: `unknown message type ${JSON.stringify(data.type)}` };
  if (data.text !== undefined && typeof data.text !== 'string') return { ok: false, id, error: 'start: text must be a string' };
  const file = typeof Blob !== 'undefined' && data.file instanceof Blob ? data.file : null;
  if (data.text === undefined && !file && !(isId(data.total) && data.total >= 0)) return { ok: false, id, error: 'start: text must be a string, or total a size' };
  const catalog = parseCatalog(data.catalog);
  if (!catalog.ok) return { ok: false, id, error: `start: bad catalog: ${catalog.error}` };
  const options: DecodeOptions = {};
  if (isRecord(data.options)) {
    if (isSize(data.options.windowBytes)) options.windowBytes = data.options.windowBytes;
    if (isId(data.options.lookaheadBytes) && data.options.lookaheadBytes >= 0) options.lookaheadBytes = data.options.lookaheadBytes;
    if (isSize(data.options.maxChunkChars)) options.maxChunkChars = data.options.maxChunkChars;
  }
  const start: DecodeRequest = { type: 'start', id, catalog: catalog.catalog, options };
  if (typeof data.text === 'string') start.text = data.text;
  else if (file) start.file = file;
  else if (isId(data.total)) start.total = data.total;
  return { ok: true, request: start };
}

const encoder = new TextEncoder();

const defaultYield = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Handles one message from the page. A run's loop decodes its windows as its pieces come, yielding to the event
 * loop between windows so that the next pieces, a cancel or a newer start are seen; the promise of the message
 * that ends the run (its `end`, or a `start` with the whole text) settles when the run ends.
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
  const now = deps.now ?? (() => performance.now());
  if (request.type === 'cancel') {
    state.cancelled.add(request.id);
    // A run waiting for its next piece stops now (one decoding stops at its next window).
    const run = state.current;
    if (run?.id === request.id && !run.draining) stop(state, run, post);
    return;
  }
  if (request.type === 'piece' || request.type === 'end') {
    const run = state.current;
    // A piece of a run that was replaced or cancelled: nothing to do.
    if (!run || run.id !== request.id || run.ended) return;
    if (request.type === 'piece') run.queue.push({ bytes: request.bytes, chars: request.chars });
    else run.ended = true;
    return drain(state, run, deps);
  }
  const { id, catalog, text, file, options } = request;
  const run: Run = {
    id,
    // A file's progress counts its bytes.
    total: text?.length ?? file?.size ?? request.total ?? 0,
    decoder: createStreamDecoder(catalog, { ...options, ...(deps.gateBytes ? { gateBytes: true } : {}) }),
    queue: text !== undefined ? [{ bytes: encoder.encode(text), chars: text.length }] : [],
    queued: 0,
    ahead: Infinity,
    taken: null,
    stopped: false,
    lines: createByteLines(),
    read: 0,
    ended: text !== undefined,
    started: now(),
    lastPost: now(),
    draining: null,
  };
  // The run in progress, if any, sees at its next window that it was replaced.
  state.current = run;
  post({ type: 'progress', id, done: 0, total: run.total, findings: [] });
  if (file) return readFile(state, run, file, deps);
  return drain(state, run, deps);
}

/**
 * Bytes read from a file at a time. A file is read by slices (Blob.slice().arrayBuffer()), the next one asked for
 * as soon as one comes, so that it is read while the one before is decoded: its stream gave 64 KiB at a time, one
 * asked for only when the one before came, and the decoder waited for the file between windows (a sixth of its
 * time, measured by a CPU profile of the worker's loop run by Node on a 64 MB log).
 */
const FILE_SLICE_BYTES = 1024 * 1024;
/** Slices read and not yet decoded, at most (about): reading waits while the decoder is this far behind. */
const FILE_AHEAD_SLICES = 4;

/** Reads a run's file as it is decoded: each slice is queued, then the run ends. */
async function readFile(state: DecodeWorkerState, run: Run, file: Blob, deps: DecodeWorkerDeps): Promise<void> {
  const size = Math.max(1, deps.fileSliceBytes ?? FILE_SLICE_BYTES);
  run.ahead = FILE_AHEAD_SLICES * size;
  const slice = (at: number) => file.slice(at, Math.min(file.size, at + size)).arrayBuffer();
  try {
    let next = file.size > 0 ? slice(0) : null;
    for (let at = 0; next; at += size) {
      const bytes = new Uint8Array(await next);
      if (state.current !== run) return; // replaced or cancelled: the rest is not read
      next = at + size < file.size ? slice(at + size) : null;
      run.queue.push({ bytes, chars: bytes.length });
      run.queued += bytes.length;
      void drain(state, run, deps);
      // Far ahead of the decoder: wait until it has taken some.
      while (run.queued > run.ahead && state.current === run) await new Promise<void>((resolve) => (run.taken = resolve));
    }
  } catch (e) {
    if (state.current === run) state.current = null;
    deps.post({ type: 'error', id: run.id, error: `the file could not be read: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  run.ended = true;
  return drain(state, run, deps);
}

/** Runs (or joins) the run's loop: decodes what has come, and finishes once the text has ended. */
function drain(state: DecodeWorkerState, run: Run, deps: DecodeWorkerDeps): Promise<void> {
  run.draining ??= loop(state, run, deps);
  return run.draining;
}

/**
 * The run's loop. It first yields (so it is in `draining` before it can end), then between two windows; it ends
 * when it has decoded every piece that came (the next piece starts it again) or the whole text. `draining` is
 * cleared as it ends, in the same turn as its last look at the queue: no piece is left behind.
 */
async function loop(state: DecodeWorkerState, run: Run, deps: DecodeWorkerDeps): Promise<void> {
  const { post } = deps;
  const now = deps.now ?? (() => performance.now());
  const pause = deps.yieldToEventLoop ?? defaultYield;
  const interval = deps.progressIntervalMs ?? 50;
  const { id, decoder } = run;
  const stopped = () => state.current !== run || state.cancelled.has(id);
  try {
    for (;;) {
      // Between two windows, the next pieces, a cancel or a newer start come in.
      await pause();
      if (stopped()) return stop(state, run, post);
      // The pieces that came are fed until a window is ready (cheap: bytes are only cut at line breaks).
      while (decoder.ready === 0 && run.queue.length > 0) feed(run);
      if (decoder.ready > 0) {
        decoder.step();
        if (now() - run.lastPost >= interval) {
          post({ type: 'progress', id, done: run.read, total: run.total, findings: decoder.findings() });
          run.lastPost = now();
        }
        continue;
      }
      if (!run.ended) return; // the next piece starts the loop again
      decoder.end();
      while (decoder.step()) {
        // The last window: decoded at once (it is at most a window long).
      }
      const findings = decoder.findings();
      const groups = groupFindings(findings, run.lines.lines);
      if (stopped()) return stop(state, run, post);
      state.current = null;
      post({ type: 'done', id, total: run.total, findings, groups, elapsedMs: now() - run.started });
      return;
    }
  } catch (e) {
    if (state.current === run) state.current = null;
    wake(run);
    post({ type: 'error', id, error: e instanceof Error ? e.message : String(e) });
  } finally {
    run.draining = null;
  }
}

/** Wakes the run's file reader, if it waits. */
function wake(run: Run): void {
  const taken = run.taken;
  run.taken = null;
  taken?.();
}

/** The run stops: it says so, and the worker forgets it. */
function stop(state: DecodeWorkerState, run: Run, post: DecodeWorkerDeps['post']): void {
  wake(run);
  // Once: a cancel that came while the loop was starting, and the loop that then sees it, stop it together.
  if (run.stopped) return;
  run.stopped = true;
  state.cancelled.delete(run.id);
  if (state.current === run) state.current = null;
  post({ type: 'cancelled', id: run.id });
}

/** Gives the decoder the next piece. */
function feed(run: Run): void {
  const piece = run.queue.shift();
  if (!piece) return;
  run.queued -= piece.bytes.length;
  if (run.queued <= run.ahead) wake(run);
  run.lines.add(piece.bytes);
  run.read += piece.chars;
  run.decoder.push(piece.bytes);
}
