// The diagnose worker's message loop: the catalog once, then one answer per text, tagged with its id.
import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import { parseCatalog } from '../../core/catalog/parse-catalog';
import { PARTIAL_CHARS, createDiagnoseHandler, firstLines, isDiagnoseResponse, type DiagnoseResponse } from './diagnose-protocol';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const ENVELOPE = '{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}';

describe('createDiagnoseHandler', () => {
  it('answers each text with its id, as the page would have decoded it', () => {
    const posted: DiagnoseResponse[] = [];
    const handle = createDiagnoseHandler((m) => posted.push(m));
    handle({ type: 'catalog', catalog: parsed.catalog });
    handle({ type: 'diagnose', id: 1, text: ENVELOPE });
    handle({ type: 'diagnose', id: 2, text: '   ' });
    expect(posted.map((p) => p.id)).toEqual([1, 2]);
    expect(posted.every(isDiagnoseResponse)).toBe(true);
    expect(posted[0]?.diagnosis).toMatchObject({ status: 'done', findings: [{ entry: 'server.404.promise-not-found' }] });
    expect(posted[1]?.diagnosis).toEqual({ status: 'empty' });
  });

  it('reads the first lines of a long text first, so that a stopped decode can show what they hold', () => {
    const posted: DiagnoseResponse[] = [];
    const handle = createDiagnoseHandler((m) => posted.push(m));
    handle({ type: 'catalog', catalog: parsed.catalog });
    const text = `${ENVELOPE}\n${'INFO all good\n'.repeat(PARTIAL_CHARS / 10)}`;
    handle({ type: 'diagnose', id: 3, text });
    expect(posted.map((p) => p.type)).toEqual(['partial', 'diagnosis']);
    expect(posted[0]?.diagnosis).toMatchObject({ status: 'done', findings: [{ entry: 'server.404.promise-not-found' }] });
    expect(firstLines(text).length).toBeLessThanOrEqual(PARTIAL_CHARS);
    expect(firstLines(text).endsWith('INFO all good')).toBe(true);
    expect(firstLines('short')).toBe('short');
  });

  it('says so when no catalog came first, and ignores what is not a request', () => {
    const posted: DiagnoseResponse[] = [];
    const handle = createDiagnoseHandler((m) => posted.push(m));
    for (const junk of [null, 'x', { type: 'diagnose', id: '1', text: 'x' }, { type: 'other' }]) handle(junk);
    expect(posted).toEqual([]);
    handle({ type: 'diagnose', id: 7, text: 'x' });
    expect(posted).toEqual([{ type: 'diagnosis', id: 7, diagnosis: { status: 'failed', error: 'the catalog did not reach the decode worker' } }]);
  });
});
