import { describe, expect, it } from 'vitest';
import { parseHash, paths } from './paths';

describe('parseHash', () => {
  it('reads the inspector from an empty or root hash', () => {
    expect(parseHash('')).toEqual({ name: 'inspector' });
    expect(parseHash('#')).toEqual({ name: 'inspector' });
    expect(parseHash('#/')).toEqual({ name: 'inspector' });
  });

  it('reads an entry id', () => {
    expect(parseHash('#/e/server.404.promise-not-found')).toEqual({ name: 'entry', id: 'server.404.promise-not-found' });
    expect(parseHash('#/e/server.404.promise-not-found/')).toEqual({ name: 'entry', id: 'server.404.promise-not-found' });
  });

  it('decodes what paths.entry encodes, and survives bad escapes', () => {
    expect(parseHash(paths.entry.href('a b/c'))).toEqual({ name: 'entry', id: 'a b/c' });
    expect(parseHash('#/e/%E0%A4%A')).toEqual({ name: 'entry', id: '%E0%A4%A' });
  });

  it('reads the catalog and reports anything else as not found', () => {
    expect(parseHash('#/catalog')).toEqual({ name: 'catalog' });
    expect(parseHash('#/nope')).toEqual({ name: 'not-found', path: 'nope' });
    expect(parseHash('#/e/')).toEqual({ name: 'not-found', path: 'e' });
  });

  it('reads a share link, keeping its data as it is', () => {
    expect(parseHash('#/s/v1.abc-_DEF')).toEqual({ name: 'share', fragment: '#/s/v1.abc-_DEF' });
    expect(parseHash('#/s/v9.x')).toEqual({ name: 'share', fragment: '#/s/v9.x' });
    expect(parseHash('#/s/')).toEqual({ name: 'not-found', path: 's' });
  });
});
