// The server model's rules that the recorded session does not show: searches (filters, limits, cursors), lazy
// time-outs, the 300 of a suspend on a settled promise, a task's lease running out, schedules firing, debug mode.
import { describe, expect, it } from 'vitest';
import type { ReplayRequest } from '../core/replay/request-schema';
import { ServerModel } from './server-model';

const T0 = 1_800_000_000_000;
const req = (kind: string, data: Record<string, unknown>): ReplayRequest => ({ kind, head: { corrId: 'c', version: '2026-04-01' }, data }) as ReplayRequest;
const target = { 'resonate:target': 'poll://any@default' };

function model(): { m: ServerModel; run: (kind: string, data: Record<string, unknown>, now?: number) => { status: number; data: unknown } } {
  const m = new ServerModel();
  return { m, run: (kind, data, now = T0) => m.apply(req(kind, data), now) };
}

describe('ServerModel', () => {
  it('searches promises by state and tags, a page at a time, with the last id as the cursor', () => {
    const { run } = model();
    for (const id of ['b', 'a', 'c', 'd']) run('promise.create', { id, timeoutAt: T0 + 60_000, tags: { env: id === 'd' ? 'prod' : 'test' } });
    run('promise.settle', { id: 'c', state: 'resolved', value: {} });
    const first = run('promise.search', { state: 'pending', tags: { env: 'test' }, limit: 1 });
    expect(first).toMatchObject({ status: 200, data: { promises: [{ id: 'a' }], cursor: 'a' } });
    const second = run('promise.search', { state: 'pending', tags: { env: 'test' }, limit: 1, cursor: 'a' });
    expect(second.data).toEqual({ promises: [expect.objectContaining({ id: 'b' })] }); // no more: no cursor
    expect(run('promise.search', { tags: { env: 'prod' } }).data).toMatchObject({ promises: [{ id: 'd' }] });
  });

  it('pages schedules ten at a time by default, and tasks by state', () => {
    const { run } = model();
    for (let i = 0; i < 12; i++) run('schedule.create', { id: `s${String(i).padStart(2, '0')}`, cron: '0 * * * *', promiseId: 'p{{.timestamp}}', promiseTimeout: 1000 });
    const page = run('schedule.search', {}).data as { schedules: unknown[]; cursor?: string };
    expect(page.schedules).toHaveLength(10);
    expect(page.cursor).toBe('s09');
    run('promise.create', { id: 't1', timeoutAt: T0 + 60_000, tags: target });
    expect(run('task.search', { state: 'pending' }).data).toEqual({ tasks: [{ id: 't1', resumes: 0, state: 'pending', version: 0 }] });
    expect(run('task.search', { state: 'acquired' }).data).toEqual({ tasks: [] });
  });

  it('times a promise out when it is next touched, at its timeoutAt; a timer resolves instead', () => {
    const { run } = model();
    run('promise.create', { id: 'p', timeoutAt: T0 + 500 });
    run('promise.create', { id: 'timer', timeoutAt: T0 + 500, tags: { 'resonate:timer': 'true' } });
    // Within the background loop's interval, a search does not settle it; a get does.
    expect(run('promise.search', { state: 'pending' }, T0 + 600).data).toMatchObject({ promises: [{ id: 'p' }, { id: 'timer' }] });
    expect(run('promise.get', { id: 'p' }, T0 + 700).data).toMatchObject({ promise: { state: 'rejected_timedout', settledAt: T0 + 500 } });
    expect(run('promise.settle', { id: 'timer', state: 'rejected', value: {} }, T0 + 800).data).toMatchObject({ promise: { state: 'resolved', settledAt: T0 + 500 } });
  });

  it('answers 300 with preload when a suspend awaits a settled promise, and 422 when one is missing', () => {
    const { run } = model();
    run('task.create', { pid: 'w', ttl: 60_000, action: { kind: 'promise.create', head: {}, data: { id: 'root', timeoutAt: T0 + 60_000, tags: { ...target, 'resonate:branch': 'root' } } } });
    run('task.fence', { id: 'root', version: 1, action: { kind: 'promise.create', head: {}, data: { id: 'root.1', timeoutAt: T0 + 60_000, tags: { 'resonate:branch': 'root' } } } });
    run('promise.settle', { id: 'root.1', state: 'resolved', value: { data: 'MQ==' } });
    const awaiting = (awaited: string) => ({ id: 'root', version: 1, actions: [{ kind: 'promise.register_callback', head: {}, data: { awaited, awaiter: 'root' } }] });
    expect(run('task.suspend', awaiting('root.nope'))).toEqual({ status: 422, data: 'Awaited promise not found' });
    const r = run('task.suspend', awaiting('root.1'));
    expect(r.status).toBe(300);
    expect(r.data).toMatchObject({ preload: [{ id: 'root.1', state: 'resolved' }] });
    expect(run('task.get', { id: 'root' }).data).toMatchObject({ task: { state: 'acquired', version: 1, pid: 'w', ttl: 60_000 } });
  });

  it('gives a task back to pending when its lease runs out, so another worker can acquire it', () => {
    const { run } = model();
    run('task.create', { pid: 'w1', ttl: 1000, action: { kind: 'promise.create', head: {}, data: { id: 'job', timeoutAt: T0 + 600_000, tags: target } } });
    expect(run('task.acquire', { id: 'job', version: 1, pid: 'w2', ttl: 1000 }, T0 + 500)).toEqual({ status: 409, data: 'Task is not pending' });
    expect(run('task.get', { id: 'job' }, T0 + 2000).data).toEqual({ task: { id: 'job', resumes: 0, state: 'pending', version: 1 } });
    expect(run('task.acquire', { id: 'job', version: 1, pid: 'w2', ttl: 1000 }, T0 + 2001)).toMatchObject({ status: 200, data: { task: { version: 2, pid: 'w2' } } });
    expect(run('task.fulfill', { id: 'job', version: 1, action: { kind: 'promise.settle', head: {}, data: { id: 'job', state: 'resolved', value: {} } } }, T0 + 2002)).toEqual({
      status: 409,
      data: 'Task version mismatch or invalid state',
    });
  });

  it('fires a schedule at its next run: a promise from the template, tagged with the schedule', () => {
    const { run } = model();
    const start = Date.UTC(2027, 0, 1, 10, 30);
    const s = run('schedule.create', { id: 'hourly', cron: '0 * * * *', promiseId: '{{.id}}.{{.timestamp}}', promiseTimeout: 60_000 }, start);
    const fire = Date.UTC(2027, 0, 1, 11, 0);
    expect(s.data).toMatchObject({ schedule: { nextRunAt: fire } });
    expect(run('schedule.get', { id: 'hourly' }, fire + 5000).data).toMatchObject({ schedule: { lastRunAt: fire, nextRunAt: Date.UTC(2027, 0, 1, 12, 0) } });
    expect(run('promise.get', { id: `hourly.${fire}` }, fire + 5001).data).toMatchObject({ promise: { state: 'pending', createdAt: fire, timeoutAt: fire + 60_000, tags: { 'resonate:schedule': 'hourly' } } });
    expect(run('schedule.create', { id: 'bad', cron: '@daily', promiseId: 'x', promiseTimeout: 1 })).toEqual({ status: 400, data: 'Invalid cron expression' });
  });

  it('pauses the background loop on debug.start; debug.tick moves time, debug.reset wipes, debug.snap shows the tables', () => {
    const { run } = model();
    run('debug.start', {});
    run('promise.create', { id: 'p', timeoutAt: T0 + 10, tags: target });
    expect(run('promise.search', { state: 'pending' }, T0 + 5000).data).toMatchObject({ promises: [{ id: 'p' }] });
    expect(run('debug.tick', { time: T0 + 20 })).toEqual({ status: 200, data: [] });
    const snap = run('debug.snap', {}).data as { promises: Array<{ state: string }>; tasks: Array<{ state: string }>; messages: unknown[] };
    expect(snap.promises[0]?.state).toBe('rejected_timedout');
    expect(snap.tasks[0]?.state).toBe('fulfilled');
    expect(snap.messages).toEqual([{ address: 'poll://any@default', message: { data: { task: { id: 'p', version: 0 } }, head: {}, kind: 'execute' } }]);
    run('debug.reset', {});
    expect(run('promise.get', { id: 'p' })).toEqual({ status: 404, data: 'Promise not found' });
  });

  it('resumes a suspended task when its awaited promise settles, counting resumes until it is acquired again', () => {
    const { run } = model();
    run('task.create', { pid: 'w', ttl: 60_000, action: { kind: 'promise.create', head: {}, data: { id: 'r', timeoutAt: T0 + 600_000, tags: target } } });
    run('promise.create', { id: 'c1', timeoutAt: T0 + 600_000 });
    expect(run('task.suspend', { id: 'r', version: 1, actions: [{ kind: 'promise.register_callback', head: {}, data: { awaited: 'c1', awaiter: 'r' } }] })).toEqual({ status: 200, data: {} });
    expect(run('task.get', { id: 'r' }).data).toEqual({ task: { id: 'r', resumes: 0, state: 'suspended', version: 1 } });
    run('promise.settle', { id: 'c1', state: 'resolved', value: {} });
    expect(run('task.get', { id: 'r' }).data).toEqual({ task: { id: 'r', resumes: 1, state: 'pending', version: 1 } });
  });

  it('a promise.create with a target makes a pending task at version 0; task.create on it acquires it, a second is refused', () => {
    const { run } = model();
    run('promise.create', { id: 'w', timeoutAt: T0 + 600_000, tags: target });
    const create = (pid: string) => run('task.create', { pid, ttl: 60_000, action: { kind: 'promise.create', head: {}, data: { id: 'w', timeoutAt: T0 + 600_000, tags: target } } });
    expect(create('a')).toMatchObject({ status: 200, data: { task: { state: 'acquired', version: 1, pid: 'a' }, preload: [] } });
    expect(create('b')).toEqual({ status: 409, data: 'Already exists' });
    // Released, it is pending again at the same version: acquired at that version, it moves on one.
    expect(run('task.release', { id: 'w', version: 1 })).toEqual({ status: 200, data: {} });
    expect(run('task.acquire', { id: 'w', version: 0, pid: 'b', ttl: 1000 })).toEqual({ status: 409, data: 'Version mismatch' });
    expect(run('task.acquire', { id: 'w', version: 1, pid: 'b', ttl: 1000 })).toMatchObject({ status: 200, data: { task: { version: 2 } } });
  });

  it('halts and continues a task; a halted task is not resumed, and fence and fulfill refuse it', () => {
    const { run } = model();
    run('task.create', { pid: 'w', ttl: 60_000, action: { kind: 'promise.create', head: {}, data: { id: 'h', timeoutAt: T0 + 600_000, tags: target } } });
    expect(run('task.halt', { id: 'h' })).toEqual({ status: 200, data: {} });
    expect(run('task.halt', { id: 'h' })).toEqual({ status: 200, data: {} }); // idempotent
    expect(run('task.get', { id: 'h' }).data).toEqual({ task: { id: 'h', resumes: 0, state: 'halted', version: 1 } });
    expect(run('task.fence', { id: 'h', version: 1, action: { kind: 'promise.create', head: {}, data: { id: 'h.1', timeoutAt: T0 + 1000 } } })).toEqual({ status: 409, data: 'Version mismatch' });
    expect(run('task.fulfill', { id: 'h', version: 1, action: { kind: 'promise.settle', head: {}, data: { id: 'h', state: 'resolved', value: {} } } })).toEqual({
      status: 409,
      data: 'Task version mismatch or invalid state',
    });
    expect(run('task.continue', { id: 'h' })).toEqual({ status: 200, data: {} });
    expect(run('task.get', { id: 'h' }).data).toEqual({ task: { id: 'h', resumes: 0, state: 'pending', version: 1 } });
  });

  it('a settled promise fulfils its task and unblocks its listeners; a listener on a settled promise is not kept', () => {
    const { run } = model();
    run('debug.start', {});
    run('promise.create', { id: 'l', timeoutAt: T0 + 600_000, tags: target });
    expect(run('promise.register_listener', { awaited: 'l', address: 'poll://any@clients/c1' })).toMatchObject({ status: 200, data: { promise: { id: 'l', state: 'pending' } } });
    expect((run('debug.snap', {}).data as { listeners: unknown[] }).listeners).toEqual([{ address: 'poll://any@clients/c1', id: 'l' }]);
    run('promise.settle', { id: 'l', state: 'rejected_canceled', value: {} });
    expect(run('task.get', { id: 'l' }).data).toEqual({ task: { id: 'l', resumes: 0, state: 'fulfilled', version: 0 } });
    const snap = run('debug.snap', {}).data as { listeners: unknown[]; messages: Array<{ address: string; message: { kind: string } }> };
    expect(snap.listeners).toEqual([]);
    expect(snap.messages.map((m) => [m.address, m.message.kind])).toEqual([
      ['poll://any@default', 'execute'],
      ['poll://any@clients/c1', 'unblock'],
    ]);
    run('promise.register_listener', { awaited: 'l', address: 'poll://any@clients/c2' });
    expect((run('debug.snap', {}).data as { listeners: unknown[] }).listeners).toEqual([]);
  });
});
