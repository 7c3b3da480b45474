import { describe, expect, it } from 'vitest';
import { checkRequest, dataProblem, withDefaults } from './envelope-checks';

const head = { corrId: 'c-1', version: '2026-04-01' };
const body = (v: unknown): string => JSON.stringify(v);
const rejected = (text: string, debug = false): { status: number; kind: string; corrId: string; data: string } => {
  const r = checkRequest(text, { debug });
  if (r.ok) throw new Error(`accepted: ${text}`);
  return { status: r.status, kind: r.envelope.kind, corrId: r.envelope.head.corrId, data: r.envelope.data };
};

describe('checkRequest: the Rust server’s order (server-protocol.md §3)', () => {
  it('1. an envelope serde cannot read: 400, echoing kind and corrId when the raw JSON has them', () => {
    expect(rejected('kind=promise.get&id=1')).toEqual({ status: 400, kind: 'unknown', corrId: '0', data: 'Invalid request envelope: expected value at line 1 column 1' });
    // serde reads `n` as the start of null: "not json" fails on the o.
    expect(rejected('not json').data).toBe('Invalid request envelope: expected ident at line 1 column 2');
    expect(rejected('{"kind":"promise.get","head":{"corrId":"c-17"},"data":{"id":"order-42"}}')).toEqual({
      status: 400,
      kind: 'promise.get',
      corrId: 'c-17',
      data: 'Invalid request envelope: missing field `version` at line 1 column 46',
    });
    // A corrId that is not a string becomes "0".
    expect(rejected('{"kind":"promise.get","head":{"corrId":42,"version":"2026-04-01"},"data":{}}')).toMatchObject({ kind: 'promise.get', corrId: '0' });
    expect(rejected('{"kind":"promise.get","corrId":"c","data":{}}').data).toBe('Invalid request envelope: missing field `head` at line 1 column 45');
  });

  it('2. an empty kind', () => {
    expect(rejected(body({ kind: '', head, data: {} }))).toEqual({ status: 400, kind: '', corrId: 'c-1', data: "Missing or invalid 'kind' field — must be a non-empty string" });
  });

  it('3. data that is not an object — before the version check', () => {
    expect(rejected(body({ kind: 'promise.get', head: { corrId: 'c', version: 'bad' }, data: 'order-42' })).data).toBe("Invalid 'data' field — must be an object");
    expect(rejected(body({ kind: 'promise.get', head, data: null })).data).toBe("Invalid 'data' field — must be an object");
    expect(rejected(body({ kind: 'promise.get', head, data: [] })).data).toBe("Invalid 'data' field — must be an object");
  });

  it('4. an unsupported version — before the kind is looked up', () => {
    expect(rejected(body({ kind: 'promises.get', head: { corrId: 'c', version: '0.9.5' }, data: {} })).data).toBe(
      `Unsupported protocol version '0.9.5', supported versions: ["2026-04-01"]`,
    );
  });

  it('6. debug kinds while debug is off (403), unknown kinds (400)', () => {
    expect(rejected(body({ kind: 'debug.reset', head, data: {} }))).toMatchObject({ status: 403, data: 'Debug operations are disabled' });
    expect(checkRequest(body({ kind: 'debug.reset', head, data: {} }), { debug: true }).ok).toBe(true);
    expect(rejected(body({ kind: 'promises.get', head, data: { id: 'x' } }))).toMatchObject({ status: 400, kind: 'promises.get', data: 'Unknown operation: promises.get' });
    expect(rejected(body({ kind: 'debug.nope', head, data: {} }))).toMatchObject({ status: 400, data: 'Unknown operation: debug.nope' });
  });

  it('7. the operation’s data: serde types, then validation rules, then semantic checks', () => {
    const d = (kind: string, data: unknown): string => rejected(body({ kind, head, data })).data;
    expect(d('promise.create', { id: 'x' })).toBe('Invalid request: missing field `timeoutAt`');
    expect(d('promise.get', { id: 5 })).toBe('Invalid request: invalid type: integer `5`, expected a string');
    expect(d('promise.create', { id: 'x', timeoutAt: '1777420000000' })).toBe('Invalid request: invalid type: string "1777420000000", expected i64');
    expect(d('promise.create', { id: 'x', timeoutAt: 1777420312345.5 })).toBe('Invalid request: invalid type: floating point `1777420312345.5`, expected i64');
    expect(d('promise.create', { id: 'x', timeoutAt: 1, param: { data: { a: 1 } } })).toBe('Invalid request: invalid type: map, expected a string');
    expect(d('promise.create', { id: 'x', timeoutAt: 1, tags: { n: 3 } })).toBe('Invalid request: invalid type: integer `3`, expected a string');
    expect(d('promise.settle', { id: 'x', state: 'fulfilled' })).toBe('Invalid request: unknown variant `fulfilled`, expected one of `resolved`, `rejected`, `rejected_canceled`');
    expect(d('task.search', { state: 'claimed' })).toBe(
      'Invalid request: unknown variant `claimed`, expected one of `pending`, `acquired`, `suspended`, `halted`, `fulfilled`',
    );
    expect(d('promise.get', { id: '' })).toBe('Promise ID is required');
    expect(d('task.acquire', { id: '', version: -1, pid: 'p', ttl: 0 })).toBe('Task ID is required; Version must be a non-negative integer; TTL must be a positive integer');
    expect(d('promise.register_callback', { awaited: 'a', awaiter: 'a' })).toBe('Awaited and awaiter must be different promises');
    expect(d('promise.create', { id: 'x', timeoutAt: 1, tags: { 'resonate:target': 'default' } })).toBe('Invalid resonate:target address');
    expect(d('promise.register_listener', { awaited: 'x', address: 'local://uni@g/p' })).toBe('Invalid listener address');
    expect(d('promise.search', { limit: 1001 })).toBe("Invalid 'limit' — must be between 1 and 1000");
    expect(d('task.fence', { id: 't', version: 1, action: { kind: 'promise.get', data: {} } })).toBe('Invalid fence action kind');
    expect(d('task.fence', { id: 't', version: 1, action: { kind: 'promise.create', data: { id: 'x' } } })).toBe('Invalid action data: missing field `timeoutAt`');
    expect(d('debug.tick', { time: 'now' })).not.toBe(''); // gated first: 403
  });

  it('passes a good request on, with the defaults the model needs', () => {
    const r = checkRequest(body({ kind: 'promise.create', head: { ...head, auth: 'tok' }, data: { id: 'x', timeoutAt: 5 } }));
    expect(r).toEqual({
      ok: true,
      kind: 'promise.create',
      corrId: 'c-1',
      request: { kind: 'promise.create', head: { corrId: 'c-1', version: '2026-04-01', auth: 'tok' }, data: { id: 'x', timeoutAt: 5, param: {}, tags: {} } },
    });
  });

  it('reads the array form of an envelope, as serde does', () => {
    expect(checkRequest('["promise.get",{"corrId":"c","version":"2026-04-01"},{"id":"x"}]')).toMatchObject({ ok: true, kind: 'promise.get', corrId: 'c' });
  });
});

describe('dataProblem for debug.tick (with debug on)', () => {
  it("says 'Missing or invalid 'time' field'", () => {
    expect(dataProblem('debug.tick', {})).toBe("Missing or invalid 'time' field");
    expect(dataProblem('debug.tick', { time: 1.5 })).toBe("Missing or invalid 'time' field");
    expect(dataProblem('debug.tick', { time: 5 })).toBeNull();
  });
});

describe('withDefaults', () => {
  it('fills what the Rust server defaults and leaves the input alone', () => {
    const data = { id: 't', version: 1, action: { kind: 'promise.settle', data: { id: 'p', state: 'resolved', value: null } } };
    expect(withDefaults('task.fence', data, head)).toEqual({
      id: 't',
      version: 1,
      action: { kind: 'promise.settle', head: { corrId: 'c-1', version: '2026-04-01' }, data: { id: 'p', state: 'resolved', value: {} } },
    });
    expect(data.action.data.value).toBeNull();
    expect(withDefaults('schedule.create', { id: 's' }, head)).toEqual({ id: 's', promiseParam: {}, promiseTags: {} });
  });
});
