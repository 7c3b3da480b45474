import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Inspector } from './fixtures';

// Replay against the embedded server (POST /resonate on the preview server) and against loopback servers started
// here. The embedded model keeps its state as long as the preview server runs, and two workers share it: every
// test uses ids of its own.

const uniqueId = (name: string): string => `e2e-${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A promise.get request and the server's 404 answer, as a user pastes them from a log. */
const get404Paste = (id: string): string =>
  [
    `request:  {"kind":"promise.get","head":{"corrId":"c1","version":"2026-04-01"},"data":{"id":"${id}"}}`,
    `response: {"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}`,
  ].join('\n');

/** A loopback HTTP server that records what reaches it. */
async function startServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    req.resume();
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // a hanging request must not keep the test waiting
      }),
  };
}

/** A port where nothing listens: opened, then closed. */
async function closedPort(): Promise<string> {
  const s = await startServer((_req, res) => res.end());
  await s.close();
  return s.url;
}

async function openReplay(inspector: Inspector, page: Page): Promise<Locator> {
  await inspector.findings.getByRole('button', { name: 'Replay' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replay a request' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function useServerUrl(page: Page, url: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: /^Server:/ }).click();
  const settings = page.getByRole('dialog', { name: 'Replay settings' });
  await settings.getByRole('textbox', { name: 'Server URL' }).fill(url);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  await expect(page.getByRole('banner').getByRole('button', { name: `Server: ${new URL(url).host}` })).toBeVisible();
}

test.describe('replay against the embedded server', () => {
  test('a 404 get, then a confirmed create, the get again, a confirmed settle, and the current state', async ({ inspector, page }) => {
    const id = uniqueId('order');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(new URL(r.url()).pathname);
    });

    // The page says which server it talks to, and that the embedded one is a model.
    await expect(page.getByRole('banner').getByRole('button', { name: 'Server: Embedded model' })).toBeVisible();
    const log = page.getByRole('region', { name: 'Replays this session' });
    await expect(log).toContainText('The embedded model (model of the Resonate server 0.9.5 state machine, in memory)');
    await expect(log).toContainText('a model of the Resonate server, not the server itself');

    await inspector.paste(get404Paste(id));
    await expect(inspector.findings).toHaveCount(1);
    const card = inspector.findings;
    await expect(card.getByRole('button', { name: 'Check current state' })).toBeVisible();
    expect(posts).toEqual([]); // nothing is sent until asked

    // 1. The pasted get, sent again: still 404.
    const dialog = await openReplay(inspector, page);
    await expect(dialog.getByRole('heading', { name: 'Replay a request' })).toBeFocused();
    await expect(dialog).toContainText('Sends to: The embedded model');
    const editor = dialog.getByLabel('Request (JSON)');
    await expect(editor).toHaveValue(new RegExp(`"kind": "promise.get"[\\s\\S]*"id": "${id}"`));
    await expect(dialog.getByText('Read: changes nothing')).toBeVisible();
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    const status = dialog.getByRole('status');
    await expect(status).toHaveText('Answer: then: 404 Promise not found → now: 404 Promise not found (unchanged).');
    await expect(dialog.getByRole('link', { name: 'Catalog entry: server.404.promise-not-found' })).toBeVisible();

    // 2. A promise.create for the same id, built from the finding: it needs a second, explicit confirmation.
    await dialog.getByLabel('Start from').selectOption('promise.create');
    await dialog.getByRole('button', { name: 'Load' }).click();
    await expect(editor).toHaveValue(/"kind": "promise.create"/);
    await expect(dialog.getByText('Write: idempotent')).toBeVisible();
    await dialog.getByRole('button', { name: 'Send…' }).click();
    const confirm = dialog.getByRole('region', { name: 'Confirm: this changes data on the server' });
    await expect(confirm.getByRole('heading')).toBeFocused();
    await expect(confirm).toContainText(`Creates promise ${id} with timeout`);
    await expect(confirm).toContainText('Idempotent by id');
    await expect(editor).not.toBeEditable();
    expect(posts).toEqual(['/resonate']); // still only the first get
    await confirm.getByRole('button', { name: 'Yes, send promise.create' }).click();
    await expect(status).toHaveText('Answer: then: 404 Promise not found → now: 200, pending.');
    await expect(dialog.getByText(`Promise ${id}`, { exact: true })).toBeVisible();

    // 3. The get again shows the promise.
    await dialog.getByLabel('Start from').selectOption('own');
    await dialog.getByRole('button', { name: 'Load' }).click();
    await expect(editor).toHaveValue(/"kind": "promise.get"/);
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(status).toHaveText('Answer: then: 404 Promise not found → now: 200, pending.');
    await expect(dialog.getByRole('definition').filter({ hasText: /^pending$/ })).toBeVisible();

    // 4. Settle it (confirmed), then close with Escape: focus goes back to "Replay".
    await dialog.getByLabel('Start from').selectOption('promise.settle');
    await dialog.getByRole('button', { name: 'Load' }).click();
    await dialog.getByRole('button', { name: 'Send…' }).click();
    await expect(confirm).toContainText(`Settles promise ${id} as resolved`);
    await confirm.getByRole('button', { name: 'Yes, send promise.settle' }).click();
    await expect(status).toHaveText('Answer: then: 404 Promise not found → now: 200, resolved.');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(card.getByRole('button', { name: 'Replay' })).toBeFocused();

    // 5. "Check current state" shows the record: resolved.
    await card.getByRole('button', { name: 'Check current state' }).click();
    const state = card.getByRole('region', { name: `Current state of promise ${id}` });
    await expect(state.getByRole('status')).toHaveText(`promise ${id}: 200, resolved.`);
    await expect(state.getByRole('definition').filter({ hasText: /^resolved$/ })).toBeVisible();
    await expect(state.getByRole('term').filter({ hasText: 'Timeout at' })).toBeVisible();

    // The session's replays, newest first: settle, get, create, get.
    const items = log.getByRole('listitem');
    await expect(items).toHaveCount(4);
    await expect(items.nth(0)).toContainText(`promise.settle ${id}`);
    await expect(items.nth(1)).toContainText(`promise.get ${id}`);
    await expect(items.nth(2)).toContainText(`promise.create ${id}`);
    await expect(items.nth(3)).toContainText(`promise.get ${id}`);
    await expect(items.nth(3)).toContainText('(unchanged)');
    expect(posts).toEqual(Array(5).fill('/resonate')); // 4 replays and 1 state check, each sent once
  });

  test('an invalid edited request is blocked, with the reasons, and nothing is sent', async ({ inspector, page }) => {
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    const id = uniqueId('invalid');
    await inspector.paste(get404Paste(id));
    const dialog = await openReplay(inspector, page);
    const editor = dialog.getByLabel('Request (JSON)');

    await editor.fill(`{"kind":"promise.create","head":{"corrId":"x","version":"2026-04-01"},"data":{"id":"${id}"}}`);
    await expect(editor).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText('One problem to fix before this can be sent:')).toBeVisible();
    await expect(dialog.getByText(/data\.timeoutAt is missing/)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();

    await editor.fill('{"kind": "promises.get", ');
    await expect(dialog.getByText(/^Not valid JSON/)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();

    await editor.fill(`{"kind":"promises.get","head":{"corrId":"x","version":"2026-04-01"},"data":{"id":"${id}"}}`);
    await expect(dialog.getByText(/the docs' spelling: the server's kind is "promise.get"/)).toBeVisible();
    await editor.press('ControlOrMeta+Enter'); // no shortcut sends
    expect(posts).toEqual([]);

    await editor.fill(`{"kind":"promise.get","head":{"corrId":"x","version":"2026-04-01"},"data":{"id":"${id}"}}`);
    await expect(editor).not.toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
    expect(posts).toEqual([]);
  });

  test('the dialogs work from the keyboard and pass axe', async ({ inspector, page }) => {
    await inspector.paste(get404Paste(uniqueId('keys')));
    const serverButton = page.getByRole('banner').getByRole('button', { name: 'Server: Embedded model' });
    await serverButton.focus();
    await page.keyboard.press('Enter');
    const settings = page.getByRole('dialog', { name: 'Replay settings' });
    await expect(settings.getByRole('heading', { name: 'Replay settings' })).toBeFocused();
    await expect(settings.getByLabel('Timeout (seconds)')).toHaveValue('10');
    await expect(settings).toContainText('a model of the Resonate server, not the server itself');
    expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(settings).toBeHidden();
    await expect(serverButton).toBeFocused();

    const replay = inspector.findings.getByRole('button', { name: 'Replay' });
    await replay.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Replay a request' });
    await expect(dialog.getByRole('heading', { name: 'Replay a request' })).toBeFocused();
    expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations).toEqual([]);
    await page.keyboard.press('Tab'); // Close
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(replay).toBeFocused();
  });
});

