import { startAtOrBefore } from '../../text/starts';
import { PROTOCOL_VERSION, idsOf, normalizeKind, readJson } from '../envelope';
import type { RawFinding } from '../raw';
import { balancedEndOnce, createJsonScanner, opensObjectWithin } from '../json-scan';
import { readHttpHead } from './http-response';
import type { Read, Reader } from './reader';

const LEGACY_REQUEST = /^(?:[<>]\s*)?(?<method>GET|POST|PUT|PATCH|DELETE) (?<path>\/(?:promises|tasks|schedules|callbacks|subscriptions|locks)\S*)/;

/** Does this response answer that request? Same kind, or the server could not read the request's kind or corrId. */
function pairs(request: Record<string, unknown>, raw: RawFinding): boolean {
  const reqKind = typeof request.kind === 'string' ? normalizeKind(request.kind) : null;
  const head = request.head as Record<string, unknown> | undefined;
  if (raw.kind === 'unknown' || raw.corrId === '0') return true;
  if (reqKind && reqKind === raw.kind) return true;
  return typeof head?.corrId === 'string' && head.corrId === raw.corrId;
}

/**
 * Reads one JSON log record of a shape it knows (a server log record, an SDK retry record…), or null. `hints`:
 * texts, ASCII case aside, one of which is in every record it reads, escapes aside (its line reader's markers).
 */
export type RecordReader = { read: (value: unknown, line: number) => Read | null; hints: readonly string[] };

/**
 * What readJson (envelope.ts) looks for in a record before it can read anything from it: the keys it reads
 * (`kind`, `error`, `code`; an `href` counts only with `rn8.io/e/` in it), the texts it looks for in strings (a
 * trace's `Error`/`Exception`, `at `, `File "`, `rn8.io/e/`, the TS SDK's log messages) and a backslash (an
 * escape can spell any of them, and a multi-line string has one). A one-line record with none of them, nor any record reader's hints, reads as
 * nothing and is not looked into: most of a JSON log's records (`{"level":"info","msg":"task completed",…}`).
 * A new key or text read there goes here too; the gate's tests compare every paste read with and without.
 */
export const RECORD_HINTS: readonly string[] = ['kind', 'error', 'code', 'exception', 'at ', 'file "', 'rn8.io/e/', 'platform failure', 'legacy server detected', '\\'];

/**
 * Every JSON object (pretty or one-line, Python dict reprs too) that starts on a line: response envelopes (paired
 * with the request pasted before them), legacy `{"error":{…}}` bodies (with the HTTP status line and the REST
 * request before them), TS JSON logs, JSON log records the record readers know, and JSON records whose strings
 * hold a trace (read again, nested).
 */
