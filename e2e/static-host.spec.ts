import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { ENVELOPE_404 } from './pastes';

// The built page (`npm run build`) on a static host, under a sub-path, as GitHub Pages serves a project site:
// plain files, nothing else (no /resonate endpoint).
const dist = resolve(import.meta.dirname, '..', process.env.OUT_DIR ?? 'dist');
const SUB_PATH = '/acme/resonate-inspector/';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

let server: Server;
let root = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(SUB_PATH)) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
      return;
    }
    const file = normalize(join(dist, path.slice(SUB_PATH.length) || 'index.html'));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SUB_PATH}`;
});

test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

test.describe('the built page on a static host, under a sub-path', () => {
  test('diagnoses a paste', async ({ page }) => {
    await page.goto(root);
    await page.getByLabel('Paste an error, envelope, trace or log').fill(ENVELOPE_404);
    const diagnosis = page.getByRole('region', { name: 'Diagnosis' });
    await expect(diagnosis.getByRole('heading', { name: 'Promise not found' })).toBeVisible();
  });

  test('code links land on their entries', async ({ page }) => {
    await page.goto(`${root}#/e/40400`);
    await expect(page.getByText('Catalog entry legacy.40400.promise-not-found')).toBeVisible();
    await page.goto(`${root}#/e/1102`);
    await page.getByRole('link', { name: 'Function already registered' }).click();
    await expect(page.getByText('Catalog entry ts.1102.function-already-registered', { exact: true })).toBeVisible();
    await page.goto(`${root}#/e/100.40400`);
    await expect(page.getByRole('list', { name: 'Entries with code 100.40400' })).toBeVisible();
  });

  test('replays go to a server URL the user types: there is no endpoint of the app', async ({ page }) => {
    await page.goto(root);
    const serverButton = page.getByRole('banner').getByRole('button', { name: /^Server:/ });
    await expect(serverButton).toHaveText('Server: localhost:8001');
    await serverButton.click();
    const dialog = page.getByRole('dialog', { name: 'Replay settings' });
    await expect(dialog.getByRole('radio', { name: /This app’s endpoint/ })).toBeDisabled();
    await expect(dialog.getByRole('radio', { name: /Another server/ })).toBeChecked();
    await dialog.getByLabel('Server URL').fill('http://127.0.0.1:8001');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(serverButton).toHaveText('Server: 127.0.0.1:8001');
  });
});
