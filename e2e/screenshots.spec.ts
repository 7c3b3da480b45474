import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { ENVELOPE_404, ENVELOPE_SUCCESS, NOT_RESONATE, PYTHON_TRACEBACK, TS_STACK, VERSION_MISMATCH } from './pastes';

// Screenshots for a person to look at (not assertions): `npm run screenshots`.
// They land in screenshots/ (git-ignored).

const dir = 'screenshots';
const schemes = ['light', 'dark'] as const;
const sizes = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 360, height: 780 },
] as const;

for (const colorScheme of schemes) {
  for (const size of sizes) {
    test(`${colorScheme} ${size.name}`, { tag: '@screenshots' }, async ({ inspector, page }) => {
      mkdirSync(dir, { recursive: true });
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme });
      const shot = (name: string) =>
        page.screenshot({ path: `${dir}/${name}-${colorScheme}-${size.name}.png`, fullPage: true });

      await shot('empty');
      await page.keyboard.press('Tab'); // keyboard focus: the ring must show
      await inspector.exampleButton('Python traceback').focus();
      await page.screenshot({ path: `${dir}/focus-${colorScheme}-${size.name}.png` });

      await inspector.paste([ENVELOPE_404, PYTHON_TRACEBACK, TS_STACK, NOT_RESONATE].join('\n\n'));
      await expect(inspector.status).not.toHaveText('Nothing pasted yet.');
      await shot('findings');
      await page.screenshot({ path: `${dir}/findings-top-${colorScheme}-${size.name}.png` });
      for (const [i, card] of (await inspector.findings.all()).entries()) {
        await card.screenshot({ path: `${dir}/card-${i + 1}-${colorScheme}-${size.name}.png` });
      }

      await inspector.paste([VERSION_MISMATCH, ENVELOPE_404, ENVELOPE_404, ENVELOPE_404, ENVELOPE_SUCCESS].join('\n\n'));
      await expect(inspector.status).not.toHaveText('Nothing pasted yet.');
      for (const [i, card] of (await inspector.findings.all()).entries()) {
        await card.screenshot({ path: `${dir}/more-card-${i + 1}-${colorScheme}-${size.name}.png` });
      }

      await inspector.paste('Deploy finished in 42s. All checks passed.');
      await expect(inspector.status).toHaveText('No Resonate error, envelope or trace found in this text');
      await shot('nothing-found');

      await page.goto('/#/e/server.404.promise-not-found');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shot('entry');

      await page.goto('/#/catalog');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shot('catalog');

      await page.goto('/#/e/no.such.entry');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shot('entry-unknown');
    });
  }
}
