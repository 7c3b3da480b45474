import type { Source } from '../../catalog/catalog-types';
import type { Versions } from '../finding';
import type { Read, Reader } from './reader';

/**
 * HTTP client texts an SDK printed for a Resonate server's answer, read through the URL's path and era:
 * - Python `requests` (SDK ≤ 0.6): `404 Client Error: Not Found for url: http://localhost:8001/promises/order-42`
 *   (requests/models.py `raise_for_status`), and `Expecting value: line 1 column 1 (char 0)` for a body that is not JSON;
 * - Python `aiohttp` (SDK 0.7+): `ClientResponseError` `400, message='Bad Request', url='http://localhost:8001/'`
 *   (`url=URL('…')` in older aiohttp); `JSON is malformed: …, resp: <body>` (the 0.7 DecodingError's detail);
 * - TS `fetch` (0.7–0.8.2): `Request failed: Error: HTTP 500: Internal Server Error`
 *   (src/network/remote.ts:166,515@v0.8.2), `Request failed: TypeError: fetch failed`, and V8's
 *   `Unexpected token '<', "<!DOCTYPE "... is not valid JSON` for an HTML page where JSON was expected.
 * A text is Resonate's only when it shows it: a URL on a Resonate path or port, the SDK's `Request failed:` line, or a
 * Resonate name on the line. Anything else (a requests error for github.com) is left alone.
 */

const MAX = 8_000;

/** A legacy REST route (Go server, `internal/app/subsystems/api/http/http.go@30c3272c`) and what it was. */
type Route = { kind: string | null; ids: Read['ids']; rest: boolean; note: string };

const REST_ROOT = /^\/(?:promises|tasks|schedules|callbacks|subscriptions|locks)(?:[/?]|$)/;

function decodeId(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** What the URL's path says: the operation (inferred: the client's text has no method) and the ids in the path. */
export function routeOf(path: string, method: string | null, status: number | null): Route | null {
  const p = path.split('#')[0] ?? '';
  const [pathname = '', query = ''] = p.split('?');
  const seg = pathname.split('/').filter((x) => x !== '');
  const m = method?.toUpperCase() ?? null;
  if (seg.length === 0) return { kind: null, ids: {}, rest: false, note: 'POST / is the Rust server’s single envelope endpoint: the operation is in the request body, not in the URL.' };
  const [a, b, c] = seg;
  const legacy = (kind: string | null, ids: Read['ids'], what: string): Route => ({ kind, ids, rest: true, note: `${what} is a legacy REST route of the Go server (Python SDK ≤ 0.6, TS SDK ≤ 0.9).` });
  if (a === 'promises') {
    if (b === undefined) {
      if (m === 'GET' || query !== '') return legacy('promise.search', {}, 'GET /promises');
      return legacy('promise.create', {}, 'POST /promises');
    }
    if (b === 'task' && c === undefined) return legacy('task.create', {}, 'POST /promises/task');
    if ((b === 'callback' || b === 'subscribe') && c !== undefined) {
      return legacy(b === 'callback' ? 'promise.register_callback' : 'promise.register_listener', { promise: decodeId(c) }, `POST /promises/${b}/{id}`);
    }
    if (c === 'create') return legacy('promise.create', { promise: decodeId(b) }, 'POST /promises/{id}/create');
    // GET reads, PATCH settles; without a method, a 403 (already resolved…) can only be a settle.
    const settle = m === 'PATCH' || (m === null && status === 403);
    return legacy(settle ? 'promise.settle' : 'promise.get', { promise: decodeId(b) }, `${settle ? 'PATCH' : 'GET'} /promises/{id}`);
  }
  if (a === 'tasks') {
    const kinds: Record<string, string> = { claim: 'task.acquire', complete: 'task.fulfill', drop: 'task.release', heartbeat: 'task.heartbeat' };
    return legacy((b && kinds[b]) ?? null, {}, `POST /tasks/${b ?? ''}`);
  }
  if (a === 'schedules') {
    if (b === undefined) return legacy(m === 'GET' ? 'schedule.search' : 'schedule.create', {}, '/schedules');
    return legacy(m === 'DELETE' ? 'schedule.delete' : 'schedule.get', { schedule: decodeId(b) }, '/schedules/{id}');
  }
  if (a === 'callbacks' || a === 'subscriptions') return legacy(a === 'callbacks' ? 'promise.register_callback' : 'promise.register_listener', {}, `POST /${a}`);
  if (a === 'locks') return legacy(null, {}, `POST /locks/${b ?? ''}`);
  if (a === 'poll') return { kind: null, ids: {}, rest: false, note: 'GET /poll/{group}/{pid} is the message source (SSE) the SDK listens on.' };
  return null;
}

