import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { pageWeight } from '../scripts/page-weight';

test('the built page needs at most 150 KB of gzip’d JavaScript before it can diagnose; the catalog is not in it', () => {
  const weight = pageWeight(resolve(import.meta.dirname, '..', process.env.OUT_DIR ?? 'dist'));
  expect(weight, 'a build in dist/ (npm run e2e builds it)').not.toBeNull();
  expect(weight?.gzipBytes).toBeLessThanOrEqual(150 * 1024);
  // The catalog is served at its stable address, /catalog.json, for the page to fetch.
  expect(weight?.catalogGzipBytes).toBeGreaterThan(50 * 1024);
});
