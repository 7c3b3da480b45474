import { describe, expect, it } from 'vitest';
import { VERDICTS } from '../core/catalog/catalog-types';
import { plural, retryAnswer, sourceLabel } from './wording';

describe('retryAnswer', () => {
  it('answers "Is a retry safe?" plainly for every verdict', () => {
    expect(retryAnswer('safe').answer).toBe('Yes — safe to retry');
    expect(retryAnswer('with-backoff').answer).toBe('Yes, with backoff');
    expect(retryAnswer('after-fix').answer).toBe('Not until you fix it');
    expect(retryAnswer('never').answer).toBe('No — never retry this request');
    expect(retryAnswer('n/a').answer).toBe('Nothing to retry — not an error');
  });

  it('gives every verdict a distinct text tag', () => {
    const tags = [...VERDICTS, 'n/a' as const].map((v) => retryAnswer(v).tag);
    expect(new Set(tags).size).toBe(tags.length);
  });
});

describe('sourceLabel and plural', () => {
  it('names sources for people', () => {
    expect(sourceLabel('python-sdk')).toBe('Python SDK');
    expect(sourceLabel('unknown')).toBe('Not Resonate');
  });

  it('pluralises', () => {
    expect(plural(1, 'finding')).toBe('1 finding');
    expect(plural(0, 'finding')).toBe('0 findings');
    expect(plural(3, 'time')).toBe('3 times');
  });
});
