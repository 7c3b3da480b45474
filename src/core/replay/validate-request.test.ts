import type { Request as ProtocolRequest } from '@resonatehq/sdk';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { KINDS, PROTOCOL_VERSION as DECODE_PROTOCOL_VERSION } from '../decode/envelope';
import { DATA_FIELDS, PROTOCOL_VERSION, isKind, type Kind } from './request-schema';
import { validateRequest, validateRequestText } from './validate-request';

const head = { corrId: 'c-1', version: '2026-04-01' };
const req = (kind: string, data: unknown, h: unknown = head): unknown => ({ kind, head: h, data });
const errorsOf = (json: unknown): string[] => {
  const r = validateRequest(json);
  return r.ok ? [] : r.errors;
};

describe('the schema follows @resonatehq/sdk', () => {
  it('covers exactly the 26 kinds of the SDK request types', () => {
    expectTypeOf<Kind>().toEqualTypeOf<ProtocolRequest['kind']>();
    expect(Object.keys(DATA_FIELDS).sort()).toEqual([...KINDS].sort());
    expect(KINDS).toHaveLength(26);
    expect(PROTOCOL_VERSION).toBe(DECODE_PROTOCOL_VERSION);
    expect(isKind('constructor')).toBe(false);
    expect(isKind('__proto__')).toBe(false);
  });
});