test.describe('replay faults are answers', () => {
  test('a server without CORS headers: the page explains CORS and how to fix it, and no POST reaches it', async ({ inspector, page }) => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // no Access-Control-Allow-* at all
      res.end('{}');
    });
    try {
      await useServerUrl(page, server.url);
      await expect(page.getByRole('region', { name: 'Replays this session' })).toContainText(`The server at ${server.url}, called directly by your browser.`);
      await inspector.paste(get404Paste(uniqueId('cors')));
      const dialog = await openReplay(inspector, page);
      await expect(dialog).toContainText(`Sends to: The server at ${server.url}`);
      await dialog.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(dialog.getByRole('status')).toHaveText('Blocked by the browser (CORS). It may have reached the server.');
      const origin = new URL(page.url()).origin;
      await expect(dialog).toContainText(`--server-cors-allow-origin ${origin}`);
      await expect(dialog).toContainText(`RESONATE_URL=${server.url}`);
      await expect(dialog).toContainText('Nothing is sent again by itself.');
      expect(server.hits.filter((h) => h.startsWith('POST'))).toEqual([]);
      expect(server.hits).toContain('OPTIONS /'); // the browser's preflight, refused for want of CORS headers
    } finally {
      await server.close();
    }
  });

  test('a refused connection: a clear message, and the request is not sent again', async ({ inspector, page }) => {
    const url = await closedPort();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await useServerUrl(page, url);
    await inspector.paste(get404Paste(uniqueId('refused')));
    const dialog = await openReplay(inspector, page);
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText('No answer: the server looks down (or CORS blocks it). It may have reached the server.');
    await expect(dialog).toContainText('most likely down or the URL is wrong');
    await expect(dialog).toContainText('resonate dev');
    await page.waitForTimeout(500); // time enough for a retry, were there one
    expect(posts).toEqual([`${url}/`]);
  });
});

