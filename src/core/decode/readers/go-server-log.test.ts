import { describe, expect, it } from 'vitest';
import { testCatalog } from '../../../testing/read-with';
import { decode } from '../decode';
import { readSlog } from './go-server-log';

// Wording from resonatehq/resonate-legacy-server (cmd/serve/serve.go, internal/app/coroutines/*.go at v0.5.6–v0.8.2),
// in log/slog's text handler format.
const at = 'time=2025-06-01T10:00:00.000Z';

describe('go-server-log', () => {
  it('a store failure is transient unless its err names a lasting problem', () => {
    const [busy] = decode(`${at} level=ERROR msg="failed to read promise" id=order-1 err="database is locked"`, testCatalog);
    expect(busy).toMatchObject({ source: 'legacy-server', entry: 'legacy.log.store-operation-failed', retry: 'with-backoff', ids: { promise: 'order-1' } });
    expect(busy?.notes).toContain('error: database is locked');
    const [ro] = decode(`${at} level=ERROR msg="failed to update promise" err="attempt to write a readonly database"`, testCatalog);
    expect(ro).toMatchObject({ entry: 'legacy.log.store-operation-failed.not-transient', retry: 'after-fix' });
  });

  it('start-up and configuration failures, in both of slog\'s formats (docker compose prefix too)', () => {
    const [api] = decode(`resonate-1  | ${at} level=ERROR msg="failed to start api" error="listen tcp :8001: bind: address already in use"\nresonate-1  | ${at} level=INFO msg="shutting down"`, testCatalog);
    expect(api).toMatchObject({ entry: 'legacy.log.start-failed', retry: 'after-fix' });
    const [cfg] = decode('2024/05/01 10:00:00 ERROR failed to parse log level error="slog: level string \\"verbose\\": unknown name"', testCatalog);
    expect(cfg).toMatchObject({ entry: 'legacy.log.config-invalid', retry: 'after-fix' });
  });

  it('the 2024 queue\'s failed delivery names the worker\'s address', () => {
    const [f] = decode(`${at} level=ERROR msg="connection http::http://localhost:5001 failed to complete task with error: \\"dial tcp [::1]:5001: connect: connection refused\\""`, testCatalog);
    expect(f).toMatchObject({ entry: 'legacy.log.task-delivery-failed', retry: 'with-backoff', title: 'The Go server could not deliver a task to http::http://localhost:5001' });
  });

  it('another Go program\'s slog lines, and INFO lines, are not findings', () => {
    expect(decode(`${at} level=ERROR msg="failed to connect to kafka" err=boom`, testCatalog)).toEqual([]);
    expect(decode(`${at} level=INFO msg="failed to read promise"`, testCatalog)).toEqual([]);
  });

  it('reads Go-quoted values and bare ones', () => {
    expect(readSlog('"failed to read promise" id=p1 err="a \\"b\\" c" n=3', true)).toEqual({ message: 'failed to read promise', attrs: { id: 'p1', err: 'a "b" c', n: '3' } });
    expect(readSlog('failed to start aio error="migration 003 failed"', false)).toEqual({ message: 'failed to start aio', attrs: { error: 'migration 003 failed' } });
  });
});
