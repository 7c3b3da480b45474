import { describe, expect, it } from 'vitest';
import { KINDS } from '../decode/envelope';
import { NOT_IDEMPOTENT_KINDS, classifyKind, describeChange, describeTime } from './classify-kind';

const NOW = Date.UTC(2026, 4, 1, 10, 0, 0);

describe('classifyKind', () => {
  it('reads are *.get, *.search and debug.snap', () => {
    const reads = KINDS.filter((k) => classifyKind(k)?.access === 'read');
    expect(reads.sort()).toEqual(['debug.snap', 'promise.get', 'promise.search', 'schedule.get', 'schedule.search', 'task.get', 'task.search']);
  });

  it('names the six kinds that are not idempotent, and says what a repeat does', () => {
    for (const kind of NOT_IDEMPOTENT_KINDS) {
      const info = classifyKind(kind);
      expect(info).toMatchObject({ access: 'write', class: 'not-idempotent' });
      expect(info?.repeat).toMatch(/^Not idempotent/);
    }
    expect(classifyKind('task.fulfill')?.repeat).toMatch(/409 Task version mismatch or invalid state although the work is done/);
    expect(classifyKind('schedule.delete')?.repeat).toMatch(/404 Schedule not found[\s\S]*deletes their schedule/);
  });

  it('warns about idempotent writes that ignore what you send', () => {
    expect(classifyKind('promise.create')).toMatchObject({ class: 'idempotent', repeat: expect.stringMatching(/existing promise/) });
    expect(classifyKind('promise.settle')?.repeat).toMatch(/current state/);
    expect(classifyKind('debug.reset')).toMatchObject({ class: 'not-idempotent', needsDebug: true });
  });

  it('knows every kind and nothing else', () => {
    for (const k of KINDS) expect(classifyKind(k)).not.toBeNull();
    expect(classifyKind('promises.get')).toBeNull();
    expect(classifyKind('')).toBeNull();
  });
});

describe('describeChange', () => {
  const d = (kind: string, data: Record<string, unknown>): string => describeChange({ kind: kind as never, data }, NOW);

  it('says what each write changes', () => {
    expect(d('promise.create', { id: 'order-42', timeoutAt: NOW + 3_600_000, tags: { a: 'b' } })).toBe(
      'Creates promise order-42 with timeout 2026-05-01T11:00:00.000Z (in 1 h) and tags a=b, unless it exists already (then the existing promise is returned unchanged).',
    );
    expect(d('promise.settle', { id: 'order-42', state: 'resolved' })).toBe('Settles promise order-42 as resolved, unless it is already settled.');
    expect(d('schedule.delete', { id: 'nightly' })).toBe('Deletes schedule nightly.');
    expect(d('task.acquire', { id: 't', version: 2, pid: 'w1', ttl: 60000 })).toBe(
      "Acquires task t at version 2 for process w1 with a 60 s lease; the task's version goes up by 1.",
    );
    expect(d('task.fulfill', { id: 't', version: 2, action: { data: { id: 't', state: 'rejected' } } })).toBe(
      'Fulfills task t (version 2): settles promise t as rejected, unless it is already settled.',
    );
    expect(d('task.suspend', { id: 't', version: 1, actions: [{ data: { awaited: 'a' } }] })).toMatch(/^Suspends task t \(version 1\) until a settles;/);
    expect(d('debug.reset', {})).toMatch(/Wipes ALL data/);
  });

  it('says that reads change nothing', () => {
    expect(d('promise.get', { id: 'order-42' })).toMatch(/^Changes nothing: reads promise order-42/);
    expect(d('task.search', { state: 'acquired' })).toBe('Changes nothing: lists tasks in state acquired.');
  });

  it('copes with missing fields', () => {
    expect(d('promise.create', {})).toMatch(/promise \(missing\) with timeout \(missing\)/);
  });
});

describe('describeTime', () => {
  it('is ISO with a relative hint', () => {
    expect(describeTime(NOW - 90_000, NOW)).toBe('2026-05-01T09:58:30.000Z (2 min ago)');
    expect(describeTime(Number.NaN, NOW)).toBe('NaN');
    expect(describeTime(9e15, NOW)).toBe('9000000000000000');
  });
});
