import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test, Inspector } from './fixtures';

// A page on another local origin, open in the same browser, tries every kind of write a page can send without
// the user's help: a no-cors fetch, a text/plain fetch, a form post, and a preflighted JSON fetch. Against the
// embedded endpoint (the preview server Playwright starts) and against the proxy (a second preview with
// RESONATE_URL set to a loopback stand-in that records what reaches it). Nothing is created, nothing reaches
// the stand-in, and the app's own replay still works.

const outDir = process.env.OUT_DIR ?? 'dist';

type Listening = { url: string; close: () => Promise<void> };
async function listen(server: Server): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const createEnvelope = (id: string): string => JSON.stringify({ kind: 'promise.create', head: { corrId: 'x', version: '2026-04-01' }, data: { id, timeoutAt: Date.now() + 3_600_000 } });

/** The attacker's page: it sends each write from its own origin and reports when they have all settled. */
async function attack(page: Page, hostileUrl: string, endpoint: string, id: string): Promise<void> {
  await page.goto(hostileUrl);
  await page.evaluate(
    async ({ endpoint, body }) => {
      const quiet = (p: Promise<unknown>): Promise<unknown> => p.catch(() => null);
      await quiet(fetch(endpoint, { mode: 'no-cors', method: 'POST', body }));
      await quiet(fetch(endpoint, { mode: 'no-cors', method: 'POST', headers: { 'content-type': 'text/plain' }, body }));
      await quiet(fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body })); // preflighted
      await quiet(fetch(endpoint, { mode: 'no-cors', method: 'POST', body: new URLSearchParams({ [body]: '' }) }));
      // A real form post, into a frame (a navigation: no CORS at all).
      const frame = document.createElement('iframe');
      frame.name = 'sink';
      document.body.append(frame);
      for (const enctype of ['text/plain', 'application/x-www-form-urlencoded']) {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = endpoint;
        form.enctype = enctype;
        form.target = 'sink';
        const input = document.createElement('input');
        input.name = body.slice(0, -2);
        input.value = body.slice(-2);
        form.append(input);
        document.body.append(form);
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        form.submit();
        await loaded;
      }
    },
    { endpoint, body: createEnvelope(id) },
  );
}

const hits: Array<{ method: string; url: string }> = [];
let hostile: Listening;
let standIn: Listening;
let proxy: ChildProcess;
let proxyPort = 0;

// One preview with RESONATE_URL for the file: both tests in one worker.
test.describe.configure({ mode: 'serial' });

/** A port nothing listens on: opened, then closed. */
async function freePort(): Promise<number> {
  const probe = await listen(createServer());
  await probe.close();
  return Number(new URL(probe.url).port);
}

test.beforeAll(async () => {
  hostile = await listen(
    createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Some other site</title><h1>Nothing to see</h1>');
    }),
  );
  standIn = await listen(
    createServer((req: IncomingMessage, res) => {
      hits.push({ method: req.method ?? '', url: req.url ?? '' });
      req.resume();
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}');
    }),
  );
  proxyPort = await freePort();
  // node itself (not npx), so that kill() stops the server and leaves nothing behind.
  proxy = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(proxyPort), '--strictPort', '--outDir', outDir], {
    env: { ...process.env, RESONATE_URL: standIn.url },
    stdio: 'ignore',
  });
  await expect
    .poll(async () => {
      try {
        const info = (await (await fetch(`http://127.0.0.1:${proxyPort}/resonate/info`)).json()) as { target?: string };
        return info.target ?? '';
      } catch {
        return '';
      }
    }, { timeout: 30_000 })
    .toBe(standIn.url);
});

test.afterAll(async () => {
  const exited = new Promise((resolve) => proxy.once('exit', resolve));
  proxy.kill();
  await exited;
  await hostile.close();
  await standIn.close();
});

test('a page on another origin cannot create a promise on the embedded endpoint', async ({ page, request, baseURL }) => {
  const id = `cross-site-${Date.now().toString(36)}`;
  await attack(page, hostile.url, `${baseURL}/resonate`, id);
  // Asked by a non-browser client (no Origin): the promise does not exist.
  const get = await request.post(`${baseURL}/resonate`, { headers: { 'content-type': 'application/json' }, data: { kind: 'promise.get', head: { corrId: 'g', version: '2026-04-01' }, data: { id } } });
  expect(get.status()).toBe(404);
  expect(await get.json()).toMatchObject({ data: 'Promise not found' });
  // The attacker sees a plain refusal, not the endpoint.
  const refused = await fetch(`${baseURL}/resonate`, { method: 'POST', headers: { 'content-type': 'application/json', origin: hostile.url }, body: createEnvelope(id) });
  expect(refused.status).toBe(403);
  expect(await refused.text()).toMatch(/refused a request from another origin/);
});

test('a page on another origin cannot reach the real server through the proxy; the app’s own replay does', async ({ page }) => {
  const app = `http://127.0.0.1:${proxyPort}`;
  hits.length = 0;
  await attack(page, hostile.url, `${app}/resonate`, `cross-site-proxy-${Date.now().toString(36)}`);
  expect(hits).toEqual([]);

  const inspector = new Inspector(page);
  await page.goto(app);
  await expect(page.getByRole('heading', { level: 1, name: 'Decode a Resonate error' })).toBeVisible();
  await inspector.paste(
    [
      'request:  {"kind":"promise.get","head":{"corrId":"c1","version":"2026-04-01"},"data":{"id":"order-42"}}',
      'response: {"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}',
    ].join('\n'),
  );
  await expect(inspector.findings).toHaveCount(1);
  await inspector.findings.getByRole('button', { name: 'Replay' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replay a request' });
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Answer: then: 404 Promise not found → now: 404 Promise not found (unchanged).');
  expect(hits).toEqual([{ method: 'POST', url: '/' }]);
});
