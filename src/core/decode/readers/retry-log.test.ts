import { describe, expect, it } from 'vitest';
import { readWith, testCatalog } from '../../../testing/read-with';
import { diagnose } from '../classify';
import { mergeFindings } from '../decode';
import type { Finding } from '../finding';
import { createRetryTally, readRetryLine, readRetryRecord, retryLogReader } from './retry-log';
import { retryNote } from '../retry-series';

function findings(text: string): Finding[] {
  return readWith(retryLogReader, text).raws.flatMap((r) => {
    const f = diagnose(testCatalog, r);
    return f ? [f] : [];
  });
}

function one(text: string): Finding {
  const all = findings(text);
  expect(all).toHaveLength(1);
  const f = all[0];
  if (!f) throw new Error('no finding');
  return f;
}

describe('retry-log reader: real wording of every release', () => {
  it('py 0.3.5/0.4.12: a 5xx the store retries forever (src/resonate/stores/remote.py:416-418@v0.3.5)', () => {
    const line =
      "Unexpected response from remote store: {'error': {'code': 50300, 'message': 'The system is shutting down', 'details': [{'@type': 'ServerError', 'message': 'system is shutting down', 'domain': 'server', 'metadata': {'url': 'https://docs.resonatehq.io/operate/errors#50300'}}]}}";
    const f = one(line);
    expect(f).toMatchObject({ source: 'python-sdk', name: 'NetworkRetryWarning', status: 503, entry: 'py.retry.remote-store-response', retry: 'safe' });
    expect(f.wraps).toMatchObject({ source: 'legacy-server', code: '50300', status: 503 });
    expect(f.title).toContain('The system is shutting down');
  });

  it('py 0.3.5: a proxy HTML page the store cannot parse (stores/remote.py:420-421@v0.3.5)', () => {
    const f = one('Unexpected error from remote store: Expecting value: line 1 column 1 (char 0)');
    expect(f).toMatchObject({ source: 'python-sdk', name: 'NetworkRetryWarning', entry: 'py.retry.remote-store-not-json', retry: 'safe' });
    expect(f.causes.join(' ')).toMatch(/502/);
  });

  it('py 0.3.5: connection refused, with the promise id taken out of the message so repeats merge', () => {
    const a =
      "Unexpected error from remote store: HTTPConnectionPool(host='localhost', port=8001): Max retries exceeded with url: /promises/order-42 (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused'))";
    const b = a.replace('order-42', 'order-43');
    const all = findings(`${a}\n${b}`);
    expect(all.map((f) => f.entry)).toEqual(['py.retry.remote-store-connection', 'py.retry.remote-store-connection']);
    expect(mergeFindings(all)).toHaveLength(1);
  });

  it('py 0.3.5/0.4.12: the poller reconnect loop (task_sources/poller.py:65@v0.3.5)', () => {
    expect(one('WARNING:resonate.task_sources.poller:Connection to poller failed, reconnecting')).toMatchObject({ entry: 'py.retry.poller-reconnecting', retry: 'safe' });
  });

  it('py 0.4.12: a user function retried forever (scheduler/scheduler.py:284@v0.4.12)', () => {
    const f = one('Error processing record checkout-ord-17.1: Retrying execution.');
    expect(f).toMatchObject({ name: 'FunctionRetryWarning', entry: 'py.retry.record-retrying', retry: 'after-fix', ids: { promise: 'checkout-ord-17.1' } });
  });

  it('py 0.5.6: the poller (resonate/message_sources/poller.py:96@v0.5.6)', () => {
    const line =
      "Polling network error for group default: HTTPConnectionPool(host='127.0.0.1', port=8002): Max retries exceeded with url: /default/c153a710005d4efd82011e92756ce276 (Caused by NewConnectionError(\"HTTPConnection(host='127.0.0.1', port=8002): Failed to establish a new connection: [Errno 111] Connection refused\")). Retrying after delay...";
    const f = one(line);
    expect(f).toMatchObject({ entry: 'py.retry.poller-v05', retry: 'safe', warning: true });
    expect(f.title).toContain('default');
  });

  it('py 0.5.6 and 0.6.7: function retries with the ContextLogger prefix (scheduler.py:853@v0.5.6, :863@v0.6.7)', () => {
    const v05 = "[2026-12-02 05:56:14] [WARNING] [charge-1] [charge-1] Function charge({'id': 1}) failed with ConnectionError('db down') (retrying in 2.0s)";
    const v06 = "[2026-12-02 05:56:16] [WARNING] [charge-1] [charge-1] RuntimeError. Function charge({'id': 1}) failed with ConnectionError('db down') (retrying in 4.0s)";
    const a = one(v05);
    expect(a).toMatchObject({ source: 'python-sdk', name: 'FunctionRetryWarning', entry: 'py.retry.function', retry: 'after-fix', ids: { promise: 'charge-1' } });
    expect(a.title).toContain('charge');
    expect(a.notes.join(' ')).toContain('2 s');
    expect(one(v06).entry).toBe('py.retry.function');
  });

  it('py 0.6.7: the store and poller networking warnings keep the SDK-line reader’s message (stores/remote.py:100@v0.6.7)', () => {
    const f = one('2026-11-25 02:44:41,054 WARNING [resonate.stores.remote] Networking. Cannot connect to http://localhost:8001. Retrying in 0 sec');
    expect(f).toMatchObject({ entry: 'py.network-retry', retry: 'safe', message: 'Networking. Cannot connect to http://localhost:8001. Retrying in 0 sec' });
    expect(one('Networking. Cannot connect to localhost:8002. Retrying in 5 sec.').entry).toBe('py.network-retry.poller');
  });

  it('py 0.7.0/0.7.4: HTTP and SSE back-off lines merge per failure, with the back-off in a note (network/http.py:157,227,243@v0.7.4)', () => {
    const text = [
      "SSE connection failed, retrying (backoff=1s): Cannot connect to host localhost:8001 ssl:default [Connect call failed ('127.0.0.1', 8001)]",
      "HTTP send failed, retrying (backoff=1s): Cannot connect to host localhost:8001 ssl:default [Connect call failed ('127.0.0.1', 8001)]",
      "SSE connection failed, retrying (backoff=2s): Cannot connect to host localhost:8001 ssl:default [Connect call failed ('127.0.0.1', 8001)]",
      "HTTP send failed, retrying (backoff=2s): Cannot connect to host localhost:8001 ssl:default [Connect call failed ('127.0.0.1', 8001)]",
      "HTTP send failed, retrying (backoff=4s): Cannot connect to host localhost:8001 ssl:default [Connect call failed ('127.0.0.1', 8001)]",
    ].join('\n');
    const merged = mergeFindings(findings(text));
    expect(merged.map((f) => [f.entry, f.count])).toEqual([
      ['py.retry.sse-connect', 2],
      ['py.retry.http-send', 3],
    ]);
    const http = merged[1];
    expect(http?.retry).toBe('safe');
    expect(http?.summary).toContain('Cannot connect to host localhost:8001');
    expect(http?.notes).toContain('The SDK logged this retry 3 times (lines 2–5); back-off 1 s → 4 s.');
  });

  it('py 0.7.x: a 401 on the SSE stream is retried but needs a fix (network/http.py:227@v0.7.4)', () => {
    const text = ['SSE endpoint returned 401, retrying (backoff=1s)', 'SSE endpoint returned 401, retrying (backoff=2s)'].join('\n');
    const merged = mergeFindings(findings(text));
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ entry: 'py.retry.sse-auth', status: 401, retry: 'after-fix', count: 2 });
    expect(one('SSE endpoint returned 503, retrying (backoff=8s)')).toMatchObject({ entry: 'py.retry.sse-status', retry: 'safe' });
  });

  it('ts 0.7.2–0.9.6: networking retries (src/network/remote.ts:669@v0.7.2, :593,:731@v0.9.6)', () => {
    const f = one('Networking. Cannot connect to [http://localhost:8001/poll]. Retrying in 5s.');
    expect(f).toMatchObject({ source: 'ts-sdk', entry: 'ts.network-retry', retry: 'safe' });
  });

  it('ts 0.8.2 / 0.8.6 / 0.9.6: function retries (src/processor/processor.ts:59@v0.8.2, :54@v0.8.6, :53@v0.9.6)', () => {
    const v082 = "RuntimeError. Function chargeCard failed with 'Error: card declined' (retrying in 2 secs)";
    const v086 = "Runtime. Function 'chargeCard' failed with 'Error: card declined' (retrying in 4 secs)";
    expect(one(v082)).toMatchObject({ source: 'ts-sdk', name: 'FunctionRetryWarning', entry: 'ts.retry.function', retry: 'after-fix' });
    const f = one(v086);
    expect(f.entry).toBe('ts.retry.function');
    expect(f.title).toContain('chargeCard');
    expect(f.summary).toContain('Error: card declined');
  });

  it('ts 0.8.2–0.8.5: ctx.run("name") loops on `func is not a function` (src/context.ts:208@v0.8.3)', () => {
    const f = one("RuntimeError. Function undefined failed with 'TypeError: func is not a function' (retrying in 2 secs)");
    expect(f).toMatchObject({ entry: 'ts.retry.function-run-by-name', retry: 'after-fix' });
  });

  it('ts 0.10+: the JSON runtime warn, with attempt and retryIn (src/util.ts:159-162@v0.10.4)', () => {
    const rec = (attempt: number, retryIn: number) =>
      JSON.stringify({
        timestamp: '2026-12-02T06:00:00.000Z',
        level: 'warn',
        msg: `Function 'chargeCard' failed with 'Error: card declined' (retrying in ${retryIn / 1000} secs)`,
        component: 'runtime',
        func: 'chargeCard',
        attempt,
        retryIn,
      });
    const text = [rec(1, 1000), rec(2, 2000), rec(3, 4000)].join('\n');
    const merged = mergeFindings(findings(text));
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ entry: 'ts.retry.function', count: 3, retry: 'after-fix' });
    expect(merged[0]?.notes).toContain('The SDK logged this retry 3 times (lines 1–3); attempts 1–3; back-off 1 s → 4 s.');
  });

  it('ts 0.11: adapter reconnecting keeps the JSON reader’s message (src/network/http.ts:346-354@v0.11.4)', () => {
    const raw = readRetryRecord({ level: 'warn', msg: 'adapter reconnecting', component: 'network', adapter_type: 'HttpPoll', error: 'SSE connection error', attempt: 3 }, 7);
    expect(raw).not.toBeNull();
    const f = raw ? diagnose(testCatalog, raw) : null;
    expect(f).toMatchObject({ entry: 'ts.warn.adapter-reconnecting', retry: 'safe' });
    expect(f?.notes).toEqual(['Attempt 3; the SDK is retrying.']);
  });

  it('a tally passed to readRetryRecord by another reader collects its records the same way', () => {
    const tally = createRetryTally();
    const a = readRetryRecord({ msg: 'adapter reconnecting', attempt: 1 }, 1, tally);
    readRetryRecord({ msg: 'adapter reconnecting', attempt: 2 }, 2, tally);
    expect(a?.retries && retryNote(a.retries)).toBe('The SDK logged this retry 2 times (lines 1–2); attempts 1–2.');
  });
});

