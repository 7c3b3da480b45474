import { describe, expect, it } from 'vitest';
import { decodePayload, decodeRecord, recordsOf } from './decode-record';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

describe('decodePayload', () => {
  it('decodes base64 JSON, as the SDKs send it', () => {
    expect(decodePayload(b64('{"order":42,"items":["a"]}'))).toEqual({
      kind: 'json',
      value: { order: 42, items: ['a'] },
      text: '{\n  "order": 42,\n  "items": [\n    "a"\n  ]\n}',
    });
  });

  it('shows base64 text that is not JSON as text, including non-ASCII', () => {
    expect(decodePayload(b64('héllo — wörld'))).toEqual({ kind: 'text', text: 'héllo — wörld' });
  });

  it('shows bytes that are not UTF-8 text as binary', () => {
    expect(decodePayload(Buffer.from([0xff, 0xfe, 0x00, 0x01]).toString('base64'))).toEqual({ kind: 'binary', base64: '//4AAQ==', bytes: 4 });
    expect(decodePayload(Buffer.from([0x01, 0x02, 0x03]).toString('base64'))).toMatchObject({ kind: 'binary' });
  });

  it('shows a string that is not base64 as it is', () => {
    expect(decodePayload('hello world!')).toEqual({ kind: 'raw', text: 'hello world!' });
    expect(decodePayload('abc')).toEqual({ kind: 'raw', text: 'abc' });
  });

  it('handles empty and non-string data', () => {
    expect(decodePayload(undefined)).toEqual({ kind: 'empty' });
    expect(decodePayload('')).toEqual({ kind: 'empty' });
    expect(decodePayload({ a: 1 })).toEqual({ kind: 'json', value: { a: 1 }, text: '{\n  "a": 1\n}' });
  });
});

describe('decodeRecord', () => {
  it('reads a promise record', () => {
    const r = decodeRecord({
      id: 'order-42',
      state: 'resolved',
      param: { headers: { h: 'v' }, data: b64('{"amount":5}') },
      value: { data: b64('"done"') },
      tags: { 'resonate:target': 'poll://any@default' },
      timeoutAt: Date.UTC(2026, 4, 1, 11),
      createdAt: Date.UTC(2026, 4, 1, 10),
      settledAt: Date.UTC(2026, 4, 1, 10, 30),
    });
    expect(r).toEqual({
      type: 'promise',
      id: 'order-42',
      state: 'resolved',
      timeoutAt: { ms: Date.UTC(2026, 4, 1, 11), iso: '2026-05-01T11:00:00.000Z' },
      createdAt: { ms: Date.UTC(2026, 4, 1, 10), iso: '2026-05-01T10:00:00.000Z' },
      settledAt: { ms: Date.UTC(2026, 4, 1, 10, 30), iso: '2026-05-01T10:30:00.000Z' },
      tags: { 'resonate:target': 'poll://any@default' },
      param: { headers: { h: 'v' }, data: { kind: 'json', value: { amount: 5 }, text: '{\n  "amount": 5\n}' } },
      value: { headers: {}, data: { kind: 'json', value: 'done', text: '"done"' } },
    });
  });

  it('reads a pending promise without settledAt, and an out-of-range time', () => {
    const r = decodeRecord({ id: 'p', state: 'pending', param: {}, value: {}, tags: {}, timeoutAt: 9e18, createdAt: 1 });
    expect(r).toMatchObject({ type: 'promise', settledAt: null, timeoutAt: { ms: 9e18, iso: null } });
  });

  it('reads task records from the Rust server and from LocalNetwork', () => {
    expect(decodeRecord({ id: 't', state: 'acquired', version: 2, resumes: 0, ttl: 60000, pid: 'w1' })).toEqual({
      type: 'task',
      id: 't',
      state: 'acquired',
      version: 2,
      resumes: 0,
      ttl: 60000,
      pid: 'w1',
    });
    expect(decodeRecord({ id: 't', state: 'pending', version: 0, resumes: ['a'] })).toMatchObject({ resumes: ['a'], ttl: null, pid: null });
  });

  it('reads a schedule record', () => {
    expect(
      decodeRecord({ id: 's', cron: '* * * * *', promiseId: '{{.id}}', promiseTimeout: 1000, promiseParam: {}, promiseTags: {}, createdAt: 0, nextRunAt: 60000 }),
    ).toMatchObject({ type: 'schedule', cron: '* * * * *', promiseTimeoutMs: 1000, nextRunAt: { iso: '1970-01-01T00:01:00.000Z' }, lastRunAt: null });
  });

  it('keeps anything else as text', () => {
    expect(decodeRecord('x')).toEqual({ type: 'unknown', text: '"x"' });
    expect(decodeRecord({ a: 1 })).toEqual({ type: 'unknown', text: '{\n  "a": 1\n}' });
  });
});

describe('recordsOf', () => {
  it('lists the records of a response: task first, then promise; search results; a fence inner answer', () => {
    const task = { id: 't', state: 'acquired', version: 1, resumes: 0 };
    const promise = { id: 't', state: 'pending', param: {}, value: {}, tags: {}, timeoutAt: 1, createdAt: 0 };
    expect(recordsOf({ promise, task, preload: [] }).map((r) => r.type)).toEqual(['task', 'promise']);
    expect(recordsOf({ promises: [promise, promise], cursor: 'x' })).toHaveLength(2);
    expect(recordsOf({ action: { kind: 'promise.create', head: { status: 200 }, data: { promise } } }).map((r) => r.type)).toEqual(['promise']);
    expect(recordsOf('Promise not found')).toEqual([]);
  });
});
