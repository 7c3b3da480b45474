import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Who may talk to `/resonate`: the app itself, and clients that are not browsers (curl, the CLI).
 *
 * A page on another origin can send a "simple" request (no-cors fetch, `text/plain`, a form) without any
 * preflight; the browser then only hides the answer, the write still happens. So the endpoint looks at what
 * the browser says about the request's origin before it reads the body:
 * - `Origin` present and not this server's own origin (scheme + Host header) → 403. `Origin: null`
 *   (sandboxed frames, file: pages, redirected requests) is refused too.
 * - `Sec-Fetch-Site: cross-site` or `same-site` → 403 (another port or subdomain is another app).
 * - neither header → allowed: browsers send at least one of them on every cross-origin write.
 * - a POST must say `content-type: application/json` → otherwise 415 (no form or text/plain body is read,
 *   and a JSON body from another origin always needs a CORS preflight, which this server never grants).
 * A DNS-rebinding page (its own name resolving to 127.0.0.1) would look same-origin; Vite's `allowedHosts`
 * check refuses its Host header before this runs.
 */

export type Refusal = { status: number; message: string };

const ALLOWED_FETCH_SITES = new Set(['same-origin', 'none']);

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** This server's own origin as the browser sees it: scheme of the socket + the Host header. */
export function ownOrigin(req: IncomingMessage): string | null {
  const host = header(req, 'host');
  if (!host) return null;
  const tls = 'encrypted' in req.socket && Boolean(Reflect.get(req.socket, 'encrypted'));
  return `${tls ? 'https' : 'http'}://${host.toLowerCase()}`;
}

/** Whether a `content-type` value is JSON (`application/json`, any parameters). */
export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const media = (value.split(';')[0] ?? '').trim().toLowerCase();
  return media === 'application/json';
}

/** null when the request may go on; otherwise the status and a plain message saying why it is refused. */
export function checkOrigin(req: IncomingMessage): Refusal | null {
  const origin = header(req, 'origin');
  const site = header(req, 'sec-fetch-site')?.toLowerCase();
  if (origin !== undefined) {
    const own = ownOrigin(req);
    if (origin === 'null' || own === null || origin.toLowerCase() !== own) {
      return { status: 403, message: `Resonate Inspector: refused a request from another origin (${origin}). Only this app's own pages (${own ?? 'its origin'}) and non-browser clients may use this endpoint.` };
    }
  }
  if (site !== undefined && !ALLOWED_FETCH_SITES.has(site)) {
    return { status: 403, message: `Resonate Inspector: refused a ${site} request. Only this app's own pages and non-browser clients may use this endpoint.` };
  }
  return null;
}

/** checkOrigin, then for a POST the JSON content type. */
export function checkRequest(req: IncomingMessage): Refusal | null {
  const refused = checkOrigin(req);
  if (refused) return refused;
  if ((req.method ?? 'GET').toUpperCase() === 'POST' && !isJsonContentType(header(req, 'content-type'))) {
    return { status: 415, message: 'Expected request with `Content-Type: application/json`' };
  }
  return null;
}

/** Send a refusal as plain text (the body is not read; the connection is closed so it is not read later either). */
export function refuse(res: ServerResponse, refusal: Refusal, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close', ...extra });
  res.end(refusal.message);
}

type Next = (err?: unknown) => void;

/** A connect middleware that refuses what checkRequest refuses under `mount`, and passes everything else on. */
export function createRequestGuard(mount: string, serverHeader: Record<string, string> = {}): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path !== mount && !path.startsWith(`${mount}/`)) return next();
    const refused = checkRequest(req);
    if (!refused) return next();
    req.resume();
    refuse(res, refused, serverHeader);
  };
}
