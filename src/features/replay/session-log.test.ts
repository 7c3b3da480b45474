import { describe, expect, it } from 'vitest';
import { clockTime, logEntries, requestLabel, serverText, toSendState, type ReplayVariables } from './session-log';

const vars = (id: string): ReplayVariables => ({
  request: { kind: 'promise.get', head: { corrId: 'c', version: '2026-04-01' }, data: { id } },
  before: null,
  title: 'Promise not found',
  server: { url: '/resonate', label: 'Embedded model' },
  timeoutMs: 10_000,
});

describe('logEntries', () => {
  it('lists the replays newest first, and sends of the same millisecond by their order', () => {
    const entries = logEntries([
      toSendState(1, { status: 'success', submittedAt: 1000, variables: vars('a'), data: undefined, error: null }),
      toSendState(3, { status: 'pending', submittedAt: 2000, variables: vars('c'), data: undefined, error: null }),
      toSendState(2, { status: 'success', submittedAt: 2000, variables: vars('b'), data: undefined, error: null }),
    ]);
    expect(entries.map((e) => requestLabel(e.variables.request))).toEqual(['promise.get c', 'promise.get b', 'promise.get a']);
  });

  it('skips what is not a replay, and keeps an error’s message', () => {
    const entries = logEntries([
      toSendState(1, { status: 'idle', submittedAt: 0, variables: { something: 'else' }, data: undefined, error: null }),
      toSendState(2, { status: 'error', submittedAt: 5, variables: vars('x'), data: { not: 'a result' }, error: new Error('boom') }),
    ]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ status: 'error', error: 'boom', result: null });
  });
});

describe('requestLabel and clockTime', () => {
  it('name the request by kind and id', () => {
    expect(requestLabel(vars('order-42').request)).toBe('promise.get order-42');
    expect(requestLabel({ kind: 'promise.register_callback', head: { corrId: '', version: '' }, data: { awaited: 'p', awaiter: 't' } })).toBe('promise.register_callback p');
    expect(requestLabel({ kind: 'task.heartbeat', head: { corrId: '', version: '' }, data: {} })).toBe('task.heartbeat');
    expect(serverText({ url: '/resonate', label: 'Embedded model' })).toBe('Embedded model (/resonate)');
    expect(serverText({ url: 'http://localhost:8001', label: 'localhost:8001' })).toBe('http://localhost:8001');
    expect(clockTime(new Date(2026, 4, 1, 9, 5, 7).getTime())).toBe('09:05:07');
  });
});
