import { describe, expect, it } from 'vitest';
import { readWith, testCatalog } from '../../../testing/read-with';
import { decode } from '../decode';
import { rustServerLogReader, splitFields } from './rust-server-log';

// Wording from resonatehq/resonate at v0.9.5 (src/server.rs, src/main.rs), in tracing-subscriber's default text format.
const ts = '2026-11-25T02:56:10.741123Z';

describe('rust-server-log', () => {
  it('a rejected request is a finding with its kind, status and corrId, diagnosed by its status', () => {
    const [f] = decode(`${ts}  WARN resonate::server: Request rejected kind=promise.get corr_id=c-17 status=404 elapsed_ms=0`, testCatalog);
    expect(f).toMatchObject({ source: 'server', code: '404', status: 404, kind: 'promise.get', corrId: 'c-17', retry: 'after-fix' });
  });

  it('a 5xx outcome is transient', () => {
    const [f] = decode(`${ts} ERROR resonate::server: Request failed with internal error kind=task.acquire corr_id=c-9 status=500 elapsed_ms=12`, testCatalog);
    expect(f).toMatchObject({ source: 'server', status: 500, kind: 'task.acquire', retry: 'with-backoff' });
  });

  it('start-up failures, in the log and on stderr (docker compose prefix too)', () => {
    const bind = decode(`resonate-1  | ${ts} ERROR resonate: Failed to bind to 0.0.0.0:8001: Address already in use (os error 98)\nresonate-1  | Fatal: Failed to bind to 0.0.0.0:8001: Address already in use (os error 98)`, testCatalog);
    expect(bind).toHaveLength(1);
    expect(bind[0]).toMatchObject({ entry: 'server.log.bind-failed', retry: 'after-fix', count: 2 });
    const [db] = decode('Fatal: Failed to connect to Postgres: error communicating with database: Connection refused (os error 111)', testCatalog);
    expect(db?.entry).toBe('server.log.database-unavailable');
  });

  it('storage and readiness errors carry the driver text from the error field', () => {
    const [f] = decode(`${ts} ERROR resonate::server: Readiness check failed: storage database unavailable error=pool timed out while waiting for an open connection`, testCatalog);
    expect(f).toMatchObject({ entry: 'server.log.readiness-storage', retry: 'with-backoff' });
    expect(f?.notes).toContain('error: pool timed out while waiting for an open connection');
  });

  it('reads the message and fields apart, values with spaces included', () => {
    expect(splitFields('Invalid request envelope: deserialization failed kind=unknown error=missing field `kind` at line 1 column 2')).toEqual({
      message: 'Invalid request envelope: deserialization failed',
      fields: { kind: 'unknown', error: 'missing field `kind` at line 1 column 2' },
    });
  });

  it('leaves INFO lines, other programs and look-alikes alone', () => {
    for (const line of [
      `${ts}  INFO resonate::server: Request completed kind=promise.get corr_id=c1 status=200 elapsed_ms=1`,
      `${ts} ERROR hyper::server: connection error`,
      'WARN resonance-audio: buffer underrun',
      'Fatal: out of memory',
      'ERROR resonate'.repeat(20000),
    ]) {
      expect(readWith(rustServerLogReader, line).raws, line.slice(0, 60)).toEqual([]);
    }
  });
});

describe('rust-server-log, as people paste it', () => {
  it('reads a line reformatted without level or target by the server’s own wording (resonate-sdk-ts#525)', () => {
    const [f] = decode('18:16:07.569 Request rejected  kind=promise.settle status=404', testCatalog);
    expect(f).toMatchObject({ source: 'server', status: 404, kind: 'promise.settle', retry: 'after-fix' });
    expect(readWith(rustServerLogReader, '18:16:07.569 Request rejected by the bouncer').raws).toEqual([]);
  });
});
