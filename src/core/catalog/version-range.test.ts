import { describe, expect, it } from 'vitest';
import { compareVersions, inRange, parseRange } from './version-range';

describe('version ranges of catalog entries', () => {
  it('compares versions numerically, not as text', () => {
    expect(compareVersions('0.10.0', '0.9.2')).toBe(1);
    expect(compareVersions('0.8.3', '0.8.3')).toBe(0);
    expect(compareVersions('0.3.5', '0.4.0')).toBe(-1);
  });

  it('reads every form the schema allows, and refuses the rest', () => {
    expect(parseRange('>=0.3.0 <0.5.0')).toEqual({ min: '0.3.0', max: '0.5.0', maxIncluded: false });
    expect(parseRange('>=0.7.0 <=0.8.2')).toEqual({ min: '0.7.0', max: '0.8.2', maxIncluded: true });
    expect(parseRange('>=0.10.0')).toEqual({ min: '0.10.0' });
    expect(parseRange('0.6.7')).toEqual({ min: '0.6.7', max: '0.6.7', maxIncluded: true });
    expect(parseRange('*')).toEqual({});
    for (const bad of ['', '0.6', '>0.1.0', '>=0.1.0 <0.2', 'latest']) expect(parseRange(bad)).toBeNull();
  });

  it('says whether a release is inside', () => {
    const r = parseRange('>=0.7.0 <=0.8.2');
    if (!r) throw new Error('range');
    expect(['0.6.9', '0.7.0', '0.8.2', '0.8.3'].map((v) => inRange(v, r))).toEqual([false, true, true, false]);
  });
});
