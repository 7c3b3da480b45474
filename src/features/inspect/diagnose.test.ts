import { describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../../core/catalog/catalog-types';
import * as decoder from '../../core/decode/decode';
import { diagnose } from './diagnose';

const catalog: Catalog = {
  version: 'test',
  covers: { server: '', protocol: '', legacyServer: '', pythonSdk: '', tsSdk: '' },
  repos: { server: 'a/b', 'legacy-server': 'a/b', 'python-sdk': 'a/b', 'ts-sdk': 'a/b', unknown: 'a/b' },
  entries: [],
};

describe('diagnose', () => {
  it('says nothing about an empty or blank paste', () => {
    expect(diagnose('', catalog)).toEqual({ status: 'empty' });
    expect(diagnose('  \n\t ', catalog)).toEqual({ status: 'empty' });
  });

  it('returns the findings of a non-empty paste', () => {
    const result = diagnose('hello', catalog);
    expect(result.status).toBe('done');
  });

  it('turns a decoder crash into a message instead of throwing', () => {
    vi.spyOn(decoder, 'decode').mockImplementation(() => {
      throw new Error('boom');
    });
    expect(diagnose('x', catalog)).toEqual({ status: 'failed', error: 'boom' });
  });
});
