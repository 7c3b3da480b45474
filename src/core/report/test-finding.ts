/** Test data for the report tests: a finding and a small catalog, built from plain values. */
import type { Catalog, CatalogEntry } from '../catalog/catalog-types';
import type { Finding } from '../decode/finding';
import { makeFinding as baseFinding } from '../../testing/make-finding';

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return baseFinding({
    kind: 'promise.get',
    summary: 'The server has no promise with this id.',
    cause: 'The id is wrong, or the request went to another server.',
    causes: ['The id is wrong, or the request went to another server.', 'The promise was not created yet.'],
    steps: ['Check the id and the server URL.', 'Create the promise first.'],
    corrId: 'c-17',
    ids: { promise: 'order-42' },
    versions: { server: 'Rust server (envelope protocol)', protocol: '2026-04-01' },
    request: { kind: 'promise.get', head: { corrId: 'c-17', version: '2026-04-01' }, data: { id: 'order-42' } },
    response: { kind: 'promise.get', head: { corrId: 'c-17', status: 404, version: '2026-04-01' }, data: 'Promise not found' },
    span: { startLine: 1, endLine: 2 },
    excerpt:
      '{"kind":"promise.get","head":{"corrId":"c-17","version":"2026-04-01"},"data":{"id":"order-42"}}\n{"kind":"promise.get","head":{"corrId":"c-17","status":404,"version":"2026-04-01"},"data":"Promise not found"}',
    ...overrides,
  });
}

function entry(id: string, source: CatalogEntry['source'], extra: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id,
    source,
    code: null,
    match: { fallback: true },
    title: id,
    summary: `Summary of ${id}.`,
    causes: ['A cause.'],
    retry: { verdict: 'after-fix', reason: 'A reason.' },
    steps: ['A step.'],
    docs: 'https://docs.resonatehq.io/debug/errors',
    ...extra,
  };
}

export const testCatalog: Catalog = {
  version: '2026.11.25-test',
  covers: { server: 's', protocol: '2026-04-01', legacyServer: 'l', pythonSdk: 'p', tsSdk: 't' },
  repos: {
    server: 'resonatehq/resonate',
    'legacy-server': 'resonatehq/resonate',
    'python-sdk': 'resonatehq/resonate-sdk-py',
    'ts-sdk': 'resonatehq/resonate-sdk-ts',
    unknown: 'resonatehq/.github',
  },
  entries: [
    entry('server.404.promise-not-found', 'server', { code: '404', status: 404 }),
    entry('py.100-40400.promise-not-found', 'python-sdk', { code: '100.40400' }),
    entry('ts.1103.function-not-registered', 'ts-sdk', { code: '1103' }),
    entry('ts.routed-to-server', 'ts-sdk', { code: '1199', reportRepo: 'resonatehq/resonate' }),
    entry('server.routed-to-ts', 'server', { code: '500', reportRepo: 'resonatehq/resonate-sdk-ts' }),
    entry('unknown.not-resonate', 'unknown'),
  ],
};

/** A Python traceback of `frames` frames ending in a ResonateStoreError. */
export function pythonTrace(frames: number): string {
  const lines = ['Traceback (most recent call last):'];
  for (let i = 0; i < frames; i++) {
    lines.push(`  File "/home/dev/app/.venv/lib/python3.12/site-packages/resonate/module_${i}.py", line ${i + 10}, in call_${i}`);
    lines.push(`    result = self._next_${i}(request, timeout=self._timeout)`);
  }
  lines.push('resonate.errors.errors.ResonateStoreError: [100.40400] The specified promise was not found');
  return lines.join('\n');
}

/** A Node.js stack of `frames` frames under a ResonateError. */
export function jsTrace(frames: number): string {
  const lines = ["ResonateError: Function 'sendWelcomeEmail' is not registered"];
  for (let i = 0; i < frames; i++) lines.push(`    at fn${i} (file:///home/dev/orders-app/node_modules/@resonatehq/sdk/dist/src/module${i}.js:${i + 1}:7)`);
  return lines.join('\n');
}
