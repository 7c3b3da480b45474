// The replay client against real HTTP servers on loopback: each fault ends in a clear answer, and the
// request goes out exactly once (counted server-side). Node's own fetch is the transport, as in the CLI.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplayClient, type ReplayFailure, type ReplayResult } from './replay-client';
import type { ReplayRequest } from './request-schema';

const get: ReplayRequest = { kind: 'promise.get', head: { corrId: 'c-1', version: '2026-04-01' }, data: { id: 'order-42' } };
const acquire: ReplayRequest = { kind: 'task.acquire', head: { corrId: 'c-2', version: '2026-04-01' }, data: { id: 't', version: 0, pid: 'p', ttl: 1000 } };

type Seen = { method: string; url: string; body: string };
const seen = new Map<string, Seen[]>();
let server: Server;
let base: string;
let closedPort: number;

const routes: Record<string, (req: IncomingMessage, res: ServerResponse, body: string) => void> = {
  '/ok': (_req, res, body) => {
    const r = JSON.parse(body) as ReplayRequest;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ kind: r.kind, head: { corrId: r.head.corrId, status: 200, version: '2026-04-01' }, data: { promise: { id: 'order-42', state: 'pending' } } }));
  },
  '/hang': () => {
    // never answers
  },
  '/hang-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"kind":"promise.get",');
  },
  '/500-text': (_req, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Internal Server Error');
  },
  '/500-envelope': (_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end('{"kind":"promise.get","head":{"corrId":"c-1","status":500,"version":"2026-04-01"},"data":"Internal error: Storage error: database is locked"}');
  },
  '/not-json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('OK');
  },
  '/promises': (_req, res) => {
    res.writeHead(410, { 'content-type': 'application/json' });
    res.end('{"error":"This endpoint is no longer supported. Please update to the latest SDK."}');
  },
  '/404-text': (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('404 page not found');
  },
  '/502-html': (_req, res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body>\r\n</html>');
  },
  '/reset': (req) => {
    req.socket.destroy();
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const list = seen.get(path) ?? [];
      list.push({ method: req.method ?? '', url: req.url ?? '', body });
      seen.set(path, list);
      const route = routes[path];
      if (route) route(req, res, body);
      else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was just free: nothing listens there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const send = (path: string, request: ReplayRequest = get, extra: { token?: string; timeoutMs?: number } = {}): Promise<ReplayResult> =>
  createReplayClient({ baseUrl: `${base}${path}`, fetch: (input, init) => fetch(input, init), timeoutMs: extra.timeoutMs ?? 2000, ...(extra.token ? { token: extra.token } : {}) }).send(request);

const failure = (r: ReplayResult): ReplayFailure => {
  if (r.ok) throw new Error(`expected a fault, got ${r.status}`);
  return r;
};

describe('replay client over HTTP', { timeout: 10_000 }, () => {
  it('sends the envelope once, with the token in head.auth and never in the URL', async () => {
    const r = await send('/ok', get, { token: 'eyJhbGciOi.secret.sig' });
    expect(r).toMatchObject({ ok: true, status: 200, envelope: { kind: 'promise.get', head: { corrId: 'c-1', status: 200 } }, notes: [] });
    const calls = seen.get('/ok') ?? [];
    expect(calls).toHaveLength(1);
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url).toBe('/ok');
    expect(JSON.parse(calls[0]?.body ?? '{}')).toEqual({ ...get, head: { ...get.head, auth: 'eyJhbGciOi.secret.sig' } });
  });

  it('connection refused: not sent, safe to send again once the server is up', async () => {
    const r = failure(await createReplayClient({ baseUrl: `http://127.0.0.1:${closedPort}`, fetch: (i, init) => fetch(i, init) }).send(get));
    expect(r).toMatchObject({ fault: 'refused', applied: 'no' });
    expect(r.message).toMatch(/^Connection refused: nothing is listening at http:\/\/127\.0\.0\.1:\d+\. The request was not sent\.$/);
    expect(r.advice).toMatch(/Start the Resonate server/);
  });

  it('a hang past the timeout is aborted once, and says it may have been applied', async () => {
    const started = Date.now();
    const r = failure(await send('/hang', acquire, { timeoutMs: 200 }));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(r).toMatchObject({ fault: 'timeout', applied: 'unknown' });
    expect(r.message).toBe('No answer within 200 ms; the request was cancelled. The server may still have received and applied it.');
    expect(r.advice).toMatch(/^Do not send it again blindly[\s\S]*task\.get/);
    expect(seen.get('/hang')).toHaveLength(1);
  });

  it('a body that stops half-way also times out', async () => {
    const r = failure(await send('/hang-body', get, { timeoutMs: 200 }));
    expect(r).toMatchObject({ fault: 'timeout', status: 200 });
    expect(r.message).toMatch(/^No complete answer within 200 ms/);
    expect(r.advice).toMatch(/^Sending it again is safe: it only reads\./);
    expect(seen.get('/hang-body')).toHaveLength(1);
  });

  it('a 500 with a plain-text body is an HTTP error, not an envelope', async () => {
    const r = failure(await send('/500-text'));
    expect(r).toMatchObject({ fault: 'http-error', status: 500, bodySnippet: 'Internal Server Error', applied: 'unknown' });
    expect(r.message).toMatch(/^HTTP 500 with a plain-text body \("Internal Server Error"\), not a Resonate envelope/);
    expect(seen.get('/500-text')).toHaveLength(1);
  });

  it('a 500 envelope is an answer, to be decoded with the catalog', async () => {
    const r = await send('/500-envelope');
    expect(r).toMatchObject({ ok: true, status: 500, envelope: { data: 'Internal error: Storage error: database is locked' } });
    expect(seen.get('/500-envelope')).toHaveLength(1);
  });

  it('a body that is not JSON', async () => {
    const r = failure(await send('/not-json'));
    expect(r).toMatchObject({ fault: 'not-json', status: 200, bodySnippet: 'OK' });
    expect(r.message).toBe('HTTP 200 with a body that is not JSON: this is not the Resonate RPC endpoint.');
    expect(seen.get('/not-json')).toHaveLength(1);
  });

  it('the legacy-path 410 body', async () => {
    const r = failure(await send('/promises'));
    expect(r).toMatchObject({ fault: 'legacy-path-410', status: 410, applied: 'no' });
    expect(r.advice).toMatch(/server root URL without a path/);
    expect(seen.get('/promises')).toHaveLength(1);
  });

  it('a plain-text 404: a legacy server or a wrong path', async () => {
    const r = failure(await send('/404-text'));
    expect(r).toMatchObject({ fault: 'legacy-server', status: 404, bodySnippet: '404 page not found' });
    expect(r.message).toMatch(/legacy \(Go\) Resonate server[\s\S]*URL's path is wrong/);
    expect(seen.get('/404-text')).toHaveLength(1);
  });

  it("a proxy's HTML 502 page", async () => {
    const r = failure(await send('/502-html', acquire));
    expect(r).toMatchObject({ fault: 'html-error-page', status: 502, applied: 'unknown' });
    expect(r.message).toBe('HTTP 502 with an HTML page ("502 Bad Gateway"): a proxy, load balancer or gateway answered, not Resonate (the server never sends HTML).');
    expect(r.advice).toMatch(/may have reached it\. Do not send it again blindly/);
    expect(seen.get('/502-html')).toHaveLength(1);
  });

  it('a connection closed before the answer', async () => {
    const r = failure(await send('/reset'));
    expect(r).toMatchObject({ fault: 'connection-reset', applied: 'unknown' });
    expect(seen.get('/reset')).toHaveLength(1);
  });
});
