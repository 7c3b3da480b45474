import type { Source } from '../../catalog/catalog-types';
import type { Wrapped } from '../finding';
import { interpretTraceback, readTraceback } from '../python';
import { mergeRetrySeries, retryNote, retrySeries, type RetrySeries } from '../retry-series';
import type { Read, Reader } from './reader';

/**
 * Retry log lines of every SDK release: the SDK is already retrying, so the finding names the cause it retries on.
 * The varying parts of a retry line (back-off, attempt) are taken out of the message, so repeated lines of one failure
 * have one message and merge downstream into one finding with a count; they go into a note instead.
 *
 * Wording, from the sources (resonatehq/resonate-sdk-py and resonatehq/resonate-sdk-ts at their tags):
 * - py 0.3/0.4 `Unexpected response from remote store: %s`, `Unexpected error from remote store: %s`
 *   (src/resonate/stores/remote.py:417,421@v0.3.5, :440@v0.4.12); `Connection to poller failed, reconnecting`
 *   (task_sources/poller.py:65@v0.3.5); `Error processing record %s: Retrying execution.` (scheduler/scheduler.py:284@v0.4.12)
 * - py 0.5 `Polling … for group %s…. Retrying after delay...` (resonate/message_sources/poller.py:92-100@v0.5.6);
 *   `Function %s(%s) failed with %s (retrying in %.1fs)` (resonate/scheduler.py:853@v0.5.6), with `RuntimeError. ` in 0.6
 *   (:863@v0.6.7); `Networking. Cannot connect to %s. Retrying in %s sec` (stores/remote.py:100@v0.6.7)
 * - py 0.7 `HTTP send failed, retrying (backoff=%ss): %s`, `SSE endpoint returned %s, retrying (backoff=%ss)`,
 *   `SSE connection failed, retrying (backoff=%ss): %s` (src/resonate/network/http.py:157,227,243@v0.7.4)
 * - ts 0.7–0.9 `Networking. Cannot connect to [${url}]. Retrying in ${s}s.` (src/network/remote.ts:669@v0.7.2, :593@v0.9.6)
 * - ts 0.8.2 `RuntimeError. Function ${name} failed with '${String(error)}' (retrying in ${s} secs)`
 *   (src/processor/processor.ts:59@v0.8.2); 0.8.3–0.9 `Runtime. Function '${name}' …` (:54@v0.8.6, :53@v0.9.6);
 *   0.10+ a JSON warn `{"msg":"Function '${func}' failed with '…' (retrying in ${s} secs)","component":"runtime","attempt":n,"retryIn":ms}`
 *   (src/util.ts:159-162@v0.10.4) and `"adapter reconnecting"` with `attempt` (src/network/http.ts:346-354@v0.11.4).
 */

/** One retry line, as read. */
export type RetryLine = {
  source: Source;
  /** `NetworkRetryWarning` (the SDK retries a request or a connection) or `FunctionRetryWarning` (a user function). */
  name: 'NetworkRetryWarning' | 'FunctionRetryWarning';
  /** The same for every repeat of one failure: no back-off, no attempt. */
  message: string;
  status: number | null;
  /** Seconds until the next try, when the line says. */
  delay?: number;
  attempt?: number;
  promise?: string;
  wraps?: Wrapped;
};

const MAX = 20_000;
const num = (s: string | undefined): number | undefined => {
  if (s === undefined || s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

/** Python 0.5/0.6 ContextLogger prefix: `[2026-12-02 05:56:14] [WARNING] [cid] [id] `. */
const PY_CTX_PREFIX = /^\[[\d-]+ [\d:,.]+\] \[[A-Z]+\] \[[^\]]*\] \[(?<id>[^\]]*)\] /;

