import type { Catalog } from '../catalog/catalog-types';
import { diagnose } from './classify';
import { KINDS, PROTOCOL_VERSION, idsOf, normalizeKind, readJson } from './envelope';
import type { Finding, Span } from './finding';
import { readJsError, readTsLine } from './javascript';
import { balancedEnd, parseJsonish } from './json-scan';
import { normalizeLines } from './normalize';
import { interpretTraceback, readCriticalBanner, readLambda, readPytestSection, readPythonLine, readTraceback } from './python';
import type { Line, RawFinding } from './raw';

type Read = RawFinding & { echo?: boolean };

const HTTP_STATUS_LINE = /^(?:[<>]\s*)?HTTP\/[\d.]+ (?<status>\d{3})\b/;
const HEADER_LINE = /^(?:[<>]\s*)?(?<name>[A-Za-z][\w-]*): (?<value>.*)$/;
const CLI_COMMAND = /\bresonate (?<noun>promises|tasks|schedules) (?<verb>[\w-]+)/;
const CLI_ERROR = /^Error: (?<json>"(?:[^"\\]|\\.)*")\s*$/;
const LEGACY_REQUEST = /^(?:[<>]\s*)?(?<method>GET|POST|PUT|PATCH|DELETE) (?<path>\/(?:promises|tasks|schedules|callbacks|subscriptions|locks)\S*)/;
const MAX_DEPTH = 3;

/** CLI verbs that are not the operation name. */
const CLI_VERBS: Record<string, string> = {
  resolve: 'settle',
  reject: 'settle',
  cancel: 'settle',
  complete: 'settle',
  claim: 'acquire',
};

/**
 * Reads every Resonate failure (and success envelope) in a pasted text and diagnoses it against the catalog.
 * Never throws; returns the findings most important first (errors, then warnings, then non-Resonate errors,
 * then successes), each group in the order of the text. The same failure seen several times is one finding with a count.
 */
export function decode(text: string, catalog: Catalog): Finding[] {
  try {
    return readFindings(text, catalog);
  } catch {
    // A last safety net for the page: the readers themselves are tested (property tests) not to throw.
    return [];
  }
}

/** decode() without its safety net, for the tests that prove the readers never throw. */
export function readFindings(text: string, catalog: Catalog): Finding[] {
  return rankFindings(mergeFindings(diagnoseLines(normalizeLines(text), catalog)));
}

/**
 * The findings of already normalized lines (see normalizeLines), one per occurrence, in the order of the text:
 * decode() before merging and ranking. Spans are the lines' own numbers, so a slice of a long text's lines
 * (src/core/triage chunks) gives spans in the whole text. May throw on a reader bug: callers keep a safety net.
 */
export function diagnoseLines(lines: Line[], catalog: Catalog): Finding[] {
  const raws = readLines(lines, catalog, 0, null);
  const findings: Finding[] = [];
  for (const raw of raws) {
    const f = diagnose(catalog, raw);
    if (!f) continue;
    if (raw.echo && (f.entry === null || f.code === null || f.source === 'unknown')) continue;
    f.excerpt = excerptOf(lines, f.span);
    findings.push(f);
  }
  return findings;
}

