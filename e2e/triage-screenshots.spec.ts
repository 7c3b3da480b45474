import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { MB, plain, expectedGroups, mixedLog } from './triage-helpers';

// Screenshots of the triage screens for a person to look at (not assertions):
// `npm run screenshots`. They land in screenshots/ (git-ignored).

const dir = 'screenshots';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`triage ${colorScheme}`, { tag: '@screenshots' }, async ({ inspector, page }) => {
    test.setTimeout(120_000);
    mkdirSync(dir, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme });
    const shot = (name: string, fullPage = false) => page.screenshot({ path: `${dir}/triage-${name}-${colorScheme}.png`, fullPage });

    const text = mixedLog(4 * MB, 11);
    const groups = expectedGroups(text);
    await inspector.pasteViaClipboard(text);
    await expect(inspector.diagnosis.getByRole('progressbar')).toBeVisible();
    await shot('progress');
    await expect(inspector.status).toHaveText(/read in/, { timeout: 60_000 });
    await shot('summary');
    await shot('summary-full', true);

    await inspector.diagnosis.getByRole('group', { name: 'Source' }).getByRole('checkbox', { name: /^Python SDK/ }).check();
    await inspector.diagnosis.getByRole('group', { name: 'Retry verdict' }).getByRole('checkbox', { name: /^Fix first/ }).check();
    await inspector.diagnosis.getByRole('searchbox', { name: 'Filter groups' }).fill('promise');
    await inspector.diagnosis.getByText(/groups match\./).scrollIntoViewIfNeeded();
    await shot('filters');
    await inspector.diagnosis.getByRole('button', { name: 'Show all groups' }).click();

    const target = groups.find((g) => g.entry !== null && g.instances.length >= 3 && groups.filter((x) => x.title === g.title).length === 1);
    if (!target) throw new Error('no group to open');
    await inspector.diagnosis.getByRole('button', { name: plain(target.title), exact: true }).click();
    const detail = inspector.diagnosis.getByRole('region', { name: plain(target.title) });
    await detail.getByRole('list', { name: 'Occurrences' }).getByRole('button').nth(2).click();
    const viewer = detail.getByRole('region', { name: 'Original text' });
    await viewer.scrollIntoViewIfNeeded();
    await shot('instance');
    await viewer.screenshot({ path: `${dir}/triage-viewer-${colorScheme}.png` });

    await inspector.diagnosis.getByRole('button', { name: 'Copy link' }).click();
    await expect(inspector.diagnosis.getByText(/too large for a link/)).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('share-too-large');

    await inspector.clearButton.click();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await inspector.paste(mixedLog(30_000, 7));
    await expect(inspector.diagnosis.getByTestId('group-row').first()).toBeVisible();
    await inspector.diagnosis.getByRole('button', { name: 'Copy link' }).click();
    const url = await inspector.diagnosis.getByRole('textbox', { name: 'Share link' }).inputValue();
    await shot('share-copied');
    await page.goto('about:blank');
    await page.goto(url);
    await expect(page.getByTestId('finding').first()).toBeVisible();
    await shot('share-opened');

    await page.goto('/#/catalog');
    await expect(page.getByRole('heading', { level: 1, name: 'Error catalog' })).toBeVisible();
    await shot('catalog');
    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('1102');
    await expect(page.getByText(/entries match/)).toBeVisible();
    await shot('catalog-1102');
    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('not found');
    await shot('catalog-words');

    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot('shortcuts');
  });
}

test('triage phone light', async ({ inspector, page }) => {
  test.setTimeout(90_000);
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 360, height: 780 });
  const text = mixedLog(1.5 * MB, 3);
  await inspector.pasteViaClipboard(text);
  await expect(inspector.status).toHaveText(/read in/, { timeout: 60_000 });
  await page.screenshot({ path: `${dir}/triage-phone.png`, fullPage: false });
  await inspector.diagnosis.getByRole('table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/triage-phone-table.png` });
});
