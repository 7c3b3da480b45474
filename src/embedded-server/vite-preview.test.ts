// The plugin inside a real `vite preview` (what `npm start` serves) and `vite` (npm run dev): the embedded
// endpoint, and with RESONATE_URL the proxy to a real server (here a loopback stand-in that records what reaches it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
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
const started: PreviewServer[] = [];

beforeAll(async () => {
  real = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      reached.push({ method: req.method ?? '', url: req.url ?? '', body });
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
    const res = await fetch(`${base}/resonate`, { method: 'POST', body: envelope('promise.get', 'e1') });
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
      const res = await fetch(`http://127.0.0.1:${port}/resonate`, { method: 'POST', body: envelope('task.get', 'd1') });
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
    expect((await fetch(`${base}/resonate/health`)).status).toBe(200);
    expect(reached.at(-1)).toMatchObject({ method: 'GET', url: '/health' });
    expect(await (await fetch(`${base}/resonate/info`)).json()).toEqual({ server: 'proxy', target: realUrl });
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
