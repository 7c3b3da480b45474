import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import { parseCatalog } from '../../core/catalog/parse-catalog';
import { asResponseEnvelope } from '../../core/replay/response-envelope';
import type { ReplayFailure, ReplaySuccess } from '../../core/replay/replay-client';
import { makeFinding } from '../../testing/make-finding';
import { beforeOf, faultTitle, outcomeAnnouncement, outcomeView } from './outcome';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;

function success(body: unknown): ReplaySuccess {
  const raw = JSON.stringify(body);
  const envelope = asResponseEnvelope(body);
  if (!envelope) throw new Error('not an envelope');
  return { ok: true, status: envelope.head.status, envelope, raw, url: '/resonate', durationMs: 12, answeredBy: 'embedded', notes: [] };
}

const before = beforeOf(makeFinding({ kind: 'promise.get', status: 404, code: '404', message: 'Promise not found' }));

describe('outcomeView', () => {
  it('decodes the answer and compares it with the paste: then 404 → now 200, pending, with the record', () => {
    const view = outcomeView(
      success({
        kind: 'promise.get',
        head: { corrId: 'x', status: 200, version: '2026-04-01' },
        data: { promise: { id: 'order-42', state: 'pending', timeoutAt: 1, param: {}, value: {}, tags: {}, createdAt: 0 } },
      }),
      { before, catalog, kind: 'promise.get' },
    );
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(view.compare).toBe('then: 404 Promise not found → now: 200, pending');
    expect(view.records).toHaveLength(1);
    expect(view.records[0]).toMatchObject({ type: 'promise', id: 'order-42', state: 'pending' });
    expect(view.decoded?.error).toBe(false);
    expect(outcomeAnnouncement(view)).toBe('Answer: then: 404 Promise not found → now: 200, pending.');
  });

  it('says when nothing changed', () => {
    const view = outcomeView(success({ kind: 'promise.get', head: { corrId: 'x', status: 404, version: '2026-04-01' }, data: 'Promise not found' }), { before, catalog, kind: 'promise.get' });
    expect(view.ok && view.compare).toBe('then: 404 Promise not found → now: 404 Promise not found (unchanged)');
    expect(view.ok && view.decoded?.entry).toBe('server.404.promise-not-found');
  });

  it('shows a fault: what happened, what to do, and whether it was applied', () => {
    const failure: ReplayFailure = {
      ok: false,
      fault: 'cors',
      message: 'The browser could not read an answer.',
      advice: 'start it with `--server-cors-allow-origin http://127.0.0.1:4173`',
      applied: 'unknown',
      probe: 'reachable',
      url: 'http://127.0.0.1:9',
      durationMs: 30,
      answeredBy: null,
    };
    const view = outcomeView(failure, { before, catalog, kind: 'promise.settle' });
    expect(view).toMatchObject({ ok: false, title: 'Blocked by the browser (CORS)', applied: 'unknown', status: null, bodySnippet: null });
    expect(!view.ok && view.appliedText).toMatch(/^Unknown: the request may have reached the server and been applied/);
    const read = outcomeView(failure, { before, catalog, kind: 'promise.get' });
    expect(!read.ok && read.appliedText).toBe('Unknown, and harmless: it is a read, which changes nothing on the server.');
    const refused = outcomeView({ ...failure, fault: 'refused', applied: 'no' }, { before, catalog, kind: 'task.release' });
    expect(!refused.ok && refused.appliedText).toMatch(/^No: the request did not reach the server/);
    expect(outcomeAnnouncement(refused)).toBe('Connection refused. Not applied.');
    expect(outcomeAnnouncement(view)).toBe('Blocked by the browser (CORS). It may have reached the server.');
  });

  it('gives every fault a heading', () => {
    expect(faultTitle({ fault: 'timeout' }, 10_000)).toBe('No answer within 10 s');
    expect(faultTitle({ fault: 'timeout' }, 2500)).toBe('No answer within 2.5 s');
    expect(faultTitle({ fault: 'refused' })).toBe('Connection refused');
    expect(faultTitle({ fault: 'cors', probe: 'unreachable' })).toMatch(/looks down/);
    expect(faultTitle({ fault: 'http-error', status: 500 })).toBe('HTTP 500 without an envelope');
    expect(faultTitle({ fault: 'legacy-path-410' })).toBe('A legacy REST path (410)');
  });
});
