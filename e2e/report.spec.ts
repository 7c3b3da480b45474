import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ENVELOPE_SUCCESS, NOT_RESONATE, TS_STACK } from './pastes';

// Reports in the real page: GitHub URLs are checked, never opened (window.open is replaced by a recorder),
// and copies are read back from the clipboard. The pastes carry planted secrets that must never come out.

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZUBleGFtcGxlLmNvbSIsInByZWZpeCI6ImJpbGxpbmcifQ.u7Rk2PqW9xZ3vN5bT8sL1mC4hJ6gF0dYxQ2';
const BEARER = 'tok_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
/** base64 of {"card":"4242 4242 4242 4242","name":"Alice Secret"}: a promise payload, user data. */
const PAYLOAD = 'eyJjYXJkIjoiNDI0MiA0MjQyIDQyNDIgNDI0MiIsIm5hbWUiOiJBbGljZSBTZWNyZXQifQ==';

/** What must not come out of a redacted report: the token, the JWT's claims and signature. */
const SECRETS = [JWT, ...JWT.split('.').slice(1), BEARER];
/** The payload, which comes out only on purpose. */
const PAYLOAD_PARTS = [PAYLOAD, PAYLOAD.replace(/=+$/, ''), '4242 4242', 'Alice Secret'];

/** An HTTP dump a user pastes: a bearer header, then the request (a JWT in head.auth, a payload) and the 403 answer. */
const SECRET_ENVELOPE = [
  'POST / HTTP/1.1',
  'Host: resonate.internal:8001',
  `Authorization: Bearer ${BEARER}`,
  `request:  {"kind":"promise.create","head":{"corrId":"c7","version":"2026-04-01","auth":"${JWT}"},"data":{"id":"order-42","timeoutAt":1767225600000,"param":{"headers":{},"data":"${PAYLOAD}"},"tags":{}}}`,
  'response: {"kind":"promise.create","head":{"corrId":"c7","status":403,"version":"2026-04-01"},"data":"Forbidden: prefix not allowed"}',
].join('\n');

const TS_WITH_TOKEN = `Authorization: Bearer ${BEARER}\n${TS_STACK}`;

/** The TS stack with 150 more frames of the application's own: too long for a GitHub link. */
function longTrace(): string {
  const lines = TS_WITH_TOKEN.split('\n');
  const at = lines.findIndex((l) => l.includes('register_duplicate.mjs:11:10'));
  const frames = Array.from(
    { length: 150 },
    (_, i) => `    at step${i} (file:///home/dev/orders-app/src/workflows/very/deep/module-${i}/handlers/charge-card-step.mjs:${i + 10}:7)`,
  );
  return [...lines.slice(0, at), ...frames, ...lines.slice(at)].join('\n');
}

type Opened = { url: string; pageSaid: string };

/** Replaces window.open with a recorder (in every page loaded from now on): the URL, and what the page said at that moment. */
async function recordWindowOpen(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const opened: Array<{ url: string; pageSaid: string }> = [];
    Object.assign(window, { __opened: opened });
    window.open = (url?: string | URL) => {
      opened.push({ url: String(url), pageSaid: document.body.innerText });
      return null;
    };
  });
}

const openedUrls = (page: Page): Promise<Opened[]> => page.evaluate(() => (window as unknown as { __opened: Opened[] }).__opened);
const clipboard = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());

function expectNone(text: string, secrets: readonly string[]): void {
  for (const s of secrets) expect(text, `leaked: ${s}`).not.toContain(s);
}

/** A new-issue URL: on github.com, within budget, no parameter that needs triage rights, no secret anywhere. */
function checkIssueUrl(raw: string, repo: string, template: string): URLSearchParams {
  const url = new URL(raw);
  expect(url.host).toBe('github.com');
  expect(url.pathname).toBe(`/${repo}/issues/new`);
  expect(raw.length).toBeLessThanOrEqual(6000);
  const params = url.searchParams;
  expect(params.get('template')).toBe(template);
  for (const p of ['labels', 'assignees', 'milestone', 'projects']) expect(params.has(p), p).toBe(false);
  expectNone(raw, SECRETS);
  expectNone(decodeURIComponent(raw), SECRETS);
  for (const value of params.values()) expectNone(value, SECRETS);
  return params;
}

