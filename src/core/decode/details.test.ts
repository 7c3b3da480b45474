import { describe, expect, it } from 'vitest';
import { testCatalog } from '../../testing/read-with';
import { decode } from './decode';

/** A legacy Go server body of the 5-digit era for a store error, with the driver text in details (legacy-server.md §3). */
const legacyStoreError = (driver: string) =>
  JSON.stringify({
    error: {
      code: 50004,
      message: 'There was an error in the store subsystem',
      details: [{ '@type': 'ServerError', message: driver, domain: 'server', metadata: { url: 'https://docs.resonatehq.io/operate/errors#50004' } }],
    },
  });

describe('details decide: what an error carries beside its message refines the verdict', () => {
  it('a legacy store error whose details say the database is locked is transient', () => {
    const [f] = decode(legacyStoreError('database is locked'), testCatalog);
    expect(f?.entry).toBe('legacy.50004.store-error');
    expect(f?.retry).toBe('with-backoff');
  });

  it.each(['attempt to write a readonly database', 'no such table: promises', 'pq: password authentication failed for user "resonate"'])(
    'a legacy store error whose details say "%s" is not cured by a retry',
    (driver) => {
      const [f] = decode(legacyStoreError(driver), testCatalog);
      expect(f?.entry).toBe('legacy.50004.store-error.not-transient');
      expect(f?.retry).toBe('after-fix');
    },
  );

  it('a Python ResonateStoreError carries the same details block, and the same rule applies', () => {
    const trace = [
      'Traceback (most recent call last):',
      '  File "/srv/app/.venv/lib/python3.12/site-packages/resonate/stores/remote.py", line 95, in call',
      '    raise ResonateStoreError(mesg=mesg, code=code, details=details) from e',
      'resonate.errors.errors.ResonateStoreError: [100.50004] There was an error in the store subsystem',
      '[',
      '  {',
      '    "@type": "ServerError",',
      '    "message": "attempt to write a readonly database",',
      '    "domain": "server"',
      '  }',
      ']',
    ].join('\n');
    const [f] = decode(trace, testCatalog);
    expect(f?.entry).toBe('py.100-50004.store-subsystem.not-transient');
    expect(f?.retry).toBe('after-fix');
  });

  it('a Rust server database error for a missing table is after-fix; a lock wait stays with-backoff', () => {
    const envelope = (data: string) => JSON.stringify({ kind: 'promise.create', head: { corrId: 'c1', status: 500, version: '2026-04-01' }, data });
    const [missing] = decode(envelope('Internal error: Storage error: error returned from database: relation "promises" does not exist'), testCatalog);
    expect(missing?.entry).toBe('server.500.storage.database-misconfigured');
    expect(missing?.retry).toBe('after-fix');
    const [other] = decode(envelope('Internal error: Storage error: error returned from database: could not serialize access'), testCatalog);
    expect(other?.entry).toBe('server.500.storage.database-error');
    expect(other?.retry).toBe('with-backoff');
  });
});

describe('TS SDK 0.7–0.8.2: the Request failed line before a generic error tells the real failure', () => {
  /** What 0.7.2 prints for a read (src/resonate.ts:367@v0.7.2), after console.error('Request failed:', e) (src/network/remote.ts:269@v0.7.2). */
  const trace = (before: string) =>
    [
      before,
      '/home/dev/orders-app/node_modules/@resonatehq/sdk/dist/src/resonate.js:265',
      "                    reject(new Error(`Promise '${req.id}' not found`));",
      '                           ^',
      '',
      "Error: Promise 'order-42' not found",
      '    at /home/dev/orders-app/node_modules/@resonatehq/sdk/dist/src/resonate.js:265:28',
      '    at /home/dev/orders-app/node_modules/@resonatehq/sdk/dist/src/handler.js:87:24',
      '',
      'Node.js v20.20.2',
    ].join('\n');
  const errorOf = (text: string) => decode(text, testCatalog).find((f) => f.source === 'ts-sdk' && f.name === 'Error');

  it.each([
    ['Request failed: TypeError: fetch failed', 'ts.v07.promise-not-found.unreachable', 'with-backoff'],
    ['Request failed: Error: HTTP 502: Bad Gateway', 'ts.v07.promise-not-found.server-error', 'with-backoff'],
    ['Request failed: Error: HTTP 401: Unauthorized', 'ts.v07.promise-not-found.unauthorized', 'after-fix'],
  ])('after "%s" it is %s', (before, entry, retry) => {
    const f = errorOf(trace(before));
    expect(f?.entry).toBe(entry);
    expect(f?.retry).toBe(retry);
  });

  it('without that line it stays a plain "promise not found"', () => {
    expect(errorOf(trace('starting worker'))?.entry).toBe('ts.v07.promise-not-found');
  });
});

describe('where the paste leaves it open, the finding says what would tell the cases apart', () => {
  it('a legacy store error without details names the details as what decides', () => {
    const [f] = decode('{"error":{"code":50004,"message":"There was an error in the store subsystem","details":[]}}', testCatalog);
    expect(f?.retry).toBe('with-backoff');
    expect(f?.notes.join('\n')).toMatch(/details\[0\]\.message. tells whether a retry can help/);
  });
});
