import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { PROTOCOL_VERSION } from '../core/replay/request-schema.js';
import { checkRequest, errorEnvelope } from './envelope-checks.js';
import { MODEL_DESCRIPTION, createEmbeddedModel, type EmbeddedModel } from './embedded-model.js';
import { chooseRealServer, describeRealServer, startResonateDev, type RealServer } from './real-server.js';
import { createGuardedProxy } from './guarded-proxy.js';
import { createRequestGuard } from './request-guard.js';

/**
 * `/resonate` on the app's own origin, for `npm run dev` and `npm start` (vite preview):
 * - by default, an in-memory Resonate server: the TS SDK's model (LocalNetwork) behind the Rust server's envelope
 *   checks, in its order (envelope-checks.ts). HTTP status = head.status; head.version is always "2026-04-01";
 *   data the model cannot handle gets 400 `Invalid request: …`, never a 500.
 * - with RESONATE_URL set, a narrow proxy forwards `POST /resonate` to `POST /` of that server (guarded-proxy.ts),
 *   so the browser needs no CORS.
 * - with RESONATE_BIN (or RESONATE_EMBEDDED=real and `resonate` on the PATH), `resonate dev` on a free loopback
 *   port, behind the same narrow proxy, stopped with the app (real-server.ts).
 * Requests from other origins are refused before any of them (request-guard.ts), and the servers' CORS is off.
 * Every answer carries `x-resonate-inspector-server: embedded|proxy|real`; GET /resonate/info says which, as JSON.
 */

export const ENDPOINT_PATH = '/resonate';
export const SERVER_HEADER = 'x-resonate-inspector-server';
export const PROXY_ERROR_HEADER = 'x-resonate-inspector-proxy-error';
/** The Rust server's default body limit (axum): 2 MiB. */
export const BODY_LIMIT = 2 * 1024 * 1024;

export type EndpointOptions = {
  /** Allow debug.* (like `resonate serve --debug`). Default: RESONATE_EMBEDDED_DEBUG=true, else off, as the real server. */
  debug?: boolean;
  /** Mount path; default /resonate. */
  path?: string;
  model?: EmbeddedModel;
  now?: () => number;
};

type Next = (err?: unknown) => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const LEGACY_PATH = /^\/(promises|schedules|tasks)(\/|$)/;

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'cache-control': 'no-store', [SERVER_HEADER]: 'embedded', ...headers });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown): void => send(res, status, JSON.stringify(value), { 'content-type': 'application/json' });

/** The sub-path under the mount point ('' for the endpoint itself), or null when the URL is not ours. */
function subPath(url: string | undefined, mount: string): string | null {
  const path = (url ?? '/').split('?')[0] ?? '/';
  if (path === mount || path === `${mount}/`) return '';
  return path.startsWith(`${mount}/`) ? path.slice(mount.length) : null;
}

