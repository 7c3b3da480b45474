import catalog from '../public/catalog.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { ENVELOPE_404, ENVELOPE_SUCCESS, NOT_RESONATE, PYTHON_TRACEBACK, TS_STACK } from './pastes';

test.describe('the inspector page', () => {
  test('starts with an empty state whose examples fill the paste area, and Clear empties it', async ({ inspector, page }) => {
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(inspector.status).toHaveText('Nothing pasted yet.');
    await expect(inspector.diagnosis.getByRole('heading', { name: 'Try an example' })).toBeVisible();
    await expect(inspector.clearButton).toBeDisabled();

    const examples = [
      { name: 'Server envelope', text: /"status":409.*"Task version mismatch or invalid state"/ },
      { name: 'Python traceback', text: /ResonateStoreError: \[100\.40400\] The specified promise was not found/ },
      { name: 'TypeScript stack', text: /ResonateError: Function 'chargeCard' \(version 1\) is already registered/ },
    ];
    for (const example of examples) {
      await inspector.exampleButton(example.name).click();
      await expect(inspector.pasteArea).toHaveValue(example.text);
      await expect(inspector.exampleButton(example.name)).toBeHidden();
      await expect(inspector.status).not.toHaveText('Nothing pasted yet.');

      await inspector.clearButton.click();
      await expect(inspector.pasteArea).toHaveValue('');
      await expect(inspector.pasteArea).toBeFocused();
      await expect(inspector.status).toHaveText('Nothing pasted yet.');
      await expect(inspector.exampleButton(example.name)).toBeVisible();
    }
  });

  test('says plainly when a paste holds no Resonate error', async ({ inspector }) => {
    await inspector.paste('Deploy finished in 42s. All checks passed.');
    await expect(inspector.status).toHaveText('No Resonate error, envelope or trace found in this text');
    await expect(inspector.findings).toHaveCount(0);
  });

  test('diagnoses as you type, and Ctrl/Cmd+Enter breaks nothing', async ({ inspector }) => {
    await inspector.pasteArea.pressSequentially('hello');
    await expect(inspector.status).toHaveText('No Resonate error, envelope or trace found in this text');
    await inspector.pasteArea.press('ControlOrMeta+Enter');
    await expect(inspector.pasteArea).toHaveValue(/^hello/);
    await expect(inspector.pasteArea).toBeFocused();
    await expect(inspector.status).toHaveText('No Resonate error, envelope or trace found in this text');
  });

  test('takes a real clipboard paste', async ({ inspector, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((text) => navigator.clipboard.writeText(text), 'pasted from the clipboard');
    await inspector.pasteArea.focus();
    await page.keyboard.press('ControlOrMeta+V');
    await expect(inspector.pasteArea).toHaveValue('pasted from the clipboard');
  });

  test('reads a dropped file and a file chosen with "Open file…"', async ({ inspector, page }) => {
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'worker.log', { type: 'text/plain' }));
      return dt;
    }, PYTHON_TRACEBACK);
    await inspector.pasteArea.dispatchEvent('dragenter', { dataTransfer });
    await inspector.pasteArea.dispatchEvent('dragover', { dataTransfer });
    await inspector.pasteArea.dispatchEvent('drop', { dataTransfer });
    await expect(inspector.pasteArea).toHaveValue(PYTHON_TRACEBACK);
    await expect(page.getByText('Read worker.log.')).toBeVisible();

    await inspector.clearButton.click();
    const chooser = page.waitForEvent('filechooser');
    await inspector.openFileButton.click();
    await (await chooser).setFiles({ name: 'stack.txt', mimeType: 'text/plain', buffer: Buffer.from(TS_STACK) });
    await expect(inspector.pasteArea).toHaveValue(TS_STACK);
    await expect(page.getByText('Read stack.txt.')).toBeVisible();
  });

  test('a paste or an example while a file is being read wins: the file\'s text, when it comes, is dropped', async ({ inspector, page }) => {
    // A slow disk: a file's first bytes come 5 s late; the page counts the reads that end.
    await page.evaluate(() => {
      const w = window as unknown as { readsEnded: number };
      w.readsEnded = 0;
      const stream = Blob.prototype.stream;
      Blob.prototype.stream = function (this: Blob) {
        let first = true;
        return stream.call(this).pipeThrough(
          new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
            transform: async (chunk, out) => {
              if (first) await new Promise((r) => setTimeout(r, 5000));
              first = false;
              out.enqueue(chunk);
            },
            flush: () => {
              w.readsEnded++;
            },
          }),
        );
      };
    });
    const readsEnded = () => page.evaluate(() => (window as unknown as { readsEnded: number }).readsEnded);
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'big.log'));
      return dt;
    }, ENVELOPE_404);
    await inspector.pasteArea.dispatchEvent('drop', { dataTransfer });
    await expect(page.getByText('Reading big.log…')).toBeVisible();
    await inspector.pasteArea.fill(TS_STACK);
    await expect.poll(readsEnded, { timeout: 15_000 }).toBe(1);
    await expect(inspector.pasteArea).toHaveValue(TS_STACK);
    await expect(inspector.diagnosis.getByRole('heading', { name: 'Function already registered' })).toBeVisible();
    await expect(page.getByText('Read big.log.')).toBeHidden();

    // So does an example chosen while the file is read; the page then stops saying it is reading it.
    await inspector.clearButton.click();
    await inspector.pasteArea.dispatchEvent('drop', { dataTransfer });
    await expect(page.getByText('Reading big.log…')).toBeVisible();
    await inspector.exampleButton('Python traceback').click();
    await expect.poll(readsEnded, { timeout: 15_000 }).toBe(2);
    await expect(page.getByText('Reading big.log…')).toBeHidden();
    await expect(inspector.pasteArea).toHaveValue(/ResonateStoreError: \[100\.40400\]/);
  });

  test('refuses a binary file with a clear message', async ({ inspector, page }) => {
    const chooser = page.waitForEvent('filechooser');
    await inspector.openFileButton.click();
    await (await chooser).setFiles({ name: 'core.dump', mimeType: 'application/octet-stream', buffer: Buffer.from([0x7f, 0x45, 0, 0]) });
    await expect(page.getByText('core.dump looks like a binary file, not text.')).toBeVisible();
    await expect(inspector.pasteArea).toHaveValue('');
  });

  test('nothing pasted leaves the browser', async ({ inspector, page }) => {
    const requests: Array<{ method: string; url: string; body: string | null }> = [];
    page.on('request', (request) => requests.push({ method: request.method(), url: request.url(), body: request.postData() }));
    await inspector.paste(ENVELOPE_404);
    await inspector.paste(PYTHON_TRACEBACK);
    await expect(inspector.status).not.toHaveText('Nothing pasted yet.');
    // The page may read its own files (and which replay server it has); nothing pasted goes anywhere.
    const origin = new URL(page.url()).origin;
    for (const r of requests) {
      expect(r.method).toBe('GET');
      expect(new URL(r.url).origin).toBe(origin);
      expect(r.url).not.toMatch(/order-42|Promise|ResonateStoreError/);
      expect(r.body).toBeNull();
    }
  });

  test('keeps the paste across a visit to another page', async ({ inspector, page }) => {
    await inspector.paste('my paste');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Error catalog' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inspector' }).click();
    await expect(inspector.pasteArea).toHaveValue('my paste');
  });
});