describe('validateRequest', () => {
  it('accepts a well-formed request of each common kind', () => {
    const ok = [
      req('promise.get', { id: 'order-42' }),
      req('promise.create', { id: 'order-42', timeoutAt: 1_777_420_000_000 }),
      req('promise.create', { id: 'order-42', timeoutAt: 1, param: { headers: { a: 'b' }, data: 'eyJ4IjoxfQ==' }, tags: { 'resonate:target': 'poll://any@default' } }),
      req('promise.settle', { id: 'order-42', state: 'rejected_canceled' }),
      req('promise.search', {}),
      req('task.acquire', { id: 't', version: 0, pid: 'p', ttl: 1000 }),
      req('task.suspend', { id: 't', version: 1, actions: [{ kind: 'promise.register_callback', head: {}, data: { awaited: 'a', awaiter: 't' } }] }),
      req('task.fence', { id: 't', version: 1, action: { kind: 'promise.settle', data: { id: 'c', state: 'resolved' } } }),
      req('schedule.create', { id: 's', cron: '* * * * *', promiseId: '{{.id}}', promiseTimeout: 0 }),
      req('debug.tick', { time: 5 }),
      req('debug.snap', {}),
    ];
    for (const json of ok) expect(validateRequest(json), JSON.stringify(json)).toMatchObject({ ok: true });
  });

  it('names a missing required field with what it should hold', () => {
    expect(errorsOf(req('promise.create', { id: 'order-42' }))).toEqual(['data.timeoutAt is missing (absolute time, Unix epoch ms)']);
  });

  it('rejects a number sent as a string, a fractional number, an object as a payload', () => {
    expect(errorsOf(req('promise.create', { id: 'x', timeoutAt: '1777420000000' }))[0]).toMatch(/data\.timeoutAt must be an integer, not the string/);
    expect(errorsOf(req('promise.create', { id: 'x', timeoutAt: 1.5 }))[0]).toMatch(/fractional number 1\.5/);
    expect(errorsOf(req('promise.create', { id: 'x', timeoutAt: 1, param: { data: { a: 1 } } }))[0]).toMatch(/data\.param\.data must be a string \(the SDKs send base64-encoded JSON\)/);
    expect(errorsOf(req('promise.create', { id: 'x', timeoutAt: 1, tags: { n: 3 } }))[0]).toMatch(/data\.tags\.n must be a string/);
  });

  it('rejects a bad enum value with the allowed ones', () => {
    expect(errorsOf(req('promise.settle', { id: 'x', state: 'fulfilled' }))).toEqual(['data.state must be one of resolved, rejected, rejected_canceled, not "fulfilled"']);
  });

  it("applies the server's validation rules and struct rules", () => {
    expect(errorsOf(req('promise.get', { id: '' }))).toEqual(['data.id: Promise ID is required']);
    expect(errorsOf(req('promise.create', { id: 'x', timeoutAt: -1 }))).toEqual(['data.timeoutAt: TimeoutAt must be a non-negative integer']);
    expect(errorsOf(req('promise.register_callback', { awaited: 'a', awaiter: 'a' }))).toEqual(['data.awaiter: Awaited and awaiter must be different promises']);
    expect(errorsOf(req('task.suspend', { id: 't', version: 1, actions: [] }))).toEqual(['data.actions: Actions array cannot be empty']);
    expect(errorsOf(req('task.create', { pid: 'p', ttl: 1, action: { kind: 'promise.create', head: {}, data: { id: 'x', timeoutAt: 1 } } }))).toEqual([
      'data.action.data.tags: Action must have a resonate:target tag',
    ]);
    expect(errorsOf(req('promise.create', { id: 'x', timeoutAt: 1, tags: { 'resonate:target': 'local://uni@g/p' } }))).toEqual([
      'data.tags["resonate:target"]: Invalid resonate:target address',
    ]);
    expect(errorsOf(req('task.search', { limit: 5000 }))).toEqual(["data.limit: Invalid 'limit' — must be between 1 and 1000"]);
  });

  it('checks the fenced action', () => {
    expect(errorsOf(req('task.fence', { id: 't', version: 1, action: { kind: 'promise.get', data: { id: 'x' } } }))[0]).toMatch(/promise\.create or promise\.settle, not promise\.get/);
    expect(errorsOf(req('task.fence', { id: 't', version: 1, action: { kind: 'promise.create', data: { id: 'x' } } }))).toEqual([
      'data.action.data.timeoutAt is missing (absolute time, Unix epoch ms)',
    ]);
  });

  it('checks kind, head and data', () => {
    expect(errorsOf(req('promises.get', { id: 'x' }))[0]).toMatch(/docs' spelling: the server's kind is "promise.get"/);
    expect(errorsOf(req('promise.resolve', { id: 'x' }))[0]).toMatch(/not an operation/);
    expect(errorsOf(req('', { id: 'x' }))[0]).toMatch(/kind is missing/);
    expect(errorsOf(req('promise.get', { id: 'x' }, { corrId: 'c', version: '0.9.5' }))[0]).toMatch(/"0.9.5" is not supported/);
    expect(errorsOf(req('promise.get', { id: 'x' }, { version: '2026-04-01' }))[0]).toMatch(/head\.corrId must be a string/);
    expect(errorsOf(req('promise.get', 'order-42'))[0]).toMatch(/data must be an object, not a string/);
    expect(errorsOf({ kind: 'promise.get', head })[0]).toMatch(/data is missing/);
  });

  it('warns about fields the server ignores', () => {
    const r = validateRequest({ kind: 'promise.create', corrId: 'x', head, data: { id: 'x', timeoutAt: 5, timeout: 5 } });
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      'corrId belongs inside head (head.corrId); the top-level one is ignored.',
      'data.timeout is a legacy field the server ignores; promise.create uses timeoutAt (absolute epoch ms).',
    ]);
  });

  it('never throws on hostile input', () => {
    const hostile: unknown[] = [
      null,
      undefined,
      42,
      'text',
      [],
      [{ kind: 'promise.get' }],
      { kind: 5, head: [], data: null },
      { kind: 'task.suspend', head, data: { id: 't', version: 1, actions: [null, 5, { data: null }] } },
      { kind: 'task.heartbeat', head, data: { pid: 'p', tasks: 'all' } },
      new Proxy({}, { get: () => { throw new Error('boom'); } }),
    ];
    for (const h of hostile) {
      const r = validateRequest(h);
      expect(r.ok).toBe(false);
    }
  });

  it('reads editor text, JSON errors included', () => {
    expect(validateRequestText('{"kind":')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^Not valid JSON/)] });
    expect(validateRequestText(JSON.stringify(req('task.get', { id: 't' })))).toMatchObject({ ok: true });
  });
});