/** Is this URL a Resonate server's (a Resonate path, or the default ports 8001/8002, or a host named resonate)? */
function resonateUrl(url: string): { path: string; port: string | null } | null {
  const u = /^https?:\/\/(?<host>[^/\s?#'"]+)(?<path>[^\s'")]*)/.exec(url);
  if (!u?.groups) return null;
  const host = u.groups.host ?? '';
  const path = u.groups.path === '' ? '/' : (u.groups.path ?? '/');
  const port = /:(\d+)$/.exec(host)?.[1] ?? null;
  if (/(?:^|\.)github\.com$|(?:^|\.)githubusercontent\.com$/i.test(host)) return null;
  const pathname = path.split('?')[0] ?? '/';
  if (REST_ROOT.test(pathname) || /^\/poll\/[^/]+\/[^/]+/.test(pathname)) return { path, port };
  if ((port === '8001' || port === '8002') && (pathname === '/' || pathname === '')) return { path, port };
  if (/resonate/i.test(host)) return { path, port };
  return null;
}

type Client = { source: Source; name: string; status: number; reason: string; url: string; method: string | null; message: string };

const METHOD = /\b(GET|POST|PATCH|PUT|DELETE)\s+(?=https?:\/\/)/;

function readRequests(text: string): Client | null {
  const m = /\b(?<status>[1-5]\d\d) (?<side>Client|Server) Error: (?<rest>.*)$/.exec(text);
  if (!m?.groups) return null;
  const rest = m.groups.rest ?? '';
  const at = rest.lastIndexOf(' for url: ');
  if (at < 0) return null;
  const url = rest.slice(at + 10).trim().split(/\s/)[0] ?? '';
  const reason = rest.slice(0, at);
  return {
    source: 'python-sdk',
    name: 'HTTPError',
    status: Number(m.groups.status),
    reason,
    url,
    method: METHOD.exec(text)?.[1] ?? null,
    message: `${m.groups.status} ${m.groups.side} Error: ${reason} for url: ${url}`,
  };
}

function readAiohttp(text: string): Client | null {
  const m = /\b(?<status>[1-5]\d\d), message=(?<q>['"])(?<reason>[^'"]*)\k<q>, url=(?:URL\()?(?<q2>['"])(?<url>[^'"\s]+)\k<q2>\)?/.exec(text);
  if (!m?.groups) return null;
  const url = m.groups.url ?? '';
  return {
    source: 'python-sdk',
    name: 'ClientResponseError',
    status: Number(m.groups.status),
    reason: m.groups.reason ?? '',
    url,
    method: METHOD.exec(text)?.[1] ?? null,
    message: `${m.groups.status}, message='${m.groups.reason ?? ''}', url='${url}'`,
  };
}

function base(source: Source, name: string, message: string, status: number | null, line: number): Read {
  return { source, code: null, status, kind: null, message, name, span: { startLine: line, endLine: line }, notes: [] };
}

function clientRead(c: Client, line: number): Read | null {
  const where = resonateUrl(c.url);
  if (!where) return null;
  const route = routeOf(where.path, c.method, c.status);
  const raw = base(c.source, c.name, c.message, c.status, line);
  const versions: Versions = {};
  const notes: string[] = [];
  if (route) {
    raw.kind = route.kind;
    if (route.ids && Object.keys(route.ids).length > 0) raw.ids = route.ids;
    notes.push(route.note);
    if (route.kind) notes.push(`The operation (${route.kind}) was inferred from the URL path${c.method ? ` and the ${c.method} method` : ''}; the client's message names no operation.`);
    if (route.rest) {
      versions.sdk = c.name === 'HTTPError' ? 'resonate-sdk ≤ 0.6 (legacy REST client, requests)' : 'an SDK speaking the legacy REST API';
      versions.server = c.status === 410 ? 'rust (answers every legacy REST path with 410)' : 'legacy REST API (Go server)';
    } else if (where.path === '/' || where.path === '') {
      versions.sdk = c.name === 'ClientResponseError' ? 'resonate-sdk 0.7+ (envelope protocol, aiohttp)' : 'an SDK speaking the envelope protocol (POST /)';
      if (c.status === 404) versions.server = 'go (legacy REST server: no POST / route)';
    }
  }
  raw.versions = versions;
  raw.notes = notes;
  return raw;
}

/** TS 0.7–0.8.2: `Request failed: ${err}` (console.error) and the `HTTP ${status}: ${statusText}` Error it holds. */
function readFetch(text: string, line: number, context: boolean): Read | null {
  const rf = /(?:^|\s|\])Request failed: (?<name>[A-Z]\w*(?:Error|Exception)|DOMException): (?<msg>.*)$/.exec(text);
  const bare = rf ? null : context ? /(?:^|\s|\]|Error: )(?<msg>HTTP [1-5]\d\d: .*)$/.exec(text) : null;
  const g = rf?.groups ?? bare?.groups;
  if (!g) return null;
  const msg = (g.msg ?? '').trim();
  const name = g.name ?? 'Error';
  const st = /^HTTP (?<s>[1-5]\d\d): /.exec(msg)?.groups?.s;
  // The SDK's own line is kept whole (`Request failed: Error: HTTP 500: …`): the catalog tells it from other programs' errors.
  const raw = base('ts-sdk', name, rf ? `Request failed: ${name}: ${msg}` : msg, st ? Number(st) : null, line);
  raw.versions = { sdk: '@resonatehq/sdk 0.7–0.8.2 (legacy REST client, fetch)' };
  raw.notes = ['Printed by the TS SDK before the error it then throws (often a misleading `Promise … not found` or `not implemented`): this line is the real cause.'];
  return raw;
}

const NOT_JSON_PY = /\bExpecting value: line 1 column 1 \(char 0\)/;
const NOT_JSON_JS = /Unexpected token '<', "(?<start>[^"]{0,40})"\.\.\. is not valid JSON|Unexpected token < in JSON at position 0|Unexpected end of JSON input/;
const MALFORMED = /\bJSON is malformed: (?<detail>.*?), resp: (?<resp>.*)$/;