function pyFunctionRetry(text: string): RetryLine | null {
  const at = text.indexOf('Function ');
  if (at < 0) return null;
  const tail = /\(retrying in (?<d>\d+(?:\.\d+)?)s\)\s*$/.exec(text);
  if (!tail?.groups || tail.index <= at) return null;
  let start = at;
  if (text.slice(Math.max(0, at - 14), at) === 'RuntimeError. ') start = at - 14;
  const body = text.slice(start, tail.index).trimEnd();
  if (!/^(?:RuntimeError\. )?Function [\w.<>]+\(/.test(body) || !body.includes(') failed with ')) return null;
  const prefix = PY_CTX_PREFIX.exec(text.slice(0, start));
  const line: RetryLine = { source: 'python-sdk', name: 'FunctionRetryWarning', message: body, status: null };
  const d = num(tail.groups.d);
  if (d !== undefined) line.delay = d;
  if (prefix?.groups?.id) line.promise = prefix.groups.id;
  return line;
}

function tsFunctionRetry(text: string): RetryLine | null {
  const at = text.indexOf('Function ');
  if (at < 0) return null;
  const tail = /' \(retrying in (?<d>\d+(?:\.\d+)?) secs\)\s*$/.exec(text);
  if (!tail?.groups || tail.index <= at) return null;
  let start = at;
  for (const p of ['RuntimeError. ', 'Runtime. ']) if (text.slice(Math.max(0, at - p.length), at) === p) start = at - p.length;
  const body = `${text.slice(start, tail.index)}'`;
  // An anonymous function's name prints empty: `Function  failed` (0.8.0), `Function '' failed` (0.8.4–0.9.x).
  if (!/^(?:RuntimeError\. |Runtime\. )?Function (?:'[^']*'|\S*) failed with '/.test(body)) return null;
  const line: RetryLine = { source: 'ts-sdk', name: 'FunctionRetryWarning', message: body, status: null };
  const d = num(tail.groups.d);
  if (d !== undefined) line.delay = d;
  return line;
}

/** The legacy `{'error': {'code': 50300, 'message': …}}` dict a 0.3/0.4 SDK logs for a 5xx it retries. */
function legacyBody(body: string): Wrapped | undefined {
  const code = /['"]code['"]: (\d{4,5})\b/.exec(body)?.[1];
  if (!code) return undefined;
  const message = /['"]message['"]: (['"])([^'"]*)\1/.exec(body)?.[2] ?? null;
  const n = Number(code);
  return { source: 'legacy-server', code, status: code.length === 5 ? Math.floor(n / 100) : Math.floor(n / 10), message };
}

/** Reads one retry line of any SDK release, or null. Linear in the line's length. */
export function parseRetryLine(input: string): RetryLine | null {
  const text = input.length > MAX ? input.slice(0, MAX) : input;
  if (!/retr|reconnect/i.test(text)) return null;

  const net = /Networking\. Cannot connect to (?<url>[^\s[\]]+?)\.? Retrying in (?<d>\d+) sec\.?\s*$/.exec(text);
  if (net?.groups) {
    // The same message the SDK-line reader gives (py.network-retry / py.network-retry.poller).
    const line: RetryLine = { source: 'python-sdk', name: 'NetworkRetryWarning', message: net[0].trim(), status: null };
    const d = num(net.groups.d);
    if (d !== undefined) line.delay = d;
    return line;
  }
  const tsNet = /Networking\. Cannot connect to \[(?<url>[^\]]+)\]\. Retrying in (?<d>\d+(?:\.\d+)?)s\./.exec(text);
  if (tsNet?.groups) {
    const line: RetryLine = { source: 'ts-sdk', name: 'NetworkRetryWarning', message: tsNet[0], status: null };
    const d = num(tsNet.groups.d);
    if (d !== undefined) line.delay = d;
    return line;
  }
  const v07 = /(?<what>HTTP send failed|SSE connection failed), retrying \(backoff=(?<b>\d+(?:\.\d+)?)s\): (?<err>.*)$/.exec(text);
  if (v07?.groups) {
    const line: RetryLine = { source: 'python-sdk', name: 'NetworkRetryWarning', message: `${v07.groups.what}, retrying: ${(v07.groups.err ?? '').trim()}`, status: null };
    const d = num(v07.groups.b);
    if (d !== undefined) line.delay = d;
    return line;
  }
  const sse = /SSE endpoint returned (?<st>\d{3}), retrying \(backoff=(?<b>\d+(?:\.\d+)?)s\)/.exec(text);
  if (sse?.groups) {
    const status = Number(sse.groups.st);
    const line: RetryLine = { source: 'python-sdk', name: 'NetworkRetryWarning', message: `SSE endpoint returned ${status}, retrying`, status };
    const d = num(sse.groups.b);
    if (d !== undefined) line.delay = d;
    return line;
  }
  const poll = /Polling (?:network error for group \S+: .*|request timed out for group \S+)\. Retrying after delay\.\.\./.exec(text)
    ?? /Unexpected error in poller loop for group \S+: .*\. Retrying after delay\.\.\./.exec(text);
  if (poll) return { source: 'python-sdk', name: 'NetworkRetryWarning', message: poll[0], status: null };
  const record = /Error processing record (?<id>\S+): Retrying execution\./.exec(text);
  if (record?.groups) {
    const line: RetryLine = { source: 'python-sdk', name: 'FunctionRetryWarning', message: 'Error processing record: Retrying execution.', status: null };
    if (record.groups.id) line.promise = record.groups.id;
    return line;
  }
  if (text.includes('Connection to poller failed, reconnecting')) {
    return { source: 'python-sdk', name: 'NetworkRetryWarning', message: 'Connection to poller failed, reconnecting', status: null };
  }
  return pyFunctionRetry(text) ?? tsFunctionRetry(text);
}

/** py 0.3/0.4 log their store retries without the word "retry" (they retry every second, forever). */
function parseRemoteStoreLine(input: string): RetryLine | null {
  const text = input.length > MAX ? input.slice(0, MAX) : input;
  const at = text.indexOf('from remote store: ');
  if (at < 0) return null;
  const resp = /Unexpected response from remote store: (?<body>.*)$/.exec(text);
  if (resp?.groups) {
    const wraps = legacyBody(resp.groups.body ?? '');
    const line: RetryLine = {
      source: 'python-sdk',
      name: 'NetworkRetryWarning',
      message: wraps?.message ? `Unexpected response from remote store: ${wraps.message}` : 'Unexpected response from remote store',
      status: wraps?.status ?? null,
    };
    if (wraps) line.wraps = wraps;
    return line;
  }
  const err = /Unexpected error from remote store: (?<err>.*)$/.exec(text);
  if (err?.groups) {
    // A connection error names the url, with the promise id in it: keep one message per failure, not per id.
    const e = (err.groups.err ?? '').trim().replace(/ with url: \S+/, ' with url: …');
    return { source: 'python-sdk', name: 'NetworkRetryWarning', message: `Unexpected error from remote store: ${e}`, status: null, delay: 1 };
  }
  return null;
}

/** A retry line with the retry facts the text tells; `readRetryLine` and `readRetryRecord` build their raws with it. */
function toRead(r: RetryLine, line: number): Read {
  const raw: Read = {
    source: r.source,
    code: null,
    status: r.status,
    kind: null,
    message: r.message,
    name: r.name,
    span: { startLine: line, endLine: line },
    notes: [],
  };
  if (r.promise) raw.ids = { promise: r.promise };
  if (r.wraps) raw.wraps = r.wraps;
  return raw;
}

/** The note of one line's retry facts, or null when it tells none. */
function singleNote(r: RetryLine, line: number): string | null {
  return r.attempt === undefined && r.delay === undefined ? null : retryNote(retrySeries(line, r.attempt, r.delay));
}

/**
 * Collects the retry facts of repeated lines: the first line's raw carries the series (see RetrySeries), which grows as
 * repeats come (raws are diagnosed after the whole text is read), so a retry loop of 500 lines says "500 times,
 * attempts 1–500".
 */
export type RetryTally = { add: (r: RetryLine, raw: Read) => void };

export function createRetryTally(): RetryTally {
  const series = new Map<string, RetrySeries>();
  return {
    add: (r, raw) => {
      const key = `${r.source}\u0000${r.name}\u0000${r.message}`;
      const no = raw.span.startLine;
      const one = retrySeries(no, r.attempt, r.delay);
      const s = series.get(key);
      if (!s) {
        raw.retries = one;
        series.set(key, one);
        return;
      }
      // In place: the first raw holds this object.
      Object.assign(s, mergeRetrySeries(s, one));
    },
  };
}

/** The raw finding of a parsed retry, counted in the tally (or, without one, with a note of this line's facts). */
function finish(r: RetryLine, line: number, tally: RetryTally | undefined): Read {
  const raw = toRead(r, line);
  if (tally) tally.add(r, raw);
  else {
    const n = singleNote(r, line);
    if (n) raw.notes = [n];
  }
  return raw;
}

/** The raw finding of one retry line, or null (without a tally, its note tells only this line's facts). */
export function readRetryLine(text: string, line: number, tally?: RetryTally): Read | null {
  const r = parseRetryLine(text) ?? parseRemoteStoreLine(text);
  if (!r) return null;
  return finish(r, line, tally);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A JSON log record that is a retry: the TS 0.10+ runtime warn (`attempt`, `retryIn` in ms), `adapter reconnecting`
 * (`attempt`), or any record whose `msg`/`message` is an SDK retry line (Python logging in JSON). Null otherwise.
 */
export function readRetryRecord(value: unknown, line: number, tally?: RetryTally): Read | null {
  if (!isRecord(value)) return null;
  const msg = typeof value.msg === 'string' ? value.msg : typeof value.message === 'string' ? value.message : null;
  if (msg === null) return null;
  const attempt = typeof value.attempt === 'number' && Number.isFinite(value.attempt) ? value.attempt : undefined;
  let r: RetryLine | null;
  if (msg === 'adapter reconnecting') {
    // The message the JSON reader gives too (ts.warn.adapter-reconnecting).
    r = { source: 'ts-sdk', name: 'NetworkRetryWarning', message: msg, status: null };
  } else {
    r = parseRetryLine(msg) ?? parseRemoteStoreLine(msg);
  }
  if (!r) return null;
  if (attempt !== undefined) r.attempt = attempt;
  if (typeof value.retryIn === 'number' && Number.isFinite(value.retryIn)) r.delay = value.retryIn / 1000;
  return finish(r, line, tally);
}

/** parseRetryLine() and the JSON branch need /retr|reconnect/i; parseRemoteStoreLine() its own literal. Also the hints of readRetryRecord. */
export const RETRY_MARKERS: readonly string[] = ['retr', 'reconnect', 'from remote store: '];

/** The reader: one retry line (plain or a one-line JSON record) at a time; the tally lives in the instance. */
export const retryLogReader: Reader = {
  name: 'retry-log',
  markers: { texts: RETRY_MARKERS },
  start: (ctx) => {
    const tally = createRetryTally();
    return {
      read: (i, text) => {
        const t = text.trim();
        let raw: Read | null;
        if (t.startsWith('{') && t.endsWith('}') && t.length < MAX && /retr|reconnect/i.test(t)) {
          let value: unknown;
          try {
            value = JSON.parse(t);
          } catch {
            value = null;
          }
          raw = readRetryRecord(value, ctx.no(i), tally);
        } else {
          raw = readRetryLine(text, ctx.no(i), tally);
        }
        if (!raw) return null;
        // resonate-sdk 0.4 prints the failed attempt's traceback right after its retry line (scheduler.py:284@v0.4.12):
        // it belongs to the retry, as its cause.
        const tb = raw.name === 'FunctionRetryWarning' ? readTraceback(ctx.lines, i + 1) : null;
        const cause = tb ? interpretTraceback(tb, ctx.no(i + 1), ctx.no(tb.end)) : null;
        if (!tb || !cause) return { raws: [raw], end: i };
        const retried = { ...raw, span: { startLine: ctx.no(i), endLine: ctx.no(tb.end) }, frames: cause.frames ?? [], userFrame: cause.userFrame ?? null };
        retried.chain = [...(cause.chain ?? [])];
        retried.notes = [...(raw.notes ?? []), `The attempt failed with ${cause.name ?? 'an exception'}${cause.message ? `: ${cause.message}` : ''}.`];
        return { raws: [retried], end: tb.end };
      },
    };
  },
};
