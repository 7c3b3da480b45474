import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startAtOrBefore } from './starts';

describe('startAtOrBefore', () => {
  it('is the last start at or before the offset, by bisection (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(1000), { minLength: 1, maxLength: 30 }), fc.nat(1100), (raw, at) => {
        const starts = [...raw].sort((a, b) => a - b);
        const linear = starts.reduce((best, s, k) => (s <= at ? k : best), 0);
        expect(startAtOrBefore(starts, at)).toBe(linear);
      }),
    );
  });

  it('looks only at the first `count` starts', () => {
    expect(startAtOrBefore([0, 10, 20, 30], 25, 2)).toBe(1);
    expect(startAtOrBefore(new Float64Array([0, 10, 20]), 20)).toBe(2);
  });
});
