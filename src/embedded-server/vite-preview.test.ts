// The plugin inside a real `vite preview` (what `npm start` serves) and `vite` (npm run dev): the embedded
// endpoint, and with RESONATE_URL the proxy to a real server (here a loopback stand-in that records what reaches it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createViteServer, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplayClient } from '../core/replay/replay-client';
import { resonateEndpoint } from './resonate-endpoint';

const dir = mkdtempSync(join(tmpdir(), 'resonate-inspector-preview-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');

async function startPreview(env: Record<string, string | undefined>): Promise<{ server: PreviewServer; base: string }> {
  const server = await preview({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    plugins: [resonateEndpoint({ env })],
  });
  const address = server.httpServer.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${address.port}` };
}

const envelope = (kind: string, corrId: string) => JSON.stringify({ kind, head: { corrId, version: '2026-04-01' }, data: { id: 'order-42' } });

let real: Server;
let realUrl: string;
let deadUrl: string;
const reached: Array<{ method: string; url: string; body: string }> = [];
const reachedHeaders: IncomingHttpHeaders[] = [];
const started: PreviewServer[] = [];

beforeAll(async () => {
  real = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      reached.push({ method: req.method ?? '', url: req.url ?? '', body });
      reachedHeaders.push(req.headers);
      if (req.url?.startsWith('/redirect')) {
        res.writeHead(307, { location: '/' });
        res.end();
        return;
      }
      if (req.url === '/health') {
        res.writeHead(200);
        res.end();
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"kind":"promise.get","head":{"corrId":"p1","status":404,"version":"2026-04-01"},"data":"Promise not found"}');
    });
  });
  await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', resolve));
  realUrl = `http://127.0.0.1:${(real.address() as AddressInfo).port}`;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  deadUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  for (const s of started) await s.close();
  real.closeAllConnections();
  await new Promise<void>((resolve) => real.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('the plugin in vite preview', { timeout: 20_000 }, () => {
  it('serves the embedded endpoint beside the app', async () => {
    const { server, base } = await startPreview({});
    started.push(server);
    const res = await fetch(`${base}/resonate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: envelope('promise.get', 'e1') });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-resonate-inspector-server')).toBe('embedded');
    expect(await res.json()).toEqual({ kind: 'promise.get', head: { corrId: 'e1', status: 404, version: '2026-04-01' }, data: 'Promise not found' });
    expect(await (await fetch(`${base}/resonate/info`)).json()).toMatchObject({ server: 'embedded' });
    expect((await fetch(`${base}/`)).status).toBe(200); // the app itself
  });

  it('serves it in the dev server too', async () => {
    const dev = await createViteServer({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
      plugins: [resonateEndpoint({ env: {} })],
    });
    await dev.listen();
    try {
      const port = (dev.httpServer?.address() as AddressInfo).port;
      const res = await fetch(`http://127.0.0.1:${port}/resonate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: envelope('task.get', 'd1') });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ head: { corrId: 'd1', status: 404 }, data: 'Task not found' });
    } finally {
      await dev.close();
    }
  });

  it('with RESONATE_URL, forwards /resonate to the real server root, with no CORS needed', async () => {
    const { server, base } = await startPreview({ RESONATE_URL: realUrl });
    started.push(server);
    const client = createReplayClient({ baseUrl: `${base}/resonate`, fetch: (i, init) => fetch(i, init) });
    const r = await client.send({ kind: 'promise.get', head: { corrId: 'p1', version: '2026-04-01' }, data: { id: 'order-42' } });
    expect(r).toMatchObject({ ok: true, status: 404, answeredBy: 'proxy', envelope: { data: 'Promise not found' } });
    expect(reached.filter((x) => x.method === 'POST')).toEqual([{ method: 'POST', url: '/', body: envelope('promise.get', 'p1') }]);
    expect(await (await fetch(`${base}/resonate/info`)).json()).toEqual({ server: 'proxy', target: realUrl });
  });

  it('with RESONATE_URL, forwards nothing but a same-origin JSON POST /resonate: no other path or method, no cookies, capped', async () => {
    const { server, base } = await startPreview({ RESONATE_URL: realUrl });
    started.push(server);
    reached.length = 0;
    const body = envelope('promise.create', 'x1');
    const attempts: Array<[string, RequestInit, number]> = [
      ['/resonate', { method: 'POST', headers: { 'content-type': 'text/plain' }, body }, 415],
      ['/resonate', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }, 415],
      ['/resonate', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost:9999' }, body }, 403],
      ['/resonate', { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body }, 403],
      ['/resonate', { method: 'OPTIONS', headers: { origin: 'http://localhost:9999', 'access-control-request-method': 'POST' } }, 403],
      ['/resonate', { method: 'PUT', headers: { 'content-type': 'application/json' }, body }, 405],
      ['/resonate/health', { method: 'GET' }, 404],
      ['/resonate/promises/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body }, 404],
      ['/resonate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(2 * 1024 * 1024 + 1) }, 413],
    ];
    for (const [path, init, status] of attempts) {
      const res = await fetch(`${base}${path}`, init);
      expect(res.status, `${init.method} ${path} ${JSON.stringify(init.headers)}`).toBe(status);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('x-resonate-inspector-server')).toBe('proxy');
    }
    expect(reached).toEqual([]);
    const ok = await fetch(`${base}/resonate?x=1`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: 'session=secret', authorization: 'Bearer t', origin: base, 'sec-fetch-site': 'same-origin' }, body });
    expect(ok.status).toBe(404);
    expect(reached).toEqual([{ method: 'POST', url: '/', body }]);
    expect(reachedHeaders.at(-1)?.cookie).toBeUndefined();
    expect(reachedHeaders.at(-1)?.authorization).toBeUndefined();
    expect(reachedHeaders.at(-1)?.origin).toBeUndefined();
  });

  it('with RESONATE_URL answering a redirect, does not follow it', async () => {
    const { server, base } = await startPreview({ RESONATE_URL: `${realUrl}/redirect` });
    started.push(server);
    reached.length = 0;
    const res = await fetch(`${base}/resonate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: envelope('promise.get', 'r1') });
    expect(res.status).toBe(502);
    expect(await res.text()).toMatch(/answered with a redirect \(307\); the proxy does not follow redirects/);
    expect(reached.map((r) => r.url)).toEqual(['/redirect/']);
  });

  it('refuses another origin on the embedded endpoint too, and sends no CORS headers', async () => {
    const { server, base } = await startPreview({});
    started.push(server);
    const id = `cross-${Date.now()}`;
    const create = JSON.stringify({ kind: 'promise.create', head: { corrId: 'c', version: '2026-04-01' }, data: { id, timeoutAt: Date.now() + 60_000 } });
    const tries: Array<Record<string, string>> = [{ 'content-type': 'text/plain', origin: 'http://localhost:9999' }, { 'content-type': 'text/plain' }, { 'content-type': 'application/json', origin: 'http://localhost:9999' }];
    for (const headers of tries) {
      const res = await fetch(`${base}/resonate`, { method: 'POST', headers, body: create });
      expect(res.status).toBeGreaterThanOrEqual(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    const pre = await fetch(`${base}/resonate`, { method: 'OPTIONS', headers: { origin: 'http://localhost:9999', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const get = JSON.stringify({ kind: 'promise.get', head: { corrId: 'g', version: '2026-04-01' }, data: { id } });
    const after = await fetch(`${base}/resonate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: get });
    expect(after.status).toBe(404); // nothing was created
  });

  it('with RESONATE_URL down, answers 502 and the client says the proxy could not reach it', async () => {
    const { server, base } = await startPreview({ RESONATE_URL: deadUrl });
    started.push(server);
    const client = createReplayClient({ baseUrl: `${base}/resonate`, fetch: (i, init) => fetch(i, init) });
    const r = await client.send({ kind: 'promise.get', head: { corrId: 'p2', version: '2026-04-01' }, data: { id: 'order-42' } });
    expect(r).toMatchObject({ ok: false, fault: 'refused', status: 502, answeredBy: 'proxy', applied: 'no' });
    expect(!r.ok && r.message).toMatch(/could not reach that server \(ECONNREFUSED\)/);
  });
});