describe('retry-log reader: hostile input', () => {
  it('leaves other programs’ retry lines alone', () => {
    const lines = [
      'Retrying in 5s...',
      'WARNING:urllib3.connectionpool:Retrying (Retry(total=2, connect=None, read=None, redirect=None, status=None)) after connection broken by NewConnectionError: /api/v1/users',
      'npm WARN retry will retry, error on last attempt: Error: getaddrinfo ENOTFOUND registry.npmjs.org',
      'Function main failed with exit code 1, retrying in 3 seconds',
      'celery.app.trace: Task tasks.add[abc] retry: Retry in 10s: ConnectionError()',
      '{"level":"warn","msg":"retrying request","attempt":2,"retryIn":1000}',
      'Unexpected error from local cache: timeout',
    ];
    for (const l of lines) expect(readWith(retryLogReader, l).raws, l).toEqual([]);
  });

  it('is linear on huge lines and never throws', () => {
    const huge = `Function f(${'('.repeat(200_000)} failed with ${'x'.repeat(200_000)}`;
    const t0 = Date.now();
    expect(readRetryLine(huge, 1)).toBeNull();
    expect(readRetryLine(`HTTP send failed, retrying (backoff=1s): ${'a'.repeat(500_000)}`, 1)?.name).toBe('NetworkRetryWarning');
    expect(readRetryLine(`RuntimeError. Function x failed with '${"'".repeat(300_000)}`, 1)).toBeNull();
    expect(readWith(retryLogReader, `{"msg": "${'retry '.repeat(50_000)}"`).raws).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('ignores records that are not objects or have no message', () => {
    for (const v of [null, 1, 'Retrying', [], { attempt: 1 }, { msg: 42 }]) expect(readRetryRecord(v, 1)).toBeNull();
  });
});
