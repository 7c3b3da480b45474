import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import { parseCatalog } from '../catalog/parse-catalog';
import { decode } from '../decode/decode';
import type { Finding } from '../decode/finding';
import { compareOutcome, describeOutcome } from './compare-outcome';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;

const one = (text: string): Finding => {
  const [f] = decode(text, catalog);
  if (!f) throw new Error(`no finding in ${text}`);
  return f;
};

const promise = (state: string): string =>
  `{"id":"order-42","state":"${state}","param":{},"value":{},"tags":{},"timeoutAt":1,"createdAt":1${state === 'pending' ? '' : ',"settledAt":1'}}`;

describe('compareOutcome', () => {
  it('reads "then: 404 Promise not found → now: 200, resolved"', () => {
    const before = one('{"kind":"promise.get","head":{"corrId":"c","status":404,"version":"2026-04-01"},"data":"Promise not found"}');
    const after = one(`{"kind":"promise.get","head":{"corrId":"d","status":200,"version":"2026-04-01"},"data":{"promise":${promise('resolved')}}}`);
    expect(compareOutcome(before, after)).toBe('then: 404 Promise not found → now: 200, resolved');
  });

  it('says when nothing changed', () => {
    const f = one('{"kind":"promise.get","head":{"corrId":"c","status":404,"version":"2026-04-01"},"data":"Promise not found"}');
    expect(compareOutcome(f, f)).toBe('then: 404 Promise not found → now: 404 Promise not found (unchanged)');
  });

  it('describes tasks, 300s, fences and searches', () => {
    expect(
      describeOutcome(one(`{"kind":"task.acquire","head":{"corrId":"c","status":200,"version":"2026-04-01"},"data":{"task":{"id":"t","state":"acquired","version":2,"resumes":0},"promise":${promise('pending')},"preload":[]}}`)),
    ).toBe('200, task acquired at version 2; promise pending');
    expect(describeOutcome(one('{"kind":"task.suspend","head":{"corrId":"c","status":300,"version":"2026-04-01"},"data":{"preload":[]}}'))).toBe(
      '300, resume now (an awaited promise is already settled)',
    );
    // (decode() reports the fenced 404 as a finding of its own; here the outer envelope is described.)
    const fence = JSON.parse(
      '{"kind":"task.fence","head":{"corrId":"c","status":200,"version":"2026-04-01"},"data":{"action":{"kind":"promise.settle","head":{"corrId":"c","status":404,"version":"2026-04-01"},"data":"Promise not found"},"preload":[]}}',
    ) as unknown;
    expect(describeOutcome({ status: 200, code: '200', message: null, error: false, kind: 'task.fence', response: fence })).toBe(
      '200, fenced promise.settle: 404 Promise not found',
    );
    expect(describeOutcome(one(`{"kind":"promise.search","head":{"corrId":"c","status":200,"version":"2026-04-01"},"data":{"promises":[${promise('pending')}],"cursor":"x"}}`))).toBe(
      '200, 1 promise (more pages)',
    );
  });

  it('uses the code when a finding has no status (an SDK error)', () => {
    expect(describeOutcome({ status: null, code: '1102', message: 'Function "foo" is not registered', error: true, kind: null })).toBe('1102 Function "foo" is not registered');
  });
});
