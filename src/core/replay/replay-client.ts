import { classifyKind } from './classify-kind';
import { isRecord, type ReplayRequest } from './request-schema';
import { asResponseEnvelope, responseNotes, type ResponseEnvelope } from './response-envelope';

/** The fetch the client uses: the browser's or Node's, or a test double. It is called detached (no `this`). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type ReplayClientOptions = {
  /** The server: `/resonate` (the app's own endpoint: embedded model or proxy), or `http://localhost:8001`. */
  baseUrl: string;
  fetch: FetchLike;
  /** Default 10 s, as the TS SDK's. The request is aborted when it runs out. */
  timeoutMs?: number;
  /** A JWT, sent in `head.auth` (the only place the RPC endpoint reads it), never in the URL. */
  token?: string;
  /** The page's origin (e.g. `http://127.0.0.1:4173`), to name it in CORS advice and spot mixed content. */
  pageOrigin?: string;
  /**
   * After the browser's opaque network error, send one `GET <baseUrl>/health` with mode `no-cors` to tell
   * "the server is up but CORS blocks us" from "the server is down". Never a resend of the request. Default true.
   */
  probe?: boolean;
  now?: () => number;
};

/** Which server answered, from the `x-resonate-inspector-server` header of the app's own endpoint. */
export type AnsweredBy = 'embedded' | 'proxy' | 'real' | null;

export type ReplayFault =
  | 'refused'
  | 'timeout'
  | 'not-json'
  | 'not-envelope'
  | 'legacy-server'
  | 'legacy-path-410'
  | 'html-error-page'
  | 'cors'
  | 'http-error'
  | 'connection-reset'
  | 'aborted'
  | 'invalid-url';

export type ReplaySuccess = {
  ok: true;
  /** The HTTP status (equal to head.status for a real server). */
  status: number;
  envelope: ResponseEnvelope;
  /** The body as received (decode it with the catalog: `decode(raw, catalog)`). */
  raw: string;
  url: string;
  durationMs: number;
  answeredBy: AnsweredBy;
  /** Oddities of the answer (status mismatch, echo fallback, a version the Rust server never writes). */
  notes: string[];
};

export type ReplayFailure = {
  ok: false;
  fault: ReplayFault;
  status?: number;
  /** What happened. */
  message: string;
  /** What to do. */
  advice: string;
  bodySnippet?: string;
  /** Did the server apply the request? `no`: it never got it; `unknown`: it may have. */
  applied: 'no' | 'unknown';
  /** The result of the no-cors health probe after an opaque network error, when one ran. */
  probe?: 'reachable' | 'unreachable';
  url: string;
  durationMs: number;
  answeredBy: AnsweredBy;
};

export type ReplayResult = ReplaySuccess | ReplayFailure;

export type ReplayClient = {
  /** Sends the request once. Never retries, never throws: every outcome is a ReplayResult. */
  send(request: ReplayRequest, options?: { signal?: AbortSignal }): Promise<ReplayResult>;
  readonly url: string;
};

export const DEFAULT_TIMEOUT_MS = 10_000;
const PROBE_TIMEOUT_MS = 3_000;
const SNIPPET = 400;

/** Ports the fetch standard blocks ("bad ports"): a request there fails like a network error. */
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135,
  137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719,
  1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** The base URL as typed, checked: a same-origin path (`/resonate`) or an http(s) URL without credentials. */
export function checkBaseUrl(baseUrl: string): { ok: true; url: string; absolute: boolean } | { ok: false; message: string } {
  const url = baseUrl.trim();
  if (url === '') return { ok: false, message: 'The server URL is empty.' };
  if (url.startsWith('/') && !url.startsWith('//')) return { ok: true, url, absolute: false };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return { ok: false, message: `"${url}" has no scheme: did you mean http://${url}?` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: `"${url}" is not a URL. Type it in full, e.g. http://localhost:8001.` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, message: `"${url}" uses ${parsed.protocol}; the server speaks http or https (e.g. http://localhost:8001).` };
  }
  const port = Number(parsed.port);
  if (BAD_PORTS.has(port)) {
    return { ok: false, message: `Browsers (and Node's fetch) refuse to connect to port ${port}. Resonate listens on 8001 by default.` };
  }
  if (parsed.username || parsed.password) {
    return { ok: false, message: 'The URL carries credentials. Remove them: a token goes in the token field (sent in head.auth), never in a URL.' };
  }
  return { ok: true, url, absolute: true };
}