/** A body the SDK could not parse as JSON: what the body (or the message) tells about who answered. */
function readNotJson(text: string, line: number, context: boolean): Read | null {
  const mal = MALFORMED.exec(text);
  if (mal?.groups) {
    const resp = (mal.groups.resp ?? '').trim();
    const raw = base('python-sdk', 'DecodingError', `JSON is malformed: ${(mal.groups.detail ?? '').trim()}, resp: ${resp}`, statusOfBody(resp), line);
    raw.versions = { sdk: 'resonate-sdk 0.7+ (resonate.error)' };
    raw.notes = ['The HTTP status is not printed; it was read off the body after `resp:` where the body tells it.'];
    return raw;
  }
  const ours = context || /resonate|rn8\.io|Request failed: /i.test(text);
  if (!ours) return null;
  const py = NOT_JSON_PY.exec(text);
  if (py) {
    const raw = base('python-sdk', 'JSONDecodeError', 'Expecting value: line 1 column 1 (char 0)', null, line);
    raw.notes = ['The response body was not JSON; the HTTP status is not printed.'];
    return raw;
  }
  const js = NOT_JSON_JS.exec(text);
  if (js) {
    const raw = base('ts-sdk', 'SyntaxError', js[0], null, line);
    raw.notes = ['The response body was not JSON (an HTML page starts with `<`); the HTTP status is not printed.'];
    return raw;
  }
  return null;
}

