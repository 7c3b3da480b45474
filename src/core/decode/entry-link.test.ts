import { describe, expect, it } from 'vitest';
import { catalog } from '../../package/catalog';
import { resolveEntryLink } from './entry-link';

const ids = (text: string) => {
  const link = resolveEntryLink(catalog, text);
  return link.kind === 'entry' ? [link.entry.id] : link.kind === 'choice' ? link.entries.map((e) => e.id) : [];
};

describe('resolveEntryLink', () => {
  it('opens an entry by its id', () => {
    expect(resolveEntryLink(catalog, 'server.404.promise-not-found')).toMatchObject({ kind: 'entry', entry: { id: 'server.404.promise-not-found' } });
  });

  it('opens the entry of a code that has one', () => {
    expect(resolveEntryLink(catalog, '40400')).toMatchObject({ kind: 'entry', entry: { id: 'legacy.40400.promise-not-found' } });
  });

  it('offers a choice when several entries share the code, as users see it in each product', () => {
    expect(resolveEntryLink(catalog, '1102')).toMatchObject({ kind: 'choice', code: '1102' });
    expect(ids('1102')).toEqual(['ts.1102.function-already-registered', 'ts.1102.function-already-registered-under']);
    expect(ids('100.40400')).toContain('py.100-40400.promise-not-found');
    expect(ids('100.40400').every((id) => id.startsWith('py.100-40400.'))).toBe(true);
    // An HTTP status is every server's code; the generic entries come last.
    const status = ids('404');
    expect(status).toContain('server.404.promise-not-found');
    expect(status.at(-1)).toBe('server.404.fallback');
  });

  it('reads the docs-link forms the decoder recognizes', () => {
    expect(ids('rn8.io/e/40400')).toEqual(['legacy.40400.promise-not-found']);
    expect(ids('https://rn8.io/e/1102')).toEqual(ids('1102'));
    expect(ids('https://docs.resonatehq.io/operate/errors#40400')).toEqual(['legacy.40400.promise-not-found']);
    expect(ids('docs.resonatehq.io/reference/error-codes#40400')).toEqual(['legacy.40400.promise-not-found']);
  });

  it('opens nothing for a word, an unknown code or a mistyped id', () => {
    expect(resolveEntryLink(catalog, 'server.404.promise-not-fund')).toEqual({ kind: 'none' });
    expect(resolveEntryLink(catalog, '99999')).toEqual({ kind: 'none' });
    expect(resolveEntryLink(catalog, '')).toEqual({ kind: 'none' });
  });
});
