// The replay client with a fetch double: the browser-only paths (opaque "Failed to fetch", the no-cors probe,
// cancellation) and the URL checks. Real HTTP faults are in replay-client.http.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { checkBaseUrl, createReplayClient, fetchEndpointInfo, nodeErrorCode, type FetchLike } from './replay-client';
import type { ReplayRequest } from './request-schema';

const get: ReplayRequest = { kind: 'promise.get', head: { corrId: 'c-1', version: '2026-04-01' }, data: { id: 'order-42' } };
const del: ReplayRequest = { kind: 'schedule.delete', head: { corrId: 'c-2', version: '2026-04-01' }, data: { id: 'nightly' } };
const envelope = (status: number, data: unknown, over: Record<string, unknown> = {}): string =>
  JSON.stringify({ kind: 'promise.get', head: { corrId: 'c-1', status, version: '2026-04-01' }, data, ...over });

const answer = (status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): FetchLike =>
  vi.fn(async () => new Response(body, { status, headers }));

describe('createReplayClient', () => {
  it('calls fetch detached (a browser fetch called as a method throws "Illegal invocation")', async () => {
    let receiver: unknown = 'unset';
    const fetchFn: FetchLike = function (this: unknown) {
      receiver = Reflect.apply(() => this, undefined, []);
      return Promise.resolve(new Response(envelope(200, { promise: {} }), { status: 200 }));
    };
    await createReplayClient({ baseUrl: '/resonate', fetch: fetchFn }).send(get);
    expect(receiver).toBeUndefined();
  });

  it('posts JSON to the base URL and reads which server answered', async () => {
    const fetchFn = vi.fn<FetchLike>(async () => new Response(envelope(404, 'Promise not found'), { status: 404, headers: { 'x-resonate-inspector-server': 'embedded' } }));
    const r = await createReplayClient({ baseUrl: '/resonate', fetch: fetchFn }).send(get);
    expect(r).toMatchObject({ ok: true, status: 404, answeredBy: 'embedded', envelope: { data: 'Promise not found' } });
    expect(fetchFn).toHaveBeenCalledTimes(1);
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('/resonate');
    expect(init).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(String(init?.body))).toEqual(get);
  });

  it('notes answers that do not match the request', async () => {
    const r = await createReplayClient({ baseUrl: '/resonate', fetch: answer(400, envelope(400, 'Invalid request envelope: x', { kind: 'unknown', head: { corrId: '0', status: 400, version: '2026-04-01' } })) }).send(get);
    expect(r.ok && r.notes).toEqual(['kind "unknown" and corrId "0": the server could not read the request envelope (or it panicked), so it could not echo them.']);
    const r2 = await createReplayClient({ baseUrl: '/resonate', fetch: answer(200, envelope(404, 'Promise not found', { head: { corrId: 'zz', status: 404, version: '0.0.1' } })) }).send(get);
    expect(r2.ok && r2.notes.length).toBe(3);
  });

  it("explains the browser's opaque network error as CORS or down, and probes /health without resending", async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetchFn: FetchLike = async (url, init) => {
      calls.push({ url, init });
      if (init.method === 'GET') return new Response(null, { status: 200 }); // the no-cors probe: opaque, but it resolved
      throw new TypeError('Failed to fetch');
    };
    const r = await createReplayClient({ baseUrl: 'http://localhost:8001', fetch: fetchFn, pageOrigin: 'http://127.0.0.1:4173' }).send(del);
    expect(r).toMatchObject({ ok: false, fault: 'cors', probe: 'reachable', applied: 'unknown' });
    if (r.ok) return;
    expect(r.message).toMatch(/localhost:8001 is up \(it answered a no-cors probe of \/health\), so the browser blocked the answer/);
    expect(r.advice).toMatch(/--server-cors-allow-origin http:\/\/127\.0\.0\.1:4173/);
    expect(r.advice).toMatch(/RESONATE_URL=http:\/\/localhost:8001/);
    expect(r.advice).toMatch(/never sent \(without CORS the browser's preflight fails before it\), but that cannot be proven\. Do not send it again blindly/);
    expect(calls.map((c) => `${c.init.method} ${c.url} ${c.init.mode ?? ''}`.trim())).toEqual(['POST http://localhost:8001', 'GET http://localhost:8001/health no-cors']);
  });

  it('says the server is probably down when the probe fails too; the probe can be turned off', async () => {
    const down: FetchLike = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const r = await createReplayClient({ baseUrl: 'http://localhost:8001/', fetch: down }).send(get);
    expect(r).toMatchObject({ fault: 'cors', probe: 'unreachable' });
    expect(down).toHaveBeenCalledTimes(2);
    const quiet: FetchLike = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const r2 = await createReplayClient({ baseUrl: 'http://localhost:8001', fetch: quiet, probe: false }).send(get);
    expect(r2).toMatchObject({ fault: 'cors' });
    expect(r2.ok || 'probe' in r2).toBe(false);
    expect(quiet).toHaveBeenCalledTimes(1);
  });

  it('names mixed content when an https page calls an http server', async () => {
    const r = await createReplayClient({ baseUrl: 'http://localhost:8001', fetch: answerThrow(), pageOrigin: 'https://inspector.example', probe: false }).send(get);
    expect(!r.ok && r.message).toMatch(/mixed content/);
  });

  it("a same-origin failure is the app's own server, not CORS", async () => {
    const r = await createReplayClient({ baseUrl: '/resonate', fetch: answerThrow() }).send(get);
    expect(r).toMatchObject({ fault: 'refused', applied: 'no' });
    expect(!r.ok && r.advice).toMatch(/npm start/);
  });

  it('the proxy to RESONATE_URL reports an unreachable target', async () => {
    const r = await createReplayClient({
      baseUrl: '/resonate',
      fetch: answer(502, 'Resonate Inspector: cannot reach RESONATE_URL http://localhost:8001 (ECONNREFUSED)', {
        'content-type': 'text/plain',
        'x-resonate-inspector-server': 'proxy',
        'x-resonate-inspector-proxy-error': 'ECONNREFUSED',
      }),
    }).send(get);
    expect(r).toMatchObject({ fault: 'refused', status: 502, answeredBy: 'proxy', applied: 'no' });
  });

  it('a caller cancellation is "aborted", not a timeout', async () => {
    const controller = new AbortController();
    const fetchFn: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const pending = createReplayClient({ baseUrl: '/resonate', fetch: fetchFn }).send(get, { signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, fault: 'aborted', applied: 'unknown' });
  });

  it('maps other statuses without an envelope', async () => {
    const c = (status: number, body: string, type = 'text/plain') => createReplayClient({ baseUrl: '/r', fetch: answer(status, body, { 'content-type': type }) }).send(get);
    expect(await c(413, 'Failed to buffer the request body: length limit exceeded')).toMatchObject({ fault: 'http-error', applied: 'no', message: expect.stringMatching(/413/) });
    expect(await c(405, '')).toMatchObject({ fault: 'http-error', message: expect.stringMatching(/Method Not Allowed/) });
    expect(await c(404, '')).toMatchObject({ fault: 'legacy-server', message: expect.stringMatching(/empty body/) });
    expect(await c(200, '', 'text/plain')).toMatchObject({ fault: 'not-json', message: expect.stringMatching(/empty body/) });
    expect(await c(404, '{"error":{"code":40400,"message":"The specified promise was not found"}}', 'application/json')).toMatchObject({ fault: 'legacy-server' });
    expect(await c(502, '{"error":"fetch failed"}', 'application/json')).toMatchObject({ fault: 'not-envelope', applied: 'unknown' });
    expect(await c(200, '<!DOCTYPE html><html><title>Inspector</title></html>', 'text/plain')).toMatchObject({ fault: 'html-error-page', applied: 'no' });
  });

  it('refuses a bad base URL without sending', async () => {
    const fetchFn = vi.fn<FetchLike>();
    for (const baseUrl of ['', 'localhost:8001', 'ftp://x', 'http://user:pw@localhost:8001', '//evil.example', 'http://localhost:6000']) {
      expect(await createReplayClient({ baseUrl, fetch: fetchFn }).send(get)).toMatchObject({ ok: false, fault: 'invalid-url', applied: 'no' });
    }
    expect(fetchFn).not.toHaveBeenCalled();
    expect(checkBaseUrl(' http://localhost:8001 ')).toEqual({ ok: true, url: 'http://localhost:8001', absolute: true });
    expect(checkBaseUrl('localhost:8001')).toEqual({ ok: false, message: '"localhost:8001" has no scheme: did you mean http://localhost:8001?' });
  });
});