/** Creates a client that sends one request envelope per call to `POST <baseUrl>`. */
export function createReplayClient(options: ReplayClientOptions): ReplayClient {
  const doFetch = options.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const checked = checkBaseUrl(options.baseUrl);
  const url = checked.ok ? checked.url : options.baseUrl;

  async function send(request: ReplayRequest, sendOptions: { signal?: AbortSignal } = {}): Promise<ReplayResult> {
    const started = now();
    const fail = (f: Omit<ReplayFailure, 'ok' | 'url' | 'durationMs' | 'answeredBy'>, answeredBy: AnsweredBy = null): ReplayFailure => ({
      ok: false,
      ...f,
      url,
      durationMs: now() - started,
      answeredBy,
    });
    if (!checked.ok) {
      return fail({ fault: 'invalid-url', message: checked.message, advice: 'Fix the server URL in the settings. Nothing was sent.', applied: 'no' });
    }

    const token = options.token?.trim();
    const body = JSON.stringify({ ...request, head: { ...request.head, ...(token ? { auth: token } : {}) } });
    const controller = new AbortController();
    let timedOut = false;
    let cancelled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const external = sendOptions.signal;
    const onExternalAbort = (): void => {
      cancelled = true;
      controller.abort();
    };
    if (external?.aborted) onExternalAbort();
    else external?.addEventListener('abort', onExternalAbort, { once: true });

    let res: Response | undefined;
    let answer: { res: Response; raw: string };
    try {
      res = await doFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: controller.signal });
      answer = { res, raw: await res.text() };
    } catch (e) {
      const answeredBy = res ? answeredByOf(res) : null;
      if (timedOut) {
        return fail(
          {
            fault: 'timeout',
            ...(res ? { status: res.status } : {}),
            message: `No ${res ? 'complete ' : ''}answer within ${seconds(timeoutMs)}; the request was cancelled. The server may still have received and applied it.`,
            advice: `${afterUnknown(request.kind)} If the server is just slow, raise the timeout.`,
            applied: 'unknown',
          },
          answeredBy,
        );
      }
      if (cancelled) {
        return fail({ fault: 'aborted', message: 'The request was cancelled before an answer came; it may have reached the server.', advice: afterUnknown(request.kind), applied: 'unknown' }, answeredBy);
      }
      const code = nodeErrorCode(e);
      if (res) {
        return fail(
          {
            fault: 'connection-reset',
            status: res.status,
            message: `The connection broke while the answer (HTTP ${res.status}) was being read${code ? ` (${code})` : ''}.`,
            advice: afterUnknown(request.kind),
            applied: 'unknown',
          },
          answeredBy,
        );
      }
      return networkFailure(e, code, request, started);
    } finally {
      clearTimeout(timer);
      external?.removeEventListener('abort', onExternalAbort);
    }
    return readAnswer(answer.res, answer.raw, request, started, answeredByOf(answer.res));
  }

  async function networkFailure(e: unknown, code: string | null, request: ReplayRequest, started: number): Promise<ReplayFailure> {
    const host = checked.ok && checked.absolute ? new URL(url).host : 'the app';
    const fail = (f: Omit<ReplayFailure, 'ok' | 'url' | 'durationMs' | 'answeredBy'>): ReplayFailure => ({ ok: false, ...f, url, durationMs: now() - started, answeredBy: null });
    if (code === 'ECONNREFUSED') {
      return fail({
        fault: 'refused',
        message: `Connection refused: nothing is listening at ${url}. The request was not sent.`,
        advice: `Start the Resonate server (\`resonate dev\` listens on port 8001) or fix the URL and port. Sending again is safe once it is up.`,
        applied: 'no',
      });
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      return fail({ fault: 'refused', message: `The host ${host} was not found (DNS: ${code}). The request was not sent.`, advice: 'Fix the host name in the server URL.', applied: 'no' });
    }
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
      return fail({ fault: 'refused', message: `${host} cannot be reached (${code}). The request was not sent.`, advice: 'Check the host, the port and the network (VPN, firewall, container network).', applied: 'no' });
    }
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') {
      return fail({
        fault: 'connection-reset',
        message: `The connection was closed before an answer came (${code}). The server may have crashed on this request (a SQLite server aborts on a panic) or a proxy cut it off; it may have applied the request.`,
        advice: afterUnknown(request.kind),
        applied: 'unknown',
      });
    }
    const detail = e instanceof Error ? e.message : String(e);
    if (!checked.ok || !checked.absolute || sameOrigin(url, options.pageOrigin)) {
      return fail({
        fault: 'refused',
        message: `The app's own server did not answer at ${url} (${detail}). The request was not sent.`,
        advice: 'Is the app still running? Restart it with `npm start` (or `npm run dev`) and send again.',
        applied: 'no',
      });
    }
    // The browser's opaque "Failed to fetch": CORS, or the server down. JavaScript cannot tell which.
    let probe: 'reachable' | 'unreachable' | undefined;
    if (options.probe !== false) probe = await probeHealth(url);
    const origin = options.pageOrigin ?? '<this page’s origin>';
    const mixed = options.pageOrigin?.startsWith('https:') && url.startsWith('http:') ? ` This page is served over https and the server URL is plain http: browsers block that (mixed content); use https or run the app locally.` : '';
    const cause =
      probe === 'reachable'
        ? `${host} is up (it answered a no-cors probe of /health), so the browser blocked the answer: the server does not allow this page's origin (CORS).`
        : probe === 'unreachable'
          ? `${host} did not answer a no-cors probe of /health either, so it is most likely down or the URL is wrong; or the browser blocked it (CORS, private-network rules).`
          : `Either the server is not running or unreachable, or it is up but does not allow this page's origin (CORS) — the browser does not say which.`;
    return fail({
      fault: 'cors',
      message: `The browser could not read an answer from ${url} ("${detail}"). ${cause}${mixed}`,
      advice:
        `If the server is down, start it (\`resonate dev\`, port 8001). If it is up, allow this page's origin: start it with \`--server-cors-allow-origin ${origin}\` ` +
        `(or [server.cors] allow_origins in resonate.toml), or start this app with RESONATE_URL=${checked.ok ? url : 'http://localhost:8001'} ` +
        `and use the server "/resonate", so the app forwards the requests and the browser needs no CORS. ` +
        `Most likely the request was never sent (without CORS the browser's preflight fails before it), but that cannot be proven. ${afterUnknown(request.kind)}`,
      applied: 'unknown',
      ...(probe ? { probe } : {}),
    });
  }

  async function probeHealth(target: string): Promise<'reachable' | 'unreachable'> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
    try {
      const health = new URL('health', target.endsWith('/') ? target : `${target}/`).toString();
      await doFetch(health, { method: 'GET', mode: 'no-cors', signal: controller.signal });
      return 'reachable';
    } catch {
      return 'unreachable';
    } finally {
      clearTimeout(timer);
    }
  }

  function readAnswer(res: Response, raw: string, request: ReplayRequest, started: number, answeredBy: AnsweredBy): ReplayResult {
    const status = res.status;
    const durationMs = now() - started;
    const snippet = raw.length > SNIPPET ? `${raw.slice(0, SNIPPET)}…` : raw;
    const fail = (f: Omit<ReplayFailure, 'ok' | 'url' | 'durationMs' | 'answeredBy' | 'status' | 'bodySnippet'>): ReplayFailure => ({
      ok: false,
      ...f,
      status,
      ...(raw !== '' ? { bodySnippet: snippet } : {}),
      url,
      durationMs,
      answeredBy,
    });
    const proxyError = res.headers.get('x-resonate-inspector-proxy-error');
    if (proxyError) {
      return fail({
        fault: 'refused',
        message: `The app forwards /resonate to RESONATE_URL, but could not reach that server (${proxyError}). The request was not sent to it.`,
        advice: 'Start the Resonate server named by RESONATE_URL, or restart the app with the right RESONATE_URL (or without it, to use the embedded server).',
        applied: proxyError === 'ECONNREFUSED' || proxyError === 'ENOTFOUND' ? 'no' : 'unknown',
      });
    }
    const contentType = res.headers.get('content-type') ?? '';
    let json: unknown;
    let isJson = false;
    if (raw.trim() !== '' && !/text\/html/i.test(contentType)) {
      try {
        json = JSON.parse(raw);
        isJson = true;
      } catch {
        isJson = false;
      }
    }
    if (isJson) {
      const envelope = asResponseEnvelope(json);
      if (envelope) return { ok: true, status, envelope, raw, url, durationMs, answeredBy, notes: responseNotes(request, envelope, status) };
      if (isRecord(json) && typeof json.error === 'string' && (status === 410 || /no longer supported/i.test(json.error))) return legacyPath(fail);
      if (isRecord(json) && isRecord(json.error) && typeof json.error.code === 'number') {
        return fail({
          fault: 'legacy-server',
          message: `HTTP ${status} with a legacy error body (code ${json.error.code}): this is a legacy (Go) Resonate server, which speaks the old REST API, not the envelope protocol.`,
          advice: 'Replay needs a Resonate server that speaks the envelope protocol (the Rust server, v0.9 or later). Upgrade the server, or point the URL at one.',
          applied: 'no',
        });
      }
      return fail({
        fault: 'not-envelope',
        message: `HTTP ${status} with JSON that is not a Resonate envelope (no kind/head.status). Something else answered: another service, or a proxy's own error.`,
        advice: `Check the URL: the Resonate RPC endpoint is the server's root (e.g. http://localhost:8001). ${status >= 500 ? afterUnknown(request.kind) : ''}`.trim(),
        applied: status >= 500 || status < 300 ? 'unknown' : 'no',
      });
    }
    if (isHtml(raw, contentType)) {
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(raw)?.[1]?.trim();
      return fail({
        fault: 'html-error-page',
        message: `HTTP ${status} with an HTML page${title ? ` ("${title}")` : ''}: a proxy, load balancer or gateway answered, not Resonate (the server never sends HTML).`,
        advice:
          status >= 500
            ? `The server behind the proxy may be down or slow; check it. The request may have reached it. ${afterUnknown(request.kind)}`
            : 'Check the URL: it reaches a web page, not the Resonate RPC endpoint (the server root, e.g. http://localhost:8001).',
        applied: status >= 500 ? 'unknown' : 'no',
      });
    }
    if (status === 410) return legacyPath(fail);
    if (status === 404) {
      return fail({
        fault: 'legacy-server',
        message: `HTTP 404 with a ${raw.trim() === '' ? 'empty' : 'plain-text'} body, not an envelope: either a legacy (Go) Resonate server, which has no envelope endpoint, or the URL's path is wrong (the RPC endpoint is the server root, POST /). The TS SDK reports the same answer as "platform failure: legacy server detected".`,
        advice: 'Use the server root URL (e.g. http://localhost:8001, no path) of a Resonate server v0.9 or later (the Rust server).',
        applied: 'no',
      });
    }
    if (status === 413) {
      return fail({ fault: 'http-error', message: 'HTTP 413: the request body is larger than the server accepts (2 MiB by default).', advice: 'Send a smaller request (large param/value data).', applied: 'no' });
    }
    if (status === 405) {
      return fail({
        fault: 'http-error',
        message: 'HTTP 405 Method Not Allowed: this URL does not take POST.',
        advice: 'Use the server root URL (e.g. http://localhost:8001); the RPC endpoint is POST /.',
        applied: 'no',
      });
    }
    if (status >= 400) {
      const text = raw.trim() === '' ? 'an empty body' : `a plain-text body ("${snippet.trim().slice(0, 120)}")`;
      return fail({
        fault: 'http-error',
        message: `HTTP ${status} with ${text}, not a Resonate envelope (the server answers every error with an envelope). Something in front of it (a proxy or gateway), or another program on this port, answered.`,
        advice: status >= 500 ? afterUnknown(request.kind) : 'Check the URL and what runs behind it.',
        applied: status >= 500 ? 'unknown' : 'no',
      });
    }
    return fail({
      fault: 'not-json',
      message: `HTTP ${status} with ${raw.trim() === '' ? 'an empty body' : 'a body that is not JSON'}: this is not the Resonate RPC endpoint.`,
      advice: `Check the URL: the RPC endpoint is the server root (e.g. http://localhost:8001), not /health, /ready or the metrics port (9090). ${afterUnknown(request.kind)}`,
      applied: 'unknown',
    });
  }

  function legacyPath(fail: (f: Omit<ReplayFailure, 'ok' | 'url' | 'durationMs' | 'answeredBy' | 'status' | 'bodySnippet'>) => ReplayFailure): ReplayFailure {
    return fail({
      fault: 'legacy-path-410',
      message: 'HTTP 410 "This endpoint is no longer supported. Please update to the latest SDK.": the URL points at a legacy REST path (/promises, /tasks, /schedules) of the Rust server.',
      advice: 'Use the server root URL without a path (e.g. http://localhost:8001): every operation is POST /.',
      applied: 'no',
    });
  }

  return { send, url };
}

