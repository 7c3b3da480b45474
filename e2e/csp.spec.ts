import { createServer, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { mixedLog } from './triage-helpers';

// The page that holds pasted tokens has a second line of defence: a strict CSP on every page, as a header
// and, for static hosting, as a <meta> in index.html. The app does all it does under it without a single
// violation (workers, styles, clipboard, replay to a typed URL), and an injected inline script does not run.
// (eval is refused too, but Playwright's own evaluate is exempt from the page's policy, so it is not tested here.)

type Violations = { violations: Array<{ directive: string; blocked: string }> };

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as Violations;
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  });
});
const violations = (page: Page) => page.evaluate(() => (window as unknown as Violations).violations);

test('every page the app serves carries the CSP and the other headers; the built index.html carries it as a meta', async ({ request }) => {
  for (const path of ['/', '/index.html', '/no/such/page', '/catalog.json', '/resonate/info']) {
    const res = await request.get(path);
    const headers = res.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toContain("script-src 'self';");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("base-uri 'none'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("connect-src 'self' http: https:;");
    expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval|nonce-/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
  }
  const html = await (await request.get('/')).text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replaceAll('&#39;', "'");
  const header = (await request.get('/')).headers()['content-security-policy'];
  expect(meta).toBe(header?.replace("; frame-ancestors 'none'", ''));
  expect(html).toContain('<meta name="referrer" content="no-referrer">');
});

test('the app works under the policy, with no violation: examples, a worker decode, copy, the catalog, replay to a typed URL', async ({ inspector, page }) => {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method ?? ''} ${req.url ?? ''}`);
    req.resume();
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    res.writeHead(404, { ...cors, 'content-type': 'application/json' });
    res.end('{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await inspector.exampleButton('Python traceback').click();
    await expect(inspector.findings.first()).toBeVisible();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await inspector.findings.first().getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('ResonateStoreError');

    // A long paste is decoded in the worker.
    await inspector.clearButton.click();
    await inspector.pasteViaClipboard(mixedLog(300_000, 5));
    await expect(inspector.status).toHaveText(/findings in .* groups .*read in/, { timeout: 30_000 });

    // Replay to a URL typed in the settings.
    await inspector.clearButton.click();
    await page.getByRole('banner').getByRole('button', { name: /^Server:/ }).click();
    const settings = page.getByRole('dialog', { name: 'Replay settings' });
    await settings.getByRole('textbox', { name: 'Server URL' }).fill(url);
    await settings.getByRole('button', { name: 'Save' }).click();
    await inspector.paste(
      [
        'request:  {"kind":"promise.get","head":{"corrId":"c1","version":"2026-04-01"},"data":{"id":"order-42"}}',
        'response: {"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}',
      ].join('\n'),
    );
    await inspector.findings.getByRole('button', { name: 'Replay' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replay a request' });
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText('Answer: then: 404 Promise not found → now: 404 Promise not found (unchanged).');
    expect(hits).toContain('POST /');
    await page.keyboard.press('Escape');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Error catalog' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  } finally {
    server.close();
    server.closeAllConnections();
  }
});

test('an injected inline script and an inline event handler are refused', async ({ inspector, page }) => {
  await expect(inspector.pasteArea).toBeVisible();
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { injected?: string };
    const s = document.createElement('script');
    s.textContent = "window.injected = 'script'";
    document.body.append(s);
    const img = document.createElement('div');
    img.innerHTML = '<img src="data:," onerror="window.injected = \'handler\'">';
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 200));
    return w.injected ?? null;
  });
  expect(ran).toBeNull();
  const directives = (await violations(page)).map((v) => v.directive);
  expect(directives).toContain('script-src-elem');
  expect(directives).toContain('script-src-attr');
});
