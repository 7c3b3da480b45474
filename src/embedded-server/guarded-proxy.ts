import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkOrigin, isJsonContentType, refuse } from './request-guard.js';

/**
 * The proxy to RESONATE_URL, narrowed to what the app needs: `POST <mount>` → `POST <target>/`, nothing else.
 * - no other path or method is forwarded (404 / 405 here, the target never sees them);
 * - only the body and `content-type: application/json` go out: no cookies, no authorization, no browser headers
 *   (a token travels inside the envelope, in head.auth);
 * - the body is capped (413 past the cap, before anything is sent);
 * - redirects are not followed: a 3xx from the target becomes a 502 saying so;
 * - the whole exchange has a timeout (504);
 * - nothing about the request is logged (head.auth holds tokens).
 * Other origins are refused first (request-guard.ts), so that any server mounting this is guarded.
 */

export type ForwardOptions = {
  target: string;
  mount: string;
  bodyLimit: number;
  timeoutMs?: number;
  serverHeader: string;
  errorHeader: string;
  /** Who answers behind it, in the server header: RESONATE_URL's server, or `resonate dev` started by the app. */
  label?: 'proxy' | 'real';
  /** How messages name the target ("RESONATE_URL", "resonate dev at"). */
  name?: string;
  fetch?: typeof fetch;
};

export const PROXY_TIMEOUT_MS = 30_000;

type Next = (err?: unknown) => void;

function plain(res: ServerResponse, status: number, message: string, headers: Record<string, string>): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(message);
}

/** Reads the body up to `limit` bytes; null past it. */
function readCapped(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function errorCode(e: unknown): string {
  const cause: unknown = e instanceof Error ? e.cause : undefined;
  for (const x of [cause, e]) {
    const code: unknown = x && typeof x === 'object' ? Reflect.get(x, 'code') : undefined;
    if (typeof code === 'string') return code;
  }
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'ETIMEDOUT';
  return 'ERROR';
}

/** A connect middleware forwarding `POST <mount>` to `<target>/`. */
export function createGuardedProxy(options: ForwardOptions): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const { target, mount, bodyLimit, serverHeader, errorHeader } = options;
  const name = options.name ?? 'RESONATE_URL';
  const timeoutMs = options.timeoutMs ?? PROXY_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  const ours = { [serverHeader]: options.label ?? 'proxy' };
  const url = `${target}/`;
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path !== mount && !path.startsWith(`${mount}/`)) return next();
    const refused = checkOrigin(req);
    if (refused) {
      req.resume();
      return refuse(res, refused, ours);
    }
    if (path !== mount && path !== `${mount}/`) {
      req.resume();
      return plain(res, 404, `Resonate Inspector: only POST ${mount} is forwarded to ${name}.`, ours);
    }
    if ((req.method ?? 'GET').toUpperCase() !== 'POST') {
      req.resume();
      return plain(res, 405, `Resonate Inspector: only POST ${mount} is forwarded to ${name}.`, { ...ours, allow: 'POST' });
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      req.resume();
      return plain(res, 415, 'Expected request with `Content-Type: application/json`', ours);
    }
    void (async () => {
      let body: Buffer | null;
      try {
        body = await readCapped(req, bodyLimit);
      } catch (e) {
        return plain(res, 400, `Failed to read the request body: ${e instanceof Error ? e.message : String(e)}`, ours);
      }
      if (body === null) return plain(res, 413, 'Failed to buffer the request body: length limit exceeded', { ...ours, connection: 'close' });
      try {
        const answer = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: new Uint8Array(body),
          redirect: 'manual',
          credentials: 'omit',
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (answer.status >= 300 && answer.status < 400) {
          await answer.body?.cancel();
          return plain(res, 502, `Resonate Inspector: ${name} ${target} answered with a redirect (${answer.status}); the proxy does not follow redirects. Point it at the final address.`, { ...ours, [errorHeader]: 'REDIRECT' });
        }
        const text = Buffer.from(await answer.arrayBuffer());
        const headers: Record<string, string> = { 'cache-control': 'no-store', ...ours };
        const type = answer.headers.get('content-type');
        if (type) headers['content-type'] = type;
        if (!res.headersSent) {
          res.writeHead(answer.status, headers);
          res.end(text);
        }
      } catch (e) {
        const code = errorCode(e);
        const status = code === 'ETIMEDOUT' ? 504 : 502;
        const why = code === 'ETIMEDOUT' ? `no answer within ${timeoutMs / 1000} s` : e instanceof Error ? e.message : String(e);
        plain(res, status, `Resonate Inspector: cannot reach ${name} ${target} (${code}: ${why})`, { ...ours, [errorHeader]: code });
      }
    })();
  };
}
