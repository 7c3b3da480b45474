import { expect, test } from './fixtures';
import { ENVELOPE_404 } from './pastes';

test.describe('the catalog is loaded beside the code', () => {
  test('a paste made before the catalog arrives waits, visibly, and is diagnosed when it does', async ({ page }) => {
    let release: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/catalog.json', async (route) => {
      await arrived;
      await route.continue();
    });
    await page.goto('/');
    const pasteArea = page.getByLabel('Paste an error, envelope, trace or log');
    await pasteArea.fill(ENVELOPE_404);
    const diagnosis = page.getByRole('region', { name: 'Diagnosis' });
    await expect(diagnosis.getByRole('status').first()).toHaveText('Loading the catalog; your paste is diagnosed as soon as it arrives.');
    release();
    await expect(page.getByTestId('finding')).toHaveCount(1);
    await expect(page.getByTestId('finding')).toHaveAttribute('data-code', '404');
  });

  test('a catalog that cannot be fetched says so, and Try again recovers', async ({ page }) => {
    await page.route('**/catalog.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The error catalog could not be loaded');
    await expect(alert).toContainText('answered 503');
    await page.unroute('**/catalog.json');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Decode a Resonate error' })).toBeVisible();
  });
});

test.describe('offline after the first visit', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the page and its catalog come from the service worker when the network is gone', async ({ page, context }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Decode a Resonate error' })).toBeVisible();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // A second load goes through the worker, which keeps what it fetches.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Decode a Resonate error' })).toBeVisible();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await page.getByLabel('Paste an error, envelope, trace or log').fill(ENVELOPE_404);
    await expect(page.getByTestId('finding')).toHaveCount(1);
    // Parts the first visit never loaded (the catalog browser is loaded when first shown) were kept at install.
    await page.getByRole('link', { name: 'Catalog', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: /catalog/i })).toBeVisible();
  });
});
