import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../testing/make-finding';
import { availability, buildStarter, kindLabel, planSend, requestText, starters } from './request-plan';

const get404 = makeFinding({
  kind: 'promise.get',
  ids: { promise: 'order-42' },
  request: { kind: 'promise.get', head: { corrId: 'c1', version: '2026-04-01' }, data: { id: 'order-42' } },
});

describe('availability', () => {
  it('offers Replay for a known kind and Check current state for a named id', () => {
    expect(availability(get404)).toEqual({ replay: true, stateCheck: { kind: 'promise.get', id: 'order-42' } });
  });

  it('offers nothing without a kind or an id', () => {
    expect(availability(makeFinding({ kind: null, ids: {} }))).toEqual({ replay: false, stateCheck: null });
    expect(availability(makeFinding({ kind: 'task.acquire', ids: {} }))).toEqual({ replay: true, stateCheck: null });
    expect(availability(makeFinding({ kind: null, ids: { schedule: 'nightly' } }))).toEqual({ replay: false, stateCheck: { kind: 'schedule.get', id: 'nightly' } });
  });
});

describe('planSend', () => {
  it('sends a read in one step and says that it changes nothing', () => {
    const plan = planSend('{"kind":"promise.get","head":{"corrId":"x","version":"2026-04-01"},"data":{"id":"p1"}}');
    expect(plan.mode).toBe('read');
    expect(plan.mode !== 'blocked' && plan.change).toMatch(/^Changes nothing: reads promise p1/);
    expect(plan.mode !== 'blocked' && kindLabel(plan.info)).toBe('Read: changes nothing');
  });

  it('asks to confirm a write, and knows the kinds whose repeat is not harmless', () => {
    const create = planSend(JSON.stringify({ kind: 'promise.create', head: { corrId: 'x', version: '2026-04-01' }, data: { id: 'p1', timeoutAt: 1 } }));
    expect(create.mode).toBe('write');
    expect(create.mode === 'write' && create.change).toMatch(/^Creates promise p1/);
    expect(create.mode === 'write' && kindLabel(create.info)).toBe('Write: idempotent');
    const release = planSend(JSON.stringify({ kind: 'task.release', head: { corrId: 'x', version: '2026-04-01' }, data: { id: 't1', version: 1 } }));
    expect(release.mode === 'write' && release.info.class).toBe('not-idempotent');
    expect(release.mode === 'write' && release.info.repeat).toMatch(/Not idempotent/);
  });

  it('blocks text that is not JSON, and a request that breaks the protocol, with the reasons', () => {
    const notJson = planSend('{"kind": "promise.get",');
    expect(notJson.mode).toBe('blocked');
    expect(notJson.mode === 'blocked' && notJson.errors[0]).toMatch(/^Not valid JSON/);
    const missing = planSend('{"kind":"promise.create","head":{"corrId":"x","version":"2026-04-01"},"data":{"id":"p1"}}');
    expect(missing.mode === 'blocked' && missing.errors).toEqual([expect.stringMatching(/data\.timeoutAt is missing/)]);
  });

  it('warns that debug kinds need --debug', () => {
    const plan = planSend('{"kind":"debug.snap","head":{"corrId":"x","version":"2026-04-01"},"data":{}}');
    expect(plan.warnings).toEqual([expect.stringMatching(/needs a server started with --debug/)]);
  });
});

describe('starters', () => {
  it('starts from the pasted request, then offers the other kinds of the nouns the finding names', () => {
    const list = starters(get404);
    expect(list[0]).toEqual({ value: 'own', label: 'The pasted request (promise.get)' });
    expect(list.map((s) => s.value)).toEqual(['own', 'promise.get', 'promise.create', 'promise.settle', 'promise.register_callback', 'promise.register_listener']);
  });

  it('builds a new request of another kind from the finding’s ids, with a fresh corrId', () => {
    const built = buildStarter(get404, 'promise.create');
    expect(built?.request).toMatchObject({ kind: 'promise.create', head: { version: '2026-04-01' }, data: { id: 'order-42', param: {}, tags: {} } });
    expect(built?.request.head.corrId).not.toBe('c1');
    expect(built?.notes[0]).toBe('A new promise.create built from the ids in the finding.');
    expect(planSend(requestText(built?.request ?? { kind: 'promise.get', head: { corrId: '', version: '' }, data: {} })).mode).toBe('write');
    expect(buildStarter(get404, 'nonsense')).toBeNull();
  });
});