async function openGithubDialog(card: Locator, page: Page): Promise<Locator> {
  await card.getByRole('button', { name: 'Report on GitHub' }).click();
  const dialog = page.getByRole('dialog', { name: 'Report on GitHub' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.beforeEach(async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await recordWindowOpen(page);
});

test.describe('reports', () => {
  test('a server envelope with planted secrets: the GitHub report, payloads on purpose, Discord and Markdown', async ({ inspector, page }) => {
    await inspector.paste(SECRET_ENVELOPE);
    await expect(inspector.findings).toHaveCount(1);
    const card = inspector.findings;
    const title = (await card.getByRole('heading', { level: 3 }).textContent()) ?? '';
    expect(title).not.toBe('');
    const actions = card.getByRole('group', { name: `Report: ${title}` });
    await expect(actions.getByRole('button')).toHaveText(['Report on GitHub', 'Copy for Discord', 'Copy as Markdown']);

    // GitHub: the dialog says where the report goes and what it hid, before anything opens.
    const dialog = await openGithubDialog(card, page);
    await expect(dialog.getByRole('heading', { name: 'Report on GitHub' })).toBeFocused();
    await expect(dialog.getByRole('definition').filter({ hasText: /^resonatehq\/resonate$/ })).toBeVisible();
    await expect(dialog).toContainText("report-bug.yml — the organisation's bug form");
    const redacted = dialog.getByRole('list', { name: 'What was redacted' });
    await expect(redacted.getByRole('listitem')).toHaveText(['1 JWT → replaced with <redacted JWT>', '1 payload → replaced with <payload: 52 bytes>']);
    const search = new URL((await dialog.getByRole('link', { name: 'Search existing issues' }).getAttribute('href')) ?? '');
    expect(search.host).toBe('github.com');
    expect(search.pathname).toBe('/resonatehq/resonate/issues');
    const preview = dialog.getByRole('group').filter({ hasText: 'Preview: the issue the link fills in' });
    await expect(preview).toContainText('"auth":"<redacted JWT>"');
    expectNone((await dialog.textContent()) ?? '', [...SECRETS, ...PAYLOAD_PARTS]);

    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await dialog.getByRole('button', { name: 'Open GitHub issue' }).click();
    await expect(dialog.getByRole('status')).toHaveText('GitHub opened in a new tab: read the issue over, then submit it there.');
    const [first] = await openedUrls(page);
    const params = checkIssueUrl(first?.url ?? '', 'resonatehq/resonate', 'report-bug.yml');
    expect(params.get('title')).toContain('403');
    expect(params.get('summary')).toContain(`**Diagnosis** (Resonate server): **${title}**`);
    expect(params.get('reproducer')).toContain('<payload: 52 bytes>');
    expectNone(first?.url ?? '', PAYLOAD_PARTS);
    expectNone(decodeURIComponent(first?.url ?? ''), PAYLOAD_PARTS);

    // Payloads, on purpose: they come back (and only they: the token and the JWT stay out).
    await dialog.getByRole('checkbox', { name: 'Include promise payloads' }).check();
    await expect(redacted.getByRole('listitem')).toHaveText(['1 JWT → replaced with <redacted JWT>']);
    await expect(preview).toContainText(PAYLOAD);
    await dialog.getByRole('button', { name: 'Open GitHub issue' }).click();
    const second = (await openedUrls(page))[1]?.url ?? '';
    expect(checkIssueUrl(second, 'resonatehq/resonate', 'report-bug.yml').get('reproducer')).toContain(PAYLOAD);

    // Escape closes the dialog; focus goes back to its button.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(card.getByRole('button', { name: 'Report on GitHub' })).toBeFocused();

    // Discord: one message within 2,000 characters, redacted; the card says how long and what it hid.
    await actions.getByRole('button', { name: 'Copy for Discord' }).click();
    const status = actions.getByText(/^Copied/); // the group's live region
    await expect(status).toHaveText(/^Copied — [\d,]+ \/ 2,000 characters; 1 JWT and 1 payload redacted\.$/);
    const discord = await clipboard(page);
    expect(discord.length).toBeLessThanOrEqual(2000);
    expect(await status.textContent()).toContain(`Copied — ${discord.length.toLocaleString('en-US')} / 2,000`);
    expect(discord).toContain('"auth":"<redacted JWT>"');
    expectNone(discord, [...SECRETS, ...PAYLOAD_PARTS]);
    await expect(card.getByRole('list', { name: 'Redacted from the Discord message:' }).getByRole('listitem')).toHaveText([
      '1 JWT → replaced with <redacted JWT>',
      '1 payload → replaced with <payload: 52 bytes>',
    ]);

    // Markdown: the whole report, redacted (the request shows twice: as pasted, and in the replay command).
    await actions.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect(status).toHaveText(/^Copied the Markdown report — [\d,]+ characters; 2 JWTs and 2 payloads redacted\.$/);
    const markdown = await clipboard(page);
    expect(markdown).toContain(title);
    expect(markdown).toContain('<payload: 52 bytes>');
    expectNone(markdown, [...SECRETS, ...PAYLOAD_PARTS]);
    await card.getByRole('button', { name: 'Hide the Markdown report' }).click();
    await expect(status).toBeHidden();
    await expect(actions.getByRole('button', { name: 'Copy as Markdown' })).toBeFocused();
  });

  test('a TypeScript stack goes to resonate-sdk-ts with its own template; a long one is copied whole, and the page says so first', async ({ inspector, page }) => {
    await inspector.paste(TS_WITH_TOKEN);
    await expect(inspector.findings).toHaveCount(1);
    let dialog = await openGithubDialog(inspector.findings, page);
    await expect(dialog).toContainText("bug_report.md — the repository's bug template");
    await expect(dialog.getByText('Too long for a link.')).toBeHidden();
    await dialog.getByRole('button', { name: 'Open GitHub issue' }).click();
    const [short] = await openedUrls(page);
    const params = checkIssueUrl(short?.url ?? '', 'resonatehq/resonate-sdk-ts', 'bug_report.md');
    const body = params.get('body') ?? '';
    for (const heading of ['## Expected Behavior', '## Actual Behavior', '## To Reproduce', '## Specifications', '## Additional context']) {
      expect(body).toContain(heading);
    }
    expect(body).toContain('**Diagnosis** (TypeScript SDK)');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();

    await inspector.paste(longTrace());
    await expect(inspector.findings).toHaveCount(1);
    dialog = await openGithubDialog(inspector.findings, page);
    // Before anything opens, the dialog says the link is shortened and the full report goes to the clipboard.
    await expect(dialog.getByText('Too long for a link.')).toBeVisible();
    await expect(dialog).toContainText('the full report is copied to your clipboard first');
    await dialog.getByRole('button', { name: 'Open GitHub issue' }).click();
    await expect(dialog.getByRole('status')).toHaveText(
      'The report was too long for a link: the full report is on your clipboard — paste it into the issue. GitHub opened in a new tab.',
    );
    const long = (await openedUrls(page))[1];
    expect(long?.pageSaid).toContain('the full report is on your clipboard — paste it into the issue');
    const longParams = checkIssueUrl(long?.url ?? '', 'resonatehq/resonate-sdk-ts', 'bug_report.md');
    expect(longParams.get('body')).toContain('[… trimmed: full report copied to clipboard]');
    const full = await clipboard(page);
    expect(full).toContain('## Expected Behavior');
    expect(full).toContain('at step149 (');
    expectNone(full, SECRETS);

    // Discord cuts the trace to fit, and says so.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await inspector.findings.getByRole('button', { name: 'Copy for Discord' }).click();
    await expect(inspector.findings.getByText(/^Copied — [\d,]+ \/ 2,000 characters/)).toBeVisible();
    expect((await clipboard(page)).length).toBeLessThanOrEqual(2000);
    await expect(inspector.findings).toContainText("The input was cut to fit Discord's 2,000 characters");
  });

  test('not Resonate, and not an error: copies work, GitHub says so honestly; Copy all as Markdown', async ({ inspector, page }) => {
    await inspector.paste(`${NOT_RESONATE}\n\n${ENVELOPE_SUCCESS}`);
    await expect(inspector.findings).toHaveCount(2);
    const [unknown, success] = [inspector.findings.filter({ hasText: 'TypeError' }), inspector.findings.filter({ hasText: 'task.suspend' })];

    let dialog = await openGithubDialog(unknown, page);
    await expect(dialog).toContainText('This is probably not a Resonate bug');
    await page.keyboard.press('Escape');
    dialog = await openGithubDialog(success, page);
    await expect(dialog).toContainText('This is not an error: the call succeeded.');
    await page.keyboard.press('Escape');

    await success.getByRole('button', { name: 'Copy for Discord' }).click();
    await expect(success.getByText(/^Copied — [\d,]+ \/ 2,000 characters; nothing needed redacting\.$/)).toBeVisible();

    await inspector.diagnosis.getByRole('button', { name: 'Copy all as Markdown' }).click();
    await expect(inspector.diagnosis.getByText(/^Copied the Markdown report of all 2 findings — [\d,]+ characters; nothing needed redacting\.$/)).toBeVisible();
    const all = await clipboard(page);
    expect(all).toContain('TypeError');
    expect(all).toContain('task.suspend');
  });
});

// Screenshots for a person to look at: `npm run screenshots`. They land in screenshots/.
test.describe('report screenshots', { tag: '@screenshots' }, () => {

  for (const colorScheme of ['light', 'dark'] as const) {
    test(colorScheme, async ({ inspector, page }) => {
      mkdirSync('screenshots', { recursive: true });
      await page.emulateMedia({ colorScheme });
      const shot = (name: string, target: Page | Locator = page) => target.screenshot({ path: `screenshots/report-${name}-${colorScheme}.png` });

      await inspector.paste(SECRET_ENVELOPE);
      await expect(inspector.findings).toHaveCount(1);
      const card = inspector.findings;
      await card.getByRole('button', { name: 'Copy for Discord' }).click();
      await expect(card.getByText(/^Copied/)).toBeVisible();
      await shot('discord-copied', card);

      const dialog = await openGithubDialog(card, page);
      await shot('github-dialog');
      await shot('github-redactions', dialog.getByRole('list', { name: 'What was redacted' }));
      await dialog.getByRole('checkbox', { name: 'Include promise payloads' }).check();
      await shot('github-dialog-payloads');
      await page.keyboard.press('Escape');

      await inspector.paste(longTrace());
      await expect(inspector.findings).toHaveCount(1);
      const long = await openGithubDialog(inspector.findings, page);
      await long.getByRole('button', { name: 'Open GitHub issue' }).click();
      await expect(long.getByRole('status')).not.toBeEmpty();
      await shot('github-too-long');
      await page.keyboard.press('Escape');

      await inspector.paste(`${NOT_RESONATE}\n\n${SECRET_ENVELOPE}`);
      await expect(inspector.findings).toHaveCount(2);
      await inspector.diagnosis.getByRole('button', { name: 'Copy all as Markdown' }).click();
      await shot('copy-all', inspector.diagnosis);

      await page.setViewportSize({ width: 360, height: 780 });
      await openGithubDialog(inspector.findings.filter({ hasText: 'Forbidden' }), page);
      await shot('github-dialog-phone');
    });
  }
});