function answerThrow(): FetchLike {
  return async () => {
    throw new TypeError('Failed to fetch');
  };
}

describe('nodeErrorCode', () => {
  it('finds the code on cause or inside an AggregateError', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(nodeErrorCode(new TypeError('fetch failed', { cause: refused }))).toBe('ECONNREFUSED');
    expect(nodeErrorCode(new TypeError('fetch failed', { cause: new AggregateError([refused]) }))).toBe('ECONNREFUSED');
    expect(nodeErrorCode(new TypeError('Failed to fetch'))).toBeNull();
  });
});

describe('fetchEndpointInfo', () => {
  it('reads what the app endpoint is', async () => {
    expect(await fetchEndpointInfo(answer(200, '{"server":"embedded","model":"@resonatehq/sdk LocalNetwork 0.11.5"}'))).toEqual({
      server: 'embedded',
      model: '@resonatehq/sdk LocalNetwork 0.11.5',
    });
    expect(await fetchEndpointInfo(answer(200, '{"server":"proxy","target":"http://localhost:8001"}'))).toEqual({ server: 'proxy', target: 'http://localhost:8001' });
    expect(await fetchEndpointInfo(answer(200, '{"server":"real","target":"http://127.0.0.1:40123","version":"0.9.5","binary":"/usr/local/bin/resonate","description":"resonate dev 0.9.5 on this machine"}'))).toEqual({
      server: 'real',
      target: 'http://127.0.0.1:40123',
      version: '0.9.5',
      description: 'resonate dev 0.9.5 on this machine',
    });
    expect(await fetchEndpointInfo(answer(404, ''))).toBeNull();
    expect(await fetchEndpointInfo(answerThrow())).toBeNull();
  });
});
