import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** The inspector page, located the way a user finds things: by role and label. */
export class Inspector {
  readonly page: Page;
  readonly pasteArea: Locator;
  readonly diagnosis: Locator;
  /** The live summary of the diagnosis ("1 finding: …"). */
  readonly status: Locator;
  /** Finding cards: `data-testid="finding"` is the deliberate test contract. */
  readonly findings: Locator;
  readonly clearButton: Locator;
  readonly openFileButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.pasteArea = page.getByLabel('Paste an error, envelope, trace or log');
    this.diagnosis = page.getByRole('region', { name: 'Diagnosis' });
    // The live summary is the region's first status; the cards' actions (reports) have statuses of their own below it.
    this.status = this.diagnosis.getByRole('status').first();
    this.findings = page.getByTestId('finding');
    this.clearButton = page.getByRole('button', { name: 'Clear' });
    this.openFileButton = page.getByRole('button', { name: 'Open file…' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Decode a Resonate error' })).toBeVisible();
  }

  /** Puts text in the paste area the way a paste does (all at once). */
  async paste(text: string): Promise<void> {
    await this.pasteArea.fill(text);
  }

  /**
   * Pastes through the clipboard with Ctrl/Cmd+V, as a person does (clipboard permissions are granted here).
   * For megabytes: fill() inserts text as typing does, which takes minutes for a 10 MB log.
   */
  async pasteViaClipboard(text: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.pasteArea.focus();
    await this.page.keyboard.press('ControlOrMeta+V');
  }

  exampleButton(name: string): Locator {
    return this.diagnosis.getByRole('button', { name });
  }
}

export const test = base.extend<{ inspector: Inspector }>({
  // (`provide` is Playwright's `use`, renamed so the React hooks lint rule does not mistake it for a hook.)
  inspector: async ({ page }, provide) => {
    const inspector = new Inspector(page);
    await inspector.goto();
    await provide(inspector);
  },
});

export { expect };
