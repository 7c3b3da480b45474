import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ENVELOPE_404, ENVELOPE_SUCCESS, NOT_RESONATE, PYTHON_TRACEBACK, TS_STACK, VERSION_MISMATCH } from './pastes';
import { MB, plain, expectedGroups, mixedLog } from './triage-helpers';

/** Every axe rule (WCAG A/AA and best practices); a violation is listed with the elements it names. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    test('the empty inspector, and its keyboard-shortcuts help', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Decode a Resonate error' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.getByRole('contentinfo').getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('the inspector with findings and their summary', async ({ inspector, page }) => {
      await inspector.paste([VERSION_MISMATCH, ENVELOPE_404, ENVELOPE_404, PYTHON_TRACEBACK, TS_STACK, NOT_RESONATE, ENVELOPE_SUCCESS].join('\n\n'));
      await expect(inspector.findings.first()).toBeVisible();
      await expect(inspector.diagnosis.getByTestId('group-row').first()).toBeVisible();
      await inspector.findings.first().getByText('The pasted text').click();
      expect(await violations(page)).toEqual([]);
    });

    test('the triage summary of a long log: filters, a group, an occurrence in the original text, a share link', async ({ inspector, page }) => {
      test.setTimeout(90_000);
      const text = mixedLog(1.5 * MB, 3);
      const groups = expectedGroups(text);
      await inspector.pasteViaClipboard(text);
      await expect(inspector.diagnosis.getByTestId('group-row')).toHaveCount(groups.length, { timeout: 60_000 });
      await expect(inspector.status).toHaveText(/read in/);
      expect(await violations(page)).toEqual([]);

      await inspector.diagnosis.getByRole('group', { name: 'Retry verdict' }).getByRole('checkbox').first().check();
      const target = groups.find((g) => g.instances.length >= 2 && groups.filter((x) => x.title === g.title).length === 1);
      if (!target) throw new Error('no group with two occurrences');
      await inspector.diagnosis.getByRole('button', { name: 'Show all groups' }).click();
      await inspector.diagnosis.getByRole('button', { name: plain(target.title), exact: true }).click();
      const detail = inspector.diagnosis.getByRole('region', { name: plain(target.title) });
      await detail.getByRole('list', { name: 'Occurrences' }).getByRole('button').first().click();
      await expect(detail.getByRole('region', { name: 'Original text' })).toBeVisible();
      await inspector.diagnosis.getByRole('button', { name: 'Copy link' }).click();
      await expect(inspector.diagnosis.getByText(/too large for a link/)).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('a share link page', async ({ inspector, page }) => {
      await inspector.paste(mixedLog(30_000, 7));
      await expect(inspector.diagnosis.getByTestId('group-row').first()).toBeVisible();
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await inspector.diagnosis.getByRole('button', { name: 'Copy link' }).click();
      const url = await inspector.diagnosis.getByRole('textbox', { name: 'Share link' }).inputValue();
      expect(await violations(page)).toEqual([]);
      await page.goto('about:blank');
      await page.goto(url);
      await expect(page.getByRole('complementary', { name: 'Shared paste' })).toBeVisible();
      await expect(page.getByTestId('finding').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('an entry page', async ({ page }) => {
      await page.goto('/#/e/server.404.promise-not-found');
      await expect(page.getByRole('heading', { level: 1, name: 'Promise not found' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.goto('/#/e/ts.1102.function-already-registered');
      await expect(page.getByRole('heading', { level: 1, name: 'Function already registered' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('the catalog browser, whole and searched', async ({ page }) => {
      // Two axe passes over every catalog entry: 12 s alone on two cores, past the 30 s default beside the other tests.
      test.slow();
      await page.goto('/#/catalog');
      await expect(page.getByRole('heading', { level: 1, name: 'Error catalog' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('1102');
      await expect(page.getByText(/entries match/)).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}