test.describe('catalog entry pages', () => {
  test('#/e/<id> shows the entry, and links back to the inspector', async ({ page }) => {
    const entry = catalog.entries.find((e) => e.id === 'server.404.promise-not-found');
    if (!entry) throw new Error('the catalog lost server.404.promise-not-found');
    await page.goto('/#/e/server.404.promise-not-found');
    await expect(page.getByRole('heading', { level: 1, name: entry.title })).toBeVisible();
    await expect(page).toHaveTitle(`${entry.title} · Resonate Inspector`);
    const main = page.getByRole('main');
    await expect(main.getByText(entry.summary)).toBeVisible();
    await expect(main.getByRole('heading', { name: 'Is a retry safe?' })).toBeVisible();
    await expect(main.getByText('Not until you fix it').first()).toBeVisible();
    await expect(main.getByText(entry.retry.reason)).toBeVisible();
    await expect(main.getByRole('heading', { name: 'Next steps' })).toBeVisible();
    await expect(main.getByRole('listitem').filter({ hasText: entry.steps[0] ?? '' }).first()).toBeVisible();
    await expect(main.getByRole('link', { name: 'Documentation' })).toHaveAttribute('href', entry.docs ?? '');

    await main.getByRole('link', { name: 'Back to the inspector' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Decode a Resonate error' })).toBeVisible();
  });

  test('an unknown id says so and links to the catalog', async ({ page }) => {
    await page.goto('/#/e/no.such.entry');
    await expect(page.getByRole('heading', { level: 1, name: 'No catalog entry named no.such.entry' })).toBeVisible();
    await page.getByRole('link', { name: 'Browse the catalog' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Error catalog' })).toBeVisible();
    await page.getByRole('link', { name: 'Promise not found' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Promise not found' })).toBeVisible();
  });
});

// These read the decoder's verdicts through the page. They need the real decoder (src/core/decode).
test.describe('verdicts', () => {
  test('a server envelope: 404 on promise.get, fix before retrying', async ({ inspector, page }) => {
    await inspector.paste(ENVELOPE_404);
    await expect(inspector.findings).toHaveCount(1);
    const card = inspector.findings;
    await expect(card).toHaveAttribute('data-source', 'server');
    await expect(card).toHaveAttribute('data-code', '404');
    await expect(card).toHaveAttribute('data-retry', 'after-fix');
    await expect(inspector.status).toHaveText(/^1 finding/);
    await expect(card.getByRole('heading', { name: 'Promise not found' })).toBeVisible();
    await expect(card.getByRole('heading', { name: 'Is a retry safe?' })).toBeVisible();
    await expect(card.getByText('Not until you fix it')).toBeVisible();
    await expect(card.getByRole('definition').filter({ hasText: /^c1$/ })).toBeVisible();

    await card.getByRole('link', { name: 'Catalog entry: server.404.promise-not-found' }).click();
    await expect(page).toHaveURL(/#\/e\/server\.404\.promise-not-found$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Promise not found' })).toBeVisible();
  });

  test('a Python traceback: ResonateStoreError 100.40400', async ({ inspector }) => {
    await inspector.paste(PYTHON_TRACEBACK);
    await expect(inspector.findings).toHaveCount(1);
    const card = inspector.findings;
    await expect(card).toHaveAttribute('data-source', 'python-sdk');
    await expect(card).toHaveAttribute('data-code', '100.40400');
    await expect(card).toHaveAttribute('data-retry', 'after-fix');
    await expect(card.getByText('Not until you fix it')).toBeVisible();
  });

  test('a TypeScript stack: ResonateError 1102, function already registered', async ({ inspector }) => {
    await inspector.paste(TS_STACK);
    await expect(inspector.findings).toHaveCount(1);
    const card = inspector.findings;
    await expect(card).toHaveAttribute('data-source', 'ts-sdk');
    await expect(card).toHaveAttribute('data-code', '1102');
    await expect(card).toHaveAttribute('data-retry', 'after-fix');
    await expect(card.getByText('Not until you fix it')).toBeVisible();
  });

  test('a TypeError from application code is not a Resonate error', async ({ inspector }) => {
    await inspector.paste(NOT_RESONATE);
    await expect(inspector.findings).toHaveCount(1);
    const card = inspector.findings;
    await expect(card).toHaveAttribute('data-source', 'unknown');
    await expect(card).toHaveAttribute('data-code', '');
    await expect(card).toContainText('Not a Resonate error');
  });

  test('a message quoted in a sentence is diagnosed, and says it was only a fragment', async ({ inspector }) => {
    await inspector.paste('I keep getting "Promise not found" when I call resonate.get on an id I just created');
    await expect(inspector.findings).toHaveCount(1);
    const card = inspector.findings;
    await expect(card).toHaveAttribute('data-code', '404');
    await expect(card.getByRole('heading', { name: 'Promise not found' })).toBeVisible();
    await expect(card).toContainText('Read from a message quoted inside other text');
  });

  test('a Resonate code the catalog does not know says so, and links the nearest entries', async ({ inspector, page }) => {
    await inspector.paste('see https://docs.resonatehq.io/operate/errors#40903');
    const card = inspector.findings;
    await expect(card).toHaveAttribute('data-source', 'legacy-server');
    await expect(card).toContainText("A Resonate error the catalog doesn't know yet");
    await expect(card.getByRole('heading', { name: 'Nearest catalog entries' })).toBeVisible();
    await card.getByRole('link', { name: 'Promise already exists (legacy)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Promise already exists/ })).toBeVisible();
  });

  test('a success envelope is shown as not an error', async ({ inspector }) => {
    await inspector.paste(ENVELOPE_SUCCESS);
    await expect(inspector.findings).toHaveCount(1);
    const card = inspector.findings;
    await expect(card).toHaveAttribute('data-source', 'server');
    await expect(card).toHaveAttribute('data-retry', 'n/a');
    await expect(card).toContainText('Not an error');
    await expect(card.getByText('Nothing to retry — not an error')).toBeVisible();
  });

  test('an old release’s generic message is diagnosed by the line the SDK printed before it', async ({ inspector }) => {
    // @resonatehq/sdk 0.7.2: console.error('Request failed:', e) (src/network/remote.ts:269), then the read's generic error.
    await inspector.paste(
      [
        'Request failed: TypeError: fetch failed',
        '/home/dev/orders-app/node_modules/@resonatehq/sdk/dist/src/resonate.js:265',
        "                    reject(new Error(`Promise '${req.id}' not found`));",
        '                           ^',
        '',
        "Error: Promise 'order-42' not found",
        '    at /home/dev/orders-app/node_modules/@resonatehq/sdk/dist/src/resonate.js:265:28',
        '',
        'Node.js v20.20.2',
      ].join('\n'),
    );
    const card = inspector.findings.filter({ hasText: 'really an unreachable server' });
    await expect(card).toHaveCount(1);
    await expect(card).toHaveAttribute('data-retry', 'with-backoff');
    await expect(card).toContainText('The SDK printed Request failed: TypeError: fetch failed just before this error');
  });
});
