import { describe, expect, it } from 'vitest';
import { testCatalog } from '../../testing/read-with';
import { decode } from './decode';

describe('a Resonate error the catalog does not know yet', () => {
  it('says so, judges it by its status, and lists the nearest entries of its family', () => {
    const [f] = decode('https://docs.resonatehq.io/operate/errors#40903', testCatalog);
    expect(f).toMatchObject({ source: 'legacy-server', code: '40903', status: 409, entry: null, retry: 'after-fix' });
    expect(f?.summary).toMatch(/doesn't know yet/);
    expect(f?.nearest?.map((e) => e.id)).toContain('legacy.40900.promise-already-exists');
  });

  it('an envelope of a status no entry covers is not given another status\'s fallback', () => {
    const [f] = decode('{"kind":"promise.get","head":{"corrId":"c1","status":418,"version":"2026-04-01"},"data":"I am a teapot"}', testCatalog);
    expect(f).toMatchObject({ source: 'server', status: 418, entry: null });
    expect(f?.title).toBe('Resonate error 418 (HTTP 418)');
  });

  it('nearest entries come by the words of the message too', () => {
    const [f] = decode('{"kind":"promise.get","head":{"corrId":"c1","status":418,"version":"2026-04-01"},"data":"Promise not found in shard"}', testCatalog);
    expect(f?.nearest?.[0]?.id).toBe('server.404.promise-not-found');
  });

  it('what is not Resonate gets no nearest entries', () => {
    const fs = decode('TypeError: Cannot read properties of undefined (reading \'x\')\n    at main (/app/index.js:1:1)', testCatalog);
    expect(fs.every((f) => f.nearest === undefined)).toBe(true);
  });
});