export const createJsonObjectsReader = (recordReaders: readonly RecordReader[]): Reader => ({
  name: 'json-objects',
  // read() starts at a `{` of the line; see() remembers an HTTP head (readHttpHead) or a REST request (LEGACY_REQUEST).
  markers: { texts: ['{', 'HTTP/', 'GET /', 'POST /', 'PUT /', 'PATCH /', 'DELETE /'], hints: [...RECORD_HINTS, ...recordReaders.flatMap((r) => r.hints)] },
  start: (ctx) => {
    const { lines } = ctx;
    // Where each line starts in the lines joined by `\n`, computed as reading moves on.
    const starts: number[] = [0];
    const offsetOf = (i: number): number => {
      for (let k = starts.length - 1; k < i; k++) starts.push((starts[k] ?? 0) + (lines[k]?.text.length ?? 0) + 1);
      return starts[i] ?? 0;
    };
    // An object that closes on its line is read from the line; the text from its line to the end is joined only for
    // one that goes on (a pretty-printed body), once: reading goes forward, so every later one starts in it. The
    // scanners share their failed objects, in offsets of the whole text: either way reads the same.
    const failed: number[] = [];
    let whole: { scanner: ReturnType<typeof createJsonScanner>; from: number; lineAt: (offset: number) => number } | null = null;
    const wholeText = (i: number) => {
      if (whole) return whole;
      offsetOf(lines.length - 1);
      const from = offsetOf(i);
      const lineAt = (offset: number): number => startAtOrBefore(starts, offset);
      const text = ctx.joined !== undefined ? ctx.joined.slice(from) : lines.slice(i).map((l) => l.text).join('\n');
      whole = { scanner: createJsonScanner(text, { base: from, failed }), from, lineAt };
      return whole;
    };

    let pending: { request: Record<string, unknown>; line: number } | null = null;
    let legacyRequest: { method: string; path: string; body: unknown; line: number } | null = null;
    let http: { status: number; line: number; serverVersion?: string } | null = null;

    const see = (i: number, t: string): void => {
      const head = readHttpHead(lines, i);
      if (head) {
        http = { status: head.status, line: i, ...(head.serverVersion ? { serverVersion: head.serverVersion } : {}) };
        return;
      }
      const legacy = t.includes('/') ? LEGACY_REQUEST.exec(t) : null;
      if (legacy?.groups) legacyRequest = { method: legacy.groups.method ?? '', path: legacy.groups.path ?? '', body: undefined, line: i };
    };

    const read = (i: number, t: string, hinted: boolean, after: boolean) => {
      // A line of none of the hints, that no reader after this one wants, and no REST request's body (see()): its
      // one-line records would read as nothing, so an object that closes on the line is passed over, not parsed.
      let quiet = !hinted && !after && legacyRequest?.line !== i;
      const out: Read[] = [];
      let consumedTo = -1;
      let from = 0;
      let lineScanner: ReturnType<typeof createJsonScanner> | null = null;
      const base = offsetOf(i);
      while (from < t.length) {
        const p = t.indexOf('{', from);
        if (p < 0) break;
        const opens = opensObjectWithin(t, p);
        if (opens === false) {
          from = p + 1;
          continue;
        }
        if (quiet && opens) {
          // Each part of the line scanned once: on past an object, or read as usual from the first that does not close.
          const closes = balancedEndOnce(t, p);
          if (closes >= 0) {
            consumedTo = Math.max(consumedTo, i);
            from = closes;
            continue;
          }
          quiet = false;
        }
        const local = opens ? (lineScanner ??= createJsonScanner(t, { base, failed })).read(p) : null;
        let end: number;
        let value: unknown;
        let endLine = i;
        if (local && local.end >= 0) {
          end = base + local.end;
          value = local.value;
        } else {
          const w = wholeText(i);
          ({ end, value } = w.scanner.read(base + p - w.from));
          end += w.from;
          if (value !== undefined) endLine = w.lineAt(end - 1);
        }
        if (value === undefined) {
          from = p + 1;
          continue;
        }
        const span = { startLine: ctx.no(i), endLine: ctx.no(endLine) };
        // A one-line record of a line without hints reads as nothing (RECORD_HINTS).
        const nothing = !hinted && endLine === i;
        let reading = nothing ? null : readJson(value);
        if (!nothing && (reading === null || reading.type === 'text')) {
          for (const recordReader of recordReaders) {
            const record = recordReader.read(value, ctx.no(i));
            if (record) {
              reading = { type: 'raw', raw: record };
              break;
            }
          }
        }
        if (legacyRequest && legacyRequest.line === i && legacyRequest.body === undefined) legacyRequest.body = value;
        if (reading?.type === 'request') {
          pending = { request: reading.request, line: i };
        } else if (reading?.type === 'raw') {
          const raw: Read = { ...reading.raw, span, ...(reading.echo ? { echo: true } : {}) };
          if (raw.source === 'server' && pending && pairs(pending.request, raw)) {
            raw.request = pending.request;
            raw.ids = { ...idsOf(raw.kind ?? '', pending.request, raw.response), ...raw.ids };
            const version = (pending.request.head as Record<string, unknown> | undefined)?.version;
            if (typeof version === 'string' && version !== PROTOCOL_VERSION) {
              raw.mismatch = `The request says protocol version "${version}"; the Rust server supports only "${PROTOCOL_VERSION}". The client (SDK, CLI or script) and the server do not speak the same protocol version.`;
            }
            raw.span = { startLine: ctx.no(pending.line), endLine: span.endLine };
            pending = null;
          }
          if (raw.source === 'legacy-server') {
            if (http && i - http.line < 12) {
              if (http.serverVersion) raw.versions = { ...raw.versions, server: `Go server ${http.serverVersion}` };
              raw.span = { startLine: ctx.no(http.line), endLine: span.endLine };
            }
            if (legacyRequest && i - legacyRequest.line <= 3 && legacyRequest.line !== i) {
              raw.request = { method: legacyRequest.method, path: legacyRequest.path, body: legacyRequest.body };
              raw.span = { startLine: ctx.no(legacyRequest.line), endLine: span.endLine };
              legacyRequest = null;
            }
          }
          out.push(raw);
        } else if (reading?.type === 'text') {
          for (const inner of reading.texts) out.push(...ctx.readNested(inner, span));
        }
        consumedTo = Math.max(consumedTo, endLine);
        if (endLine > i) break;
        from = end - base;
      }
      return consumedTo >= 0 ? { raws: out, end: consumedTo } : null;
    };
    return { see, read };
  },
});