/** A connect middleware serving the embedded Resonate endpoint. */
export function createEmbeddedEndpoint(options: EndpointOptions = {}): Middleware {
  const mount = options.path ?? ENDPOINT_PATH;
  const debug = options.debug ?? process.env.RESONATE_EMBEDDED_DEBUG === 'true';
  const now = options.now ?? Date.now;
  let model: EmbeddedModel | null = options.model ?? null;
  let modelError: string | null = null;
  if (!model) {
    try {
      model = createEmbeddedModel();
    } catch (e) {
      modelError = e instanceof Error ? e.message : String(e);
    }
  }

  const guard = createRequestGuard(mount, { [SERVER_HEADER]: 'embedded' });
  return (req, res, next) => {
    const sub = subPath(req.url, mount);
    if (sub === null) return next();
    // Other origins are refused here too, so that any server mounting this endpoint is guarded (request-guard.ts).
    guard(req, res, () => serve(sub, req, res));
  };

  function serve(sub: string, req: IncomingMessage, res: ServerResponse): void {
    try {
      const method = req.method ?? 'GET';
      if (sub === '/info' && (method === 'GET' || method === 'HEAD')) {
        return sendJson(res, 200, { server: 'embedded', model: MODEL_DESCRIPTION, protocol: PROTOCOL_VERSION, debug });
      }
      if (sub === '/health' || sub === '/ready') {
        drain(req);
        // axum's get(): GET and HEAD; another method gets 405 with the methods it allows.
        return method === 'GET' || method === 'HEAD' ? send(res, 200, '') : send(res, 405, '', { allow: 'GET,HEAD' });
      }
      if (LEGACY_PATH.test(sub)) {
        drain(req);
        return sendJson(res, 410, { error: 'This endpoint is no longer supported. Please update to the latest SDK.' });
      }
      if (sub !== '') return send(res, 404, '');
      if (method !== 'POST') {
        drain(req);
        return send(res, 405, '', { allow: 'POST' });
      }
      readBody(req, (err, body) => {
        if (err === 'too-large') return send(res, 413, 'Failed to buffer the request body: length limit exceeded', { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
        if (err) return send(res, 400, `Failed to read the request body: ${err}`, { 'content-type': 'text/plain; charset=utf-8' });
        const { status, envelope } = answer(body ?? '', model, modelError, debug, now);
        sendJson(res, status, envelope);
      });
    } catch (e) {
      // The wrapper itself never answers 500.
      sendJson(res, 400, errorEnvelope('unknown', '0', 400, `Invalid request: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
}

/** One request body → the status and the envelope to send. Never throws. */
export function answer(body: string, model: EmbeddedModel | null, modelError: string | null, debug: boolean, now: () => number): { status: number; envelope: unknown } {
  const checked = checkRequest(body, { debug });
  if (!checked.ok) return { status: checked.status, envelope: checked.envelope };
  const { request, kind, corrId } = checked;
  if (!model) {
    return { status: 503, envelope: errorEnvelope(kind, corrId, 503, `The embedded Resonate model is unavailable: ${modelError ?? 'unknown error'}`) };
  }
  try {
    const result = model.apply(request as Parameters<EmbeddedModel['apply']>[0], checked.debugTime ?? now());
    const envelope = { kind, head: { corrId, status: result.status, version: PROTOCOL_VERSION }, data: result.data };
    // Serialize here, so a value JSON cannot hold fails inside the try.
    JSON.stringify(envelope);
    return { status: result.status, envelope };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { status: 400, envelope: errorEnvelope(kind, corrId, 400, `Invalid request: the in-memory model could not handle this data (${why})`) };
  }
}

function drain(req: IncomingMessage): void {
  req.resume();
}

function readBody(req: IncomingMessage, done: (err: string | null, body?: string) => void): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > BODY_LIMIT) {
    req.resume();
    done('too-large');
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (err: string | null, body?: string): void => {
    if (finished) return;
    finished = true;
    done(err, body);
  };
  req.on('data', (chunk: Buffer) => {
    if (finished) return;
    size += chunk.length;
    if (size > BODY_LIMIT) {
      finish('too-large');
      req.resume();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => finish(null, Buffer.concat(chunks).toString('utf8')));
  req.on('error', (e) => finish(e.message));
}

/** RESONATE_URL as a URL, or an error. `localhost:8001` is read as `http://localhost:8001`. */
export function parseTarget(value: string): { ok: true; target: string } | { ok: false; message: string } {
  const raw = value.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  try {
    const u = new URL(withScheme);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, message: `RESONATE_URL must be an http(s) URL, not ${u.protocol}` };
    if (u.username || u.password) return { ok: false, message: 'RESONATE_URL must not carry credentials (a token goes in head.auth, set in the page).' };
    return { ok: true, target: u.origin + u.pathname.replace(/\/+$/, '') };
  } catch {
    return { ok: false, message: `RESONATE_URL "${value}" is not a URL (e.g. http://localhost:8001)` };
  }
}

/** GET /resonate/info in proxy mode, or with `resonate dev` started by the app (answered by the app, not forwarded). */
function createProxyInfo(target: string, mount = ENDPOINT_PATH, real: RealServer | null = null): Middleware {
  const info = real ? { server: 'real', target, version: real.version, binary: real.binary, description: describeRealServer(real) } : { server: 'proxy', target };
  return (req, res, next) => {
    if (subPath(req.url, mount) === '/info' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', [SERVER_HEADER]: info.server });
      res.end(JSON.stringify(info));
      return;
    }
    next();
  };
}

/** Two middlewares as one: the second runs when the first calls next(). */
function chain(first: Middleware, second: Middleware): Middleware {
  return (req, res, next) => first(req, res, (err) => (err ? next(err) : second(req, res, next)));
}

/**
 * The Vite plugin: serves `/resonate` for both `vite` (dev) and `vite preview` (npm start).
 * `env` defaults to process.env; RESONATE_URL switches from the embedded model to a proxy; RESONATE_BIN or
 * RESONATE_EMBEDDED=real to `resonate dev`, started when the server starts (not for `vite build`).
 */
export function resonateEndpoint(options: EndpointOptions & { env?: Record<string, string | undefined> } = {}): Plugin {
  const env = options.env ?? process.env;
  const url = env.RESONATE_URL?.trim();
  const parsed = url ? parseTarget(url) : null;
  if (parsed && !parsed.ok) throw new Error(parsed.message);
  const target = parsed?.ok ? parsed.target : null;
  const mount = options.path ?? ENDPOINT_PATH;
  // Not under Vitest, which loads vite.config.ts too: a test run never starts `resonate dev` by itself.
  const realChoice = target || env.VITEST ? null : chooseRealServer(env);
  let real: RealServer | null = null;
  // The embedded endpoint guards itself; the proxies (to RESONATE_URL, or to `resonate dev`) are guarded here.
  const proxy = (url: string, label: 'proxy' | 'real', server: RealServer | null): Middleware =>
    chain(
      createRequestGuard(mount, { [SERVER_HEADER]: label }),
      chain(
        createProxyInfo(url, mount, server),
        createGuardedProxy({ target: url, mount, bodyLimit: BODY_LIMIT, serverHeader: SERVER_HEADER, errorHeader: PROXY_ERROR_HEADER, label, name: label === 'real' ? 'resonate dev at' : 'RESONATE_URL' }),
      ),
    );
  const middleware = (): Middleware => (real ? proxy(real.url, 'real', real) : target ? proxy(target, 'proxy', null) : createEmbeddedEndpoint(options));
  const describe = (): string =>
    real
      ? `${mount} → ${describeRealServer(real)}, ${real.url} (${real.binary})`
      : target
        ? `${mount} → ${target} (proxy, RESONATE_URL)`
        : `${mount} → embedded Resonate model (${MODEL_DESCRIPTION})`;
  const stopReal = (): void => {
    void real?.stop();
  };
  return {
    name: 'resonate-inspector:endpoint',
    async config(_config, { command }) {
      if (realChoice && command === 'serve' && !real) real = await startResonateDev(realChoice.binary);
      // No CORS for other origins (Vite's default allows any localhost origin).
      return { server: { cors: false }, preview: { cors: false } };
    },
    configureServer(server) {
      server.middlewares.use(middleware());
      server.httpServer?.once('listening', () => server.config.logger.info(`  Resonate endpoint: ${describe()}`));
      server.httpServer?.once('close', stopReal);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware());
      server.httpServer.once('listening', () => server.config.logger.info(`  Resonate endpoint: ${describe()}`));
      server.httpServer.once('close', stopReal);
    },
  };
}
