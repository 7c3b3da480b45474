import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import { parseCatalog } from '../catalog/parse-catalog';
import { KINDS } from '../decode/envelope';
import { decode } from '../decode/decode';
import { buildReplay, buildRequest, newCorrId, stateCheckRequest } from './build-request';
import { validateRequest } from './validate-request';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;

const NOW = Date.UTC(2026, 4, 1, 10, 0, 0);
const opts = { now: () => NOW, newCorrId: () => 'fresh-1' };

describe('buildRequest', () => {
  it('uses the pasted request, with a fresh corrId and without its token', () => {
    const [f] = decode(
      [
        '{"kind":"promises.get","head":{"corrId":"c1","version":"0.9.5","auth":"eyJ.secret"},"data":{"id":"order-42"}}',
        '{"kind":"promises.get","head":{"corrId":"c1","status":400,"version":"2026-04-01"},"data":"Unknown operation: promises.get"}',
      ].join('\n'),
      catalog,
    );
    expect(f).toBeDefined();
    const built = f ? buildReplay(f, opts) : null;
    expect(built?.origin).toBe('pasted');
    expect(built?.request).toEqual({ kind: 'promise.get', head: { corrId: 'fresh-1', version: '2026-04-01' }, data: { id: 'order-42' } });
    expect(built?.notes.join('\n')).toMatch(/corrected to "promise.get"[\s\S]*fresh corrId[\s\S]*"0.9.5" replaced[\s\S]*head.auth token was removed/);
    expect(JSON.stringify(built)).not.toContain('secret');
  });

  it('does not share objects with the finding', () => {
    const finding = { kind: 'promise.create', ids: {}, request: { kind: 'promise.create', head: {}, data: { id: 'x', timeoutAt: 1, tags: { a: 'b' } } } };
    const r = buildRequest(finding, opts);
    (r?.data.tags as Record<string, string>).a = 'changed';
    expect(finding.request.data.tags.a).toBe('b');
  });

  it('builds a get from a 404 finding without a pasted request', () => {
    const [f] = decode('{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}', catalog);
    expect(f && buildRequest(f, opts)).toEqual({ kind: 'promise.get', head: { corrId: 'fresh-1', version: '2026-04-01' }, data: { id: '' } });
    expect(f && buildReplay(f, opts)?.notes).toEqual(['Fill in the promise id: the finding does not name it.']);
  });

  it('builds promise.create and promise.settle with the documented defaults', () => {
    const ids = { promise: 'order-42' };
    expect(buildRequest({ kind: 'promise.create', ids, request: null }, opts)?.data).toEqual({ id: 'order-42', timeoutAt: NOW + 3_600_000, param: {}, tags: {} });
    expect(buildRequest({ kind: 'promise.settle', ids, request: null }, opts)?.data).toEqual({ id: 'order-42', state: 'resolved', value: {} });
  });

  it('takes the task version from the response when it has one', () => {
    const response = { kind: 'task.acquire', head: { status: 200 }, data: { task: { id: 't1', version: 3 } } };
    expect(buildRequest({ kind: 'task.release', ids: { task: 't1' }, request: null, response }, opts)?.data).toEqual({ id: 't1', version: 3 });
  });

  it('builds a request for every kind that passes validation once the ids are known', () => {
    const ids = { promise: 'p1', task: 't1', schedule: 's1' };
    for (const kind of KINDS) {
      const built = buildReplay({ kind, ids, request: null }, opts);
      expect(built?.request.kind).toBe(kind);
      const v = validateRequest(built?.request);
      // task.suspend needs the awaited promise, which a finding never names: the page asks for it.
      if (kind === 'task.suspend') expect(v).toMatchObject({ ok: false, errors: ['data.actions[0].data.awaited: Awaited promise ID is required'] });
      else expect(v, `${kind}: ${JSON.stringify(v)}`).toMatchObject({ ok: true });
    }
  });

  it('returns null for an unknown kind', () => {
    expect(buildRequest({ kind: null, ids: { promise: 'p' }, request: null })).toBeNull();
    expect(buildRequest({ kind: 'unknown', ids: {}, request: null })).toBeNull();
    expect(buildRequest({ kind: 'promise.resolve', ids: {}, request: { kind: 'promise.resolve', head: {}, data: {} } })).toBeNull();
  });
});

describe('stateCheckRequest', () => {
  it("checks the finding's own noun first", () => {
    expect(stateCheckRequest({ kind: 'task.fulfill', ids: { task: 't1', promise: 'p1' } }, opts)).toEqual({
      kind: 'task.get',
      head: { corrId: 'fresh-1', version: '2026-04-01' },
      data: { id: 't1' },
    });
    expect(stateCheckRequest({ kind: 'promise.settle', ids: { promise: 'p1' } }, opts)?.kind).toBe('promise.get');
    expect(stateCheckRequest({ kind: null, ids: { schedule: 's1' } }, opts)).toMatchObject({ kind: 'schedule.get', data: { id: 's1' } });
    expect(stateCheckRequest({ kind: 'promise.get', ids: {} }, opts)).toBeNull();
  });
});

describe('newCorrId', () => {
  it('is a UUID when crypto.randomUUID exists, and unique', () => {
    const a = newCorrId();
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(newCorrId()).not.toBe(a);
  });
});