function answeredByOf(res: Response): AnsweredBy {
  const v = res.headers.get('x-resonate-inspector-server');
  return v === 'embedded' || v === 'proxy' || v === 'real' ? v : null;
}

function isHtml(raw: string, contentType: string): boolean {
  return /text\/html/i.test(contentType) || /^\s*<(!doctype html|html|head|body)\b/i.test(raw);
}

function sameOrigin(url: string, pageOrigin: string | undefined): boolean {
  if (!pageOrigin) return false;
  try {
    return new URL(url).origin === new URL(pageOrigin).origin;
  } catch {
    return false;
  }
}

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

/** What to do when the request may or may not have been applied (anchors.md §3.4), by the kind's class. */
export function afterUnknown(kind: string): string {
  const info = classifyKind(kind);
  if (!info || info.class === 'read') return 'Sending it again is safe: it only reads.';
  if (info.class === 'idempotent') return 'Sending it again is safe: a repeat returns the current state.';
  const check = kind.startsWith('schedule.') ? 'schedule.get' : kind === 'task.fulfill' ? 'promise.get' : 'task.get';
  return `Do not send it again blindly: it may have been applied, and a repeat of ${kind} is not harmless. Check the current state (${check}) first.`;
}

/**
 * The Node error code behind a fetch TypeError ("fetch failed"): undici puts it on `cause`, or on each of
 * `cause.errors` when several addresses were tried (localhost → ::1 and 127.0.0.1).
 */