function readLines(lines: Line[], catalog: Catalog, depth: number, spanOverride: Span | null): Read[] {
  const out: Read[] = [];
  const push = (raw: Read) => out.push(spanOverride ? { ...raw, span: spanOverride } : raw);
  const text = lines.map((l) => l.text).join('\n');
  const offsets: number[] = [];
  let acc = 0;
  for (const l of lines) {
    offsets.push(acc);
    acc += l.text.length + 1;
  }
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((offsets[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const no = (i: number): number => lines[i]?.no ?? 0;
  const plainMessages = plainBodyIndex(catalog);

  let pending: { request: Record<string, unknown>; line: number } | null = null;
  let legacyRequest: { method: string; path: string; body: unknown; line: number } | null = null;
  let http: { status: number; line: number; serverVersion?: string } | null = null;
  let cliKind: string | null = null;

  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]?.text ?? '';
    if (t.trim() === '') continue;

    const block = readBlock(lines, i);
    if (block) {
      push(block.raw);
      i = block.end;
      continue;
    }

    const status = HTTP_STATUS_LINE.exec(t);
    if (status?.groups) {
      http = { status: Number(status.groups.status), line: i };
      // Headers, then a body that is not JSON: a plain-text response (e.g. /poll's 503).
      let k = i + 1;
      while (k < lines.length && HEADER_LINE.test(lines[k]?.text ?? '')) {
        const h = HEADER_LINE.exec(lines[k]?.text ?? '');
        if (h?.groups && /^resonate-version$/i.test(h.groups.name ?? '')) http.serverVersion = h.groups.value;
        k++;
      }
      while (k < lines.length && (lines[k]?.text.trim() ?? '') === '') k++;
      const body = (lines[k]?.text ?? '').replace(/^[<>*]\s?/, '').trim();
      if (body !== '' && !body.startsWith('{') && !body.startsWith('[') && !HTTP_STATUS_LINE.test(body) && http.status >= 300) {
        const bodyLines = [body];
        let e = k + 1;
        while (e < lines.length && (lines[e]?.text.trim() ?? '') !== '' && e < k + 20) {
          bodyLines.push(lines[e]?.text ?? '');
          e++;
        }
        const message = bodyLines.join('\n').trim();
        // A body the catalog knows by its text says which server wrote it (gin's "404 page not found" is the Go server's).
        const known = plainMessages.get(message);
        push({
          source: known?.source ?? (http.serverVersion ? 'legacy-server' : 'server'),
          code: String(http.status),
          status: http.status,
          kind: null,
          message,
          name: null,
          span: { startLine: no(i), endLine: no(e - 1) },
        });
        i = e - 1;
      }
      continue;
    }
    const cli = CLI_COMMAND.exec(t);
    if (cli?.groups?.noun && cli.groups.verb) {
      const verb = CLI_VERBS[cli.groups.verb] ?? cli.groups.verb;
      const kind = normalizeKind(`${cli.groups.noun}.${verb}`);
      cliKind = (KINDS as readonly string[]).includes(kind) ? kind : null;
    }
    const legacy = LEGACY_REQUEST.exec(t);
    if (legacy?.groups) legacyRequest = { method: legacy.groups.method ?? '', path: legacy.groups.path ?? '', body: undefined, line: i };

    // JSON objects (possibly spanning lines) that start on this line.
    let consumedTo = -1;
    let from = 0;
    while (from < t.length) {
      const p = t.indexOf('{', from);
      if (p < 0) break;
      const start = (offsets[i] ?? 0) + p;
      const end = balancedEnd(text, start);
      const value = end > 0 ? parseJsonish(text.slice(start, end)) : undefined;
      if (value === undefined) {
        from = p + 1;
        continue;
      }
      const endLine = lineAt(end - 1);
      const span = { startLine: no(i), endLine: no(endLine) };
      const reading = readJson(value);
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
          raw.span = { startLine: no(pending.line), endLine: span.endLine };
          pending = null;
        }
        if (raw.source === 'legacy-server') {
          if (http && i - http.line < 12) {
            if (http.serverVersion) raw.versions = { ...raw.versions, server: `Go server ${http.serverVersion}` };
            raw.span = { startLine: no(http.line), endLine: span.endLine };
          }
          if (legacyRequest && i - legacyRequest.line <= 3 && legacyRequest.line !== i) {
            raw.request = { method: legacyRequest.method, path: legacyRequest.path, body: legacyRequest.body };
            raw.span = { startLine: no(legacyRequest.line), endLine: span.endLine };
            legacyRequest = null;
          }
        }
        push(raw);
      } else if (reading?.type === 'text' && depth < MAX_DEPTH) {
        for (const inner of reading.texts) out.push(...readLines(normalizeLines(inner), catalog, depth + 1, spanOverride ?? span));
      }
      consumedTo = Math.max(consumedTo, endLine);
      if (endLine > i) break;
      from = end - (offsets[i] ?? 0);
    }
    if (consumedTo >= 0) {
      i = consumedTo;
      continue;
    }

    const cliError = CLI_ERROR.exec(t);
    if (cliError?.groups?.json) {
      const message = parseJsonish(cliError.groups.json);
      if (typeof message === 'string') {
        push({ source: 'server', code: null, status: null, kind: cliKind, message, name: null, span: { startLine: no(i), endLine: no(i) }, notes: ['The resonate CLI prints only the data field of the response.'] });
        continue;
      }
    }
    const line = readPythonLine(t, no(i)) ?? readTsLine(t, no(i));
    if (line) {
      push(line);
      continue;
    }
    const plain = plainMessages.get(t.trim());
    if (plain) {
      push({ source: plain.source, code: plain.code, status: plain.status ?? null, kind: null, message: t.trim(), name: null, span: { startLine: no(i), endLine: no(i) } });
    }
  }
  return out;
}

function readBlock(lines: Line[], i: number): { raw: RawFinding; end: number } | null {
  const banner = readCriticalBanner(lines, i);
  if (banner) return banner;
  const tb = readTraceback(lines, i);
  if (tb) {
    const raw = interpretTraceback(tb, lines[i]?.no ?? 0, lines[tb.end]?.no ?? 0);
    return raw ? { raw, end: tb.end } : null;
  }
  return readPytestSection(lines, i) ?? readLambda(lines, i) ?? readJsError(lines, i);
}