test.describe('replay faults from a server that allows CORS', () => {
  test('a hang past the timeout, a 500, a body that is not JSON and a legacy 410: each a clear answer, each sent once', async ({ inspector, page }) => {
    const server = await startServer((req, res) => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...cors, 'access-control-allow-methods': 'POST' });
        res.end();
        return;
      }
      if (req.url === '/hang') return; // never answers
      if (req.url === '/500') res.writeHead(500, { ...cors, 'content-type': 'text/plain' }).end('upstream exploded');
      else if (req.url === '/text') res.writeHead(200, { ...cors, 'content-type': 'text/plain' }).end('OK');
      else res.writeHead(410, { ...cors, 'content-type': 'application/json' }).end('{"error":"This endpoint is no longer supported. Please update to the latest SDK."}');
    });
    try {
      await inspector.paste(get404Paste(uniqueId('faults')));
      const cases = [
        { path: '/hang', status: 'No answer within 1 s. It may have reached the server.', text: 'the request was cancelled' },
        { path: '/500', status: 'HTTP 500 without an envelope. It may have reached the server.', text: 'upstream exploded' },
        { path: '/text', status: 'The answer is not JSON. It may have reached the server.', text: 'this is not the Resonate RPC endpoint' },
        { path: '/promises', status: 'A legacy REST path (410). Not applied.', text: 'Use the server root URL without a path' },
      ];
      for (const c of cases) {
        await page.getByRole('banner').getByRole('button', { name: /^Server:/ }).click();
        const settings = page.getByRole('dialog', { name: 'Replay settings' });
        await settings.getByRole('textbox', { name: 'Server URL' }).fill(`${server.url}${c.path}`);
        await settings.getByLabel('Timeout (seconds)').fill('1');
        await settings.getByRole('button', { name: 'Save' }).click();
        const dialog = await openReplay(inspector, page);
        await dialog.getByRole('button', { name: 'Send', exact: true }).click();
        await expect(dialog.getByRole('status')).toHaveText(c.status);
        await expect(dialog).toContainText(c.text);
        await page.keyboard.press('Escape');
        expect(server.hits.filter((h) => h === `POST ${c.path}`)).toHaveLength(1);
      }
    } finally {
      await server.close();
    }
  });
});