/** The status a non-JSON body tells: gin's `404 page not found`, nginx's `<title>502 Bad Gateway</title>`, a reason phrase. */
function statusOfBody(resp: string): number | null {
  const t = /<title>\s*([1-5]\d\d)\b/i.exec(resp) ?? /^['"]?([1-5]\d\d) [A-Za-z]/.exec(resp);
  if (t?.[1]) return Number(t[1]);
  const phrases: Record<string, number> = { 'Bad Gateway': 502, 'Service Unavailable': 503, 'Gateway Timeout': 504, 'Internal Server Error': 500, Unauthorized: 401, Forbidden: 403 };
  for (const [k, v] of Object.entries(phrases)) if (resp.includes(k)) return v;
  return null;
}

/** Reads one line of HTTP client text; `context` says the paste shows Resonate elsewhere (needed for the bare forms). */
export function readHttpClientLine(input: string, line: number, context = false): Read | null {
  const text = input.length > MAX ? input.slice(0, MAX) : input;
  if (text.includes(' Error: ') && text.includes(' for url: ')) {
    const c = readRequests(text);
    if (c) return clientRead(c, line);
  }
  if (text.includes(', message=') && text.includes('url=')) {
    const c = readAiohttp(text);
    if (c) return clientRead(c, line);
  }
  if (text.includes('HTTP ') || text.includes('Request failed: ')) {
    const r = readFetch(text, line, context);
    if (r) return r;
  }
  if (text.includes('JSON') || text.includes('Expecting value')) return readNotJson(text, line, context);
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSON log record whose `error`/`msg`/`message`/`exc_info` string is one of these client texts, or null. */
export function readHttpClientRecord(value: unknown, line: number): Read | null {
  if (!isRecord(value)) return null;
  for (const key of ['error', 'msg', 'message', 'exc_info', 'exception']) {
    const v = value[key];
    if (typeof v !== 'string') continue;
    const r = readHttpClientLine(v, line, true);
    if (r) return r;
  }
  return null;
}

const CONTEXT = /resonate|rn8\.io|:800[12]\b|Networking\. /i;

/** readHttpClientLine()'s first tests, literal by literal; also the hints of readHttpClientRecord. */
export const HTTP_CLIENT_MARKERS: readonly string[] = ['Error', 'JSON', 'Expecting value', 'HTTP ', 'Request failed', 'message='];

/** The reader: one line at a time; whether the paste shows Resonate is looked up once, on the first bare form. */
export const httpClientReader: Reader = {
  name: 'http-client',
  markers: { texts: HTTP_CLIENT_MARKERS },
  start: (ctx) => {
    let context: boolean | null = null;
    const hasContext = (): boolean => {
      if (context === null) {
        context = false;
        const n = Math.min(ctx.lines.length, 5_000);
        for (let k = 0; k < n && !context; k++) {
          const t = ctx.lines[k]?.text ?? '';
          if (CONTEXT.test(t.length > MAX ? t.slice(0, MAX) : t)) context = true;
        }
      }
      return context;
    };
    return {
      read: (i, text) => {
        if (!/Error|JSON|Expecting value|HTTP |Request failed|message=/.test(text.length > MAX ? text.slice(0, MAX) : text)) return null;
        const raw = readHttpClientLine(text, ctx.no(i), false) ?? (hasContext() ? readHttpClientLine(text, ctx.no(i), true) : null);
        return raw ? { raws: [raw], end: i } : null;
      },
    };
  },
};
