import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT) || 4173;
const baseURL = `http://127.0.0.1:${port}`;
// OUT_DIR lets several people build and preview side by side (vite.config.ts reads it for the build).
const outDir = process.env.OUT_DIR ?? 'dist';
// Screenshot runs (`npm run screenshots`) take pictures for a person to look at; they are not part of `npm test`.
const screenshots = !!process.env.SCREENSHOTS;

export default defineConfig({
  testDir: './e2e',
  ...(screenshots ? { grep: /@screenshots/ } : { grepInvert: /@screenshots/ }),
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL,
    // The page's service worker (public/sw.js) would answer requests that page.route() stubs; e2e/offline.spec.ts
    // allows it to test offline use.
    serviceWorkers: 'block',
    trace: 'on-first-retry',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
