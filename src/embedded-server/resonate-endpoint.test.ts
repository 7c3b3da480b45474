// The embedded endpoint on a real node:http server: each envelope check over HTTP, the HTTP status equal to
// head.status, a create/get/settle flow on the server model, and bad data answered with 400, never a 500.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplayClient } from '../core/replay/replay-client';
import { MODEL_DESCRIPTION, createEmbeddedModel, type EmbeddedModel } from './embedded-model';
import { answer, createEmbeddedEndpoint, parseTarget } from './resonate-endpoint';

let server: Server;
let base: string;

beforeAll(async () => {
  const endpoint = createEmbeddedEndpoint({ debug: false });
  server = createServer((req, res) =>
    endpoint(req, res, () => {
      res.writeHead(418);
      res.end('not the endpoint');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

type Answer = { status: number; headers: Headers; text: string; json: unknown };
async function post(body: string, path = '/resonate'): Promise<Answer> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}
const head = (corrId: string) => ({ corrId, version: '2026-04-01' });
const rpc = (kind: string, data: unknown, corrId = 'c-1') => post(JSON.stringify({ kind, head: head(corrId), data }));

describe('embedded /resonate over HTTP', { timeout: 10_000 }, () => {
  it('runs each envelope check, in order, with HTTP status = head.status', async () => {
    const cases: Array<[string, number, string]> = [
      ['', 400, 'Invalid request envelope: EOF while parsing a value at line 1 column 0'],
      ['{"kind":"promise.get","head":{"corrId":"c-17"},"data":{"id":"order-42"}}', 400, 'Invalid request envelope: missing field `version` at line 1 column 46'],
      [JSON.stringify({ kind: '', head: head('c'), data: {} }), 400, "Missing or invalid 'kind' field — must be a non-empty string"],
      [JSON.stringify({ kind: 'promise.get', head: head('c'), data: 'order-42' }), 400, "Invalid 'data' field — must be an object"],
      [JSON.stringify({ kind: 'promise.get', head: { corrId: 'c', version: '0.9.5' }, data: {} }), 400, `Unsupported protocol version '0.9.5', supported versions: ["2026-04-01"]`],
      [JSON.stringify({ kind: 'promises.get', head: head('c'), data: { id: 'x' } }), 400, 'Unknown operation: promises.get'],
      [JSON.stringify({ kind: 'debug.snap', head: head('c'), data: {} }), 403, 'Debug operations are disabled'],
    ];
    for (const [body, status, message] of cases) {
      const a = await post(body);
      expect(a.status, body).toBe(status);
      expect(a.json, body).toMatchObject({ head: { status, version: '2026-04-01' }, data: message });
      expect(a.headers.get('content-type')).toBe('application/json');
      expect(a.headers.get('x-resonate-inspector-server')).toBe('embedded');
    }
  });

  it('promise.get 404 → promise.create 200 → promise.get 200 → settle → get shows resolved', async () => {
    const id = `order-${Date.now()}`;
    const miss = await rpc('promise.get', { id }, 'g1');
    expect(miss.status).toBe(404);
    expect(miss.text).toBe('{"kind":"promise.get","head":{"corrId":"g1","status":404,"version":"2026-04-01"},"data":"Promise not found"}');

    const timeoutAt = Date.now() + 3_600_000;
    const created = await rpc('promise.create', { id, timeoutAt, param: { data: Buffer.from('{"amount":5}').toString('base64') }, tags: { env: 'test' } }, 'c1');
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ kind: 'promise.create', head: { corrId: 'c1', status: 200 }, data: { promise: { id, state: 'pending', timeoutAt, tags: { env: 'test' } } } });

    const again = await rpc('promise.create', { id, timeoutAt: timeoutAt + 1 }, 'c2');
    expect(again.json).toMatchObject({ head: { status: 200 }, data: { promise: { id, timeoutAt } } }); // idempotent: the existing promise

    const found = await rpc('promise.get', { id }, 'g2');
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ data: { promise: { id, state: 'pending' } } });

    const settled = await rpc('promise.settle', { id, state: 'resolved' }, 's1'); // no value: the server defaults it
    expect(settled.status).toBe(200);
    expect(settled.json).toMatchObject({ data: { promise: { id, state: 'resolved', value: {} } } });

    const after = await rpc('promise.get', { id }, 'g3');
    expect(after.json).toMatchObject({ head: { corrId: 'g3', status: 200, version: '2026-04-01' }, data: { promise: { state: 'resolved' } } });
  });

  it('answers the version the Rust server answers, whatever the model echoes', async () => {
    const a = await rpc('task.get', { id: 'none' });
    expect(a.json).toMatchObject({ head: { version: '2026-04-01', status: 404 }, data: 'Task not found' });
  });

  it('gives data the model cannot handle a 400 Invalid request, never a 500', async () => {
    expect((await rpc('promise.get', { id: 5 })).json).toMatchObject({ head: { status: 400 }, data: 'Invalid request: invalid type: integer `5`, expected a string' });
    expect((await rpc('promise.create', { id: 'x' })).json).toMatchObject({ data: 'Invalid request: missing field `timeoutAt`' });
    const hostile = [
      { kind: 'task.suspend', data: { id: 't', version: 1, actions: [{ kind: 'promise.register_callback', head: {}, data: { awaited: 'a', awaiter: 't' } }] } },
      { kind: 'task.fence', data: { id: 't', version: 1, action: { kind: 'promise.create', data: { id: 'f', timeoutAt: 1 } } } },
      { kind: 'task.create', data: { pid: 'p', ttl: 1000, action: { kind: 'promise.create', head: {}, data: { id: 'tc', timeoutAt: Date.now() + 60_000, tags: { 'resonate:target': 'poll://any@default' } } } } },
      { kind: 'task.create', data: { pid: 'p', ttl: 1000, action: { kind: 'promise.create', head: {}, data: { id: 'tc', timeoutAt: 1, tags: { 'resonate:target': 'poll://any@default' } } } } },
      { kind: 'task.heartbeat', data: { pid: 'p', tasks: [{ id: 'tc', version: 1 }] } },
      { kind: 'schedule.create', data: { id: 's', cron: 'not a cron', promiseId: 'x', promiseTimeout: 1 } },
      { kind: 'schedule.create', data: { id: 's', cron: '* * * * *', promiseId: 'x', promiseTimeout: 1, promiseTags: { 'resonate:target': 'poll://any@default' } } },
      { kind: 'promise.search', data: {} },
      { kind: 'promise.create', data: { id: 'x2', timeoutAt: 1, param: null, tags: null } },
      { kind: 'promise.settle', data: { id: 'x2', state: 'rejected', value: { headers: null } } },
    ];
    for (const h of hostile) {
      const a = await rpc(h.kind, h.data);
      expect(a.status, `${a.status} for ${JSON.stringify(h)}`).toBeLessThan(500);
      expect(a.json, JSON.stringify(h)).toMatchObject({ kind: h.kind, head: { status: a.status } });
    }
    // Searches answer as the server's do (the SDK's model answered 501).
    expect((await rpc('promise.search', { tags: { absent: 'tag' } })).json).toMatchObject({ head: { status: 200 }, data: { promises: [] } });
  });

  it('answers other methods, paths and sizes like the real server', async () => {
    const get = await fetch(`${base}/resonate`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const legacy = await fetch(`${base}/resonate/promises/order-42`);
    expect(legacy.status).toBe(410);
    expect(await legacy.json()).toEqual({ error: 'This endpoint is no longer supported. Please update to the latest SDK.' });
    expect((await fetch(`${base}/resonate/health`)).status).toBe(200);
    const postHealth = await fetch(`${base}/resonate/health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(postHealth.status).toBe(405);
    expect(postHealth.headers.get('allow')).toBe('GET,HEAD');
    expect((await fetch(`${base}/resonate/nope`)).status).toBe(404);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(418); // not ours: next()
    expect((await fetch(`${base}/resonatex`)).status).toBe(418);
    const info = await fetch(`${base}/resonate/info`);
    expect(await info.json()).toEqual({ server: 'embedded', model: MODEL_DESCRIPTION, protocol: '2026-04-01', debug: false });
    const big = await post(JSON.stringify({ kind: 'promise.get', head: head('c'), data: { id: 'x'.repeat(3 * 1024 * 1024) } }));
    expect(big.status).toBe(413);
    expect(big.text).toBe('Failed to buffer the request body: length limit exceeded');
    // The server keeps answering afterwards.
    expect((await rpc('promise.get', { id: 'still-up' })).status).toBe(404);
  });

  it('refuses other origins and non-JSON posts itself, whatever server mounts it', async () => {
    const body = JSON.stringify({ kind: 'promise.create', head: head('x'), data: { id: 'mounted-elsewhere', timeoutAt: Date.now() + 60_000 } });
    const cross = await fetch(`${base}/resonate`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost:1' }, body });
    expect(cross.status).toBe(403);
    expect(cross.headers.get('x-resonate-inspector-server')).toBe('embedded');
    const plain = await fetch(`${base}/resonate`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    expect(plain.status).toBe(415);
    expect((await rpc('promise.get', { id: 'mounted-elsewhere' })).status).toBe(404);
  });

  it('works with the replay client, and a token in head.auth is accepted (auth is not checked)', async () => {
    const client = createReplayClient({ baseUrl: `${base}/resonate`, fetch: (i, init) => fetch(i, init), token: 'eyJ.x.y' });
    const r = await client.send({ kind: 'schedule.get', head: head('r1'), data: { id: 'nightly' } });
    expect(r).toMatchObject({ ok: true, status: 404, answeredBy: 'embedded', envelope: { data: 'Schedule not found' }, notes: [] });
  });
});

describe('answer', () => {
  const ok = JSON.stringify({ kind: 'promise.get', head: head('c-9'), data: { id: 'x' } });
  it('turns a model that throws into 400 Invalid request', () => {
    const throwing: EmbeddedModel = {
      description: 'test',
      apply: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'resonate:target')");
      },
    };
    expect(answer(ok, throwing, null, false, Date.now)).toEqual({
      status: 400,
      envelope: {
        kind: 'promise.get',
        head: { corrId: 'c-9', status: 400, version: '2026-04-01' },
        data: "Invalid request: the in-memory model could not handle this data (Cannot read properties of undefined (reading 'resonate:target'))",
      },
    });
  });
  it('says so when the model could not be created', () => {
    expect(answer(ok, null, 'no server model', false, Date.now)).toMatchObject({ status: 503, envelope: { data: 'The embedded Resonate model is unavailable: no server model' } });
  });
});

describe('answer with debug on (RESONATE_EMBEDDED_DEBUG=true, as `resonate dev --debug`)', () => {
  const env = (kind: string, data: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ kind, head: { corrId: 'd', version: '2026-04-01', ...extra }, data });
  it('runs debug operations, and runs an operation at head["resonate:debug_time"] only then', () => {
    const model = createEmbeddedModel();
    const clock = () => 1_900_000_000_000;
    expect(answer(env('debug.start', {}), model, null, true, clock)).toMatchObject({ status: 200, envelope: { data: {} } });
    const at = answer(env('promise.create', { id: 'dt', timeoutAt: 5000 }, { 'resonate:debug_time': 1000 }), model, null, true, clock);
    expect(at.envelope).toMatchObject({ data: { promise: { state: 'pending', createdAt: 1000 } } });
    const off = answer(env('promise.create', { id: 'dt2', timeoutAt: 5000 }, { 'resonate:debug_time': 1000 }), createEmbeddedModel(), null, false, clock);
    expect(off.envelope).toMatchObject({ data: { promise: { state: 'rejected_timedout' } } }); // debug off: the header is ignored
    expect(answer(env('debug.tick', { time: 6000 }), model, null, true, clock)).toMatchObject({ status: 200, envelope: { data: [] } });
    expect(answer(env('debug.snap', {}), model, null, true, clock).envelope).toMatchObject({ data: { promises: [{ id: 'dt', state: 'rejected_timedout' }] } });
  });
});

describe('parseTarget', () => {
  it('reads RESONATE_URL', () => {
    expect(parseTarget('http://localhost:8001/')).toEqual({ ok: true, target: 'http://localhost:8001' });
    expect(parseTarget('localhost:8001')).toEqual({ ok: true, target: 'http://localhost:8001' });
    expect(parseTarget('https://resonate.example/api/')).toEqual({ ok: true, target: 'https://resonate.example/api' });
    expect(parseTarget('ftp://x')).toMatchObject({ ok: false });
    expect(parseTarget('http://u:p@x')).toMatchObject({ ok: false });
    expect(parseTarget('http://[bad')).toMatchObject({ ok: false });
  });
});
