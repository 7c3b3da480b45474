import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// Links that name a code as users see it (the TS SDK's rn8.io/e/<code> can point at #/e/<code>) land on the entry.
test.describe('links to a code', () => {
  test('#/e/40400 opens the one entry of that code', async ({ page }) => {
    await page.goto('/#/e/40400');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Promise not found (legacy)');
    await expect(page.getByText('Catalog entry legacy.40400.promise-not-found')).toBeVisible();
    await expect(page).toHaveTitle('Promise not found (legacy) · Resonate Inspector');
  });

  test('#/e/1102 offers the entries that share the code, and each lands on its page', async ({ page }) => {
    await page.goto('/#/e/1102');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Code 1102: 2 catalog entries');
    const list = page.getByRole('list', { name: 'Entries with code 1102' });
    // The values an error fills in are shown as variables, not as raw template text.
    await expect(list).not.toContainText('{func}');
    await expect(list.locator('var', { hasText: 'func' }).first()).toBeVisible();
    const choices = list.getByRole('link');
    await expect(choices).toHaveText(['Function already registered', 'Same function object already registered under another name']);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    }
    await choices.first().click();
    await expect(page).toHaveURL(/#\/e\/ts\.1102\.function-already-registered$/);
    await expect(page.getByText('Catalog entry ts.1102.function-already-registered', { exact: true })).toBeVisible();
  });

  test('#/e/100.40400 offers the Python SDK entries of that code', async ({ page }) => {
    await page.goto('/#/e/100.40400');
    const choices = page.getByRole('list', { name: 'Entries with code 100.40400' }).getByRole('link');
    await expect(choices.first()).toBeVisible();
    await expect(choices).toHaveText(['Promise not found', 'Schedule already exists (local store, mislabelled 40400)']);
    await choices.first().click();
    await expect(page.getByText('Catalog entry py.100-40400.promise-not-found', { exact: true })).toBeVisible();
  });

  test('a docs link in the hash opens its entry too; an unknown code says so', async ({ page }) => {
    await page.goto('/#/e/https://rn8.io/e/40400');
    await expect(page.getByText('Catalog entry legacy.40400.promise-not-found')).toBeVisible();
    await page.goto('/#/e/99999');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No catalog entry named 99999');
  });
});