// Screenshots for a person to look at: `npm run screenshots`. They land in screenshots/.
test.describe('replay screenshots', { tag: '@screenshots' }, () => {

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${colorScheme}`, async ({ inspector, page }) => {
      mkdirSync('screenshots', { recursive: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ colorScheme });
      const shot = (name: string, target: Page | Locator = page) => target.screenshot({ path: `screenshots/replay-${name}-${colorScheme}.png` });
      const id = uniqueId('shot');
      await inspector.paste(get404Paste(id));

      await page.getByRole('banner').getByRole('button', { name: /^Server:/ }).click();
      const settings = page.getByRole('dialog', { name: 'Replay settings' });
      await expect(settings.getByText(/its messages differ/)).toBeVisible();
      await shot('settings');
      await settings.getByRole('button', { name: 'Cancel' }).click();

      const dialog = await openReplay(inspector, page);
      await shot('dialog');
      await dialog.getByLabel('Start from').selectOption('promise.create');
      await dialog.getByRole('button', { name: 'Load' }).click();
      await dialog.getByRole('button', { name: 'Send…' }).click();
      await expect(dialog.getByRole('region', { name: 'Confirm: this changes data on the server' })).toBeVisible();
      await shot('confirm');
      await dialog.getByRole('button', { name: 'Yes, send promise.create' }).click();
      await expect(dialog.getByRole('status')).toHaveText(/now: 200, pending/);
      await dialog.getByRole('heading', { name: /Answer/ }).scrollIntoViewIfNeeded();
      await shot('outcome');

      await dialog.getByLabel('Request (JSON)').fill('{"kind":"promise.create","head":{"corrId":"x","version":"2026-04-01"},"data":{}}');
      await shot('invalid');
      await page.keyboard.press('Escape');

      await inspector.findings.getByRole('button', { name: 'Check current state' }).click();
      const state = inspector.findings.getByRole('region', { name: /Current state/ });
      await expect(state.getByRole('status')).toHaveText(/200, pending/);
      await shot('state', inspector.findings);
      await shot('log', page.getByRole('region', { name: 'Replays this session' }));

      const closed = await closedPort();
      await useServerUrl(page, closed);
      const again = await openReplay(inspector, page);
      await again.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(again.getByRole('status')).toHaveText(/looks down/);
      await again.getByRole('heading', { name: /Answer/ }).scrollIntoViewIfNeeded();
      await shot('fault');
      await page.keyboard.press('Escape');
      await shot('page', page);

      await page.setViewportSize({ width: 360, height: 780 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot('phone-header');
      await openReplay(inspector, page);
      await shot('phone-dialog');
    });
  }
});
