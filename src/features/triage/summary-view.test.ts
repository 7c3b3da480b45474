import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../core/triage/group';
import type { LogTime } from '../../core/triage/timestamps';
import { makeFinding } from '../../testing/make-finding';
import { commonDay, findingsOf, isFiltering, NO_FILTER, seenTimes, shortTime, worthATable } from './summary-view';

const t = (iso: string, zoned = true): LogTime => ({ ms: Date.parse(iso), text: iso, zoned });

describe('times in the table', () => {
  it('drops milliseconds, keeps the zone mark', () => {
    expect(shortTime(t('2026-11-25T02:56:10.741Z'))).toBe('2026-11-25 02:56:10Z');
    expect(shortTime(t('2026-11-25T02:56:10.741Z', false))).toBe('2026-11-25 02:56:10');
    expect(shortTime(t('2026-11-25T02:56:10Z'))).toBe('2026-11-25 02:56:10Z');
  });

  it('finds the one day of all the times, or none', () => {
    const a = { first: t('2026-11-25T02:00:00Z'), last: t('2026-11-25T03:00:00Z') };
    const b = { first: t('2026-11-25T04:00:00Z'), last: t('2026-11-25T05:00:00Z') };
    const c = { first: t('2026-11-26T00:00:01Z'), last: t('2026-11-26T00:00:01Z') };
    const none = { first: null, last: null };
    expect(commonDay([a, b, none].map((x) => ({ ...groupFindings([makeFinding()])[0]!, ...x })))).toBe('2026-11-25');
    expect(commonDay([a, c].map((x) => ({ ...groupFindings([makeFinding()])[0]!, ...x })))).toBeNull();
    expect(commonDay([])).toBeNull();
  });

  it('writes first and last seen, with dates when the header has none', () => {
    const g = { first: t('2026-11-25T02:00:00.100Z'), last: t('2026-11-25T03:00:00Z') };
    expect(seenTimes(g, '2026-11-25')).toEqual(['02:00:00Z', '03:00:00Z']);
    expect(seenTimes(g, null)).toEqual(['2026-11-25 02:00:00Z', '2026-11-25 03:00:00Z']);
    expect(seenTimes({ first: g.first, last: g.first }, '2026-11-25')).toEqual(['02:00:00Z']);
    expect(seenTimes({ first: null, last: null }, null)).toEqual([]);
  });
});

describe('findingsOf', () => {
  it('takes the findings in group order, up to the limit', () => {
    const f1 = makeFinding({ span: { startLine: 1, endLine: 1 } });
    const f2 = makeFinding({ kind: 'promise.settle', span: { startLine: 2, endLine: 2 } });
    const f3 = makeFinding({ source: 'ts-sdk', entry: 'ts.x', code: '1102', span: { startLine: 3, endLine: 3 } });
    const groups = groupFindings([f1, f2, f3]);
    expect(findingsOf(groups, 10)).toEqual({ shown: [f1, f2, f3], total: 3 });
    expect(findingsOf(groups, 2)).toEqual({ shown: [f1, f2], total: 3 });
  });
});

describe('worthATable', () => {
  it('wants two groups or a repeated finding', () => {
    expect(worthATable(groupFindings([makeFinding()]))).toBe(false);
    expect(worthATable(groupFindings([makeFinding({ spans: [{ startLine: 1, endLine: 1 }, { startLine: 4, endLine: 4 }] })]))).toBe(true);
    expect(worthATable(groupFindings([makeFinding(), makeFinding({ entry: 'other' })]))).toBe(true);
  });
});

describe('isFiltering', () => {
  it('is off for no filter or blank text, on for any choice', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, text: '  ' })).toBe(false);
    expect(isFiltering({ ...NO_FILTER, text: '404' })).toBe(true);
    expect(isFiltering({ ...NO_FILTER, sources: ['server'] })).toBe(true);
    expect(isFiltering({ ...NO_FILTER, verdicts: ['never'] })).toBe(true);
  });
});