/** Does this response answer that request? Same kind, or the server could not read the request's kind or corrId. */
function pairs(request: Record<string, unknown>, raw: RawFinding): boolean {
  const reqKind = typeof request.kind === 'string' ? normalizeKind(request.kind) : null;
  const head = request.head as Record<string, unknown> | undefined;
  if (raw.kind === 'unknown' || raw.corrId === '0') return true;
  if (reqKind && reqKind === raw.kind) return true;
  return typeof head?.corrId === 'string' && head.corrId === raw.corrId;
}

/** Messages of non-envelope bodies that are recognizable on a line of their own (e.g. "Poll registration at capacity"). */
const plainCache = new WeakMap<Catalog, Map<string, { source: RawFinding['source']; code: string | null; status?: number }>>();
function plainBodyIndex(catalog: Catalog) {
  let index = plainCache.get(catalog);
  if (index) return index;
  index = new Map();
  for (const e of catalog.entries) {
    const m = e.match.message;
    if ((e.source === 'server' || e.source === 'legacy-server') && m && m.length >= 15 && !m.includes('{') && (e.status ?? 0) >= 400 && m.includes(' ')) {
      if (!index.has(m)) index.set(m, { source: e.source, code: e.code, ...(e.status !== undefined ? { status: e.status } : {}) });
    }
  }
  plainCache.set(catalog, index);
  return index;
}

function signature(f: Finding): string {
  return [f.source, f.code, f.status, f.entry].join('\u0000');
}

function sameMessage(a: Finding, b: Finding): boolean {
  if (a.message === null || b.message === null) return true;
  const norm = (m: string) => m.replace(/Retrying in \d+(?:\.\d+)? ?(?:s|sec)\.?/g, 'Retrying').trim();
  return norm(a.message) === norm(b.message);
}

/** Merges findings added one by one, in the order of the text; `findings` is the merged list so far (mutated as more are added). */
export type FindingMerger = { add: (f: Finding) => void; readonly findings: Finding[] };

/**
 * One failure seen several times (a trace pasted twice, a retry loop) becomes one finding with a count.
 * Incremental, so that findings read chunk by chunk merge exactly as if read in one go.
 */
export function createFindingMerger(): FindingMerger {
  const out: Finding[] = [];
  const bySig = new Map<string, Finding[]>();
  const add = (f: Finding): void => {
    const sig = signature(f);
    const same = bySig.get(sig)?.find((g) => (g.kind === f.kind || g.kind === null || f.kind === null) && sameMessage(g, f));
    if (same) {
      same.count += f.count;
      same.spans.push(...f.spans);
      if (same.kind === null && f.kind !== null) {
        same.kind = f.kind;
        same.inferred = same.inferred.filter((x) => x !== 'kind');
      }
      if (same.message === null && f.message !== null) {
        same.message = f.message;
        same.inferred = same.inferred.filter((x) => x !== 'message');
      }
      same.name ??= f.name;
      same.corrId ??= f.corrId;
      same.ids = { ...f.ids, ...same.ids };
      same.versions = { ...f.versions, ...same.versions };
      same.userFrame ??= f.userFrame;
      if (same.frames.length === 0) same.frames = f.frames;
      if (same.request === null) same.request = f.request;
      if (same.response === null) same.response = f.response;
      for (const n of f.notes) if (!same.notes.includes(n)) same.notes.push(n);
      return;
    }
    const list = bySig.get(sig);
    if (list) list.push(f);
    else bySig.set(sig, [f]);
    out.push(f);
  };
  return { add, findings: out };
}

/** Merges findings given in the order of the text (see createFindingMerger). */
export function mergeFindings(findings: Finding[]): Finding[] {
  const merger = createFindingMerger();
  for (const f of findings) merger.add(f);
  return merger.findings;
}

function rankOf(f: Finding): number {
  if (f.source === 'unknown') return 1;
  if (f.error && !f.warning) return 4;
  if (!f.error && f.warning) return 3;
  if (f.error) return 2;
  return 0;
}

/** Most important first (errors, then warnings, then non-Resonate errors, then successes), each group in the order given. */
export function rankFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rankOf(b.f) - rankOf(a.f) || a.i - b.i)
    .map(({ f }) => f);
}

/** The first 200 lines of the span. Line numbers grow along `lines`, so the span's first line is found by bisection. */
function excerptOf(lines: Line[], span: Span): string {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lines[mid]?.no ?? 0) < span.startLine) lo = mid + 1;
    else hi = mid;
  }
  const picked: string[] = [];
  for (let i = lo; i < lines.length && picked.length < 200; i++) {
    const l = lines[i];
    if (!l || l.no > span.endLine) break;
    picked.push(l.text);
  }
  return picked.join('\n');
}