export function nodeErrorCode(e: unknown): string | null {
  const seen = new Set<unknown>();
  const walk = (x: unknown, depth: number): string | null => {
    if (depth > 4 || x === null || typeof x !== 'object' || seen.has(x)) return null;
    seen.add(x);
    const code: unknown = Reflect.get(x, 'code');
    if (typeof code === 'string' && /^[A-Z][A-Z_]+$/.test(code) && code !== 'ABORT_ERR') return code;
    const errors: unknown = Reflect.get(x, 'errors');
    if (Array.isArray(errors)) {
      for (const inner of errors) {
        const c = walk(inner, depth + 1);
        if (c) return c;
      }
    }
    return walk(Reflect.get(x, 'cause'), depth + 1);
  };
  return walk(e, 0);
}

/**
 * What the app's own endpoint says it is (GET /resonate/info): the embedded model, a proxy to RESONATE_URL, or
 * `resonate dev` that the app started (RESONATE_BIN / RESONATE_EMBEDDED=real).
 */
export type EndpointInfo =
  | { server: 'embedded'; model: string }
  | { server: 'proxy'; target: string }
  | { server: 'real'; target: string; version: string | null; description: string };

/** Reads GET `<base>/info` of the app's own endpoint; null when the URL is not the app's endpoint. Never throws. */
export async function fetchEndpointInfo(fetchFn: FetchLike, base = '/resonate', timeoutMs = 3_000): Promise<EndpointInfo | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchFn(`${base.replace(/\/+$/, '')}/info`, { method: 'GET', signal: controller.signal });
    if (!res.ok) return null;
    const json: unknown = await res.json();
    if (isRecord(json) && json.server === 'embedded' && typeof json.model === 'string') return { server: 'embedded', model: json.model };
    if (isRecord(json) && json.server === 'proxy' && typeof json.target === 'string') return { server: 'proxy', target: json.target };
    if (isRecord(json) && json.server === 'real' && typeof json.target === 'string' && typeof json.description === 'string') {
      return { server: 'real', target: json.target, version: typeof json.version === 'string' ? json.version : null, description: json.description };
    }
    return null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
