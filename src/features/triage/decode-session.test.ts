import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../core/triage/group';
import { makeFinding } from '../../testing/make-finding';
import {
  cancelledState,
  countsText,
  formatSeconds,
  formatSize,
  isDecodeResponse,
  reduceDecode,
  startedState,
  statusText,
  type LogDecodeState,
} from './decode-session';

const a = makeFinding({ spans: [{ startLine: 1, endLine: 1 }, { startLine: 7, endLine: 7 }] });
const b = makeFinding({ source: 'python-sdk', code: '100.40400', entry: 'py.store.40400', title: 'Store: not found', span: { startLine: 4, endLine: 6 } });

describe('reduceDecode', () => {
  it('follows a run: progress with provisional groups, then the final findings and groups', () => {
    let s: LogDecodeState = startedState(3);
    s = reduceDecode(s, { type: 'progress', id: 3, done: 0, total: 4, findings: [] });
    expect(s).toMatchObject({ status: 'running', done: 0, total: 4, groups: [] });
    s = reduceDecode(s, { type: 'progress', id: 3, done: 2, total: 4, findings: [a] });
    expect(s).toMatchObject({ status: 'running', done: 2, total: 4 });
    expect(s.status === 'running' && s.groups.map((g) => g.count)).toEqual([2]);
    const groups = groupFindings([a, b]);
    s = reduceDecode(s, { type: 'done', id: 3, total: 4, findings: [a, b], groups, elapsedMs: 420 });
    expect(s).toEqual({ status: 'done', id: 3, total: 4, findings: [a, b], groups, elapsedMs: 420 });
  });

  it("keeps the previous run's findings on screen until the new run has its own", () => {
    const groups = groupFindings([a]);
    const done: LogDecodeState = { status: 'done', id: 1, total: 2, findings: [a], groups, elapsedMs: 5 };
    let s = startedState(2, done);
    expect(s).toEqual({ status: 'running', id: 2, done: 0, total: 0, findings: [a], groups });
    s = reduceDecode(s, { type: 'progress', id: 2, done: 0, total: 3, findings: [] });
    expect(s).toMatchObject({ total: 3, findings: [a] });
    s = reduceDecode(s, { type: 'progress', id: 2, done: 1, total: 3, findings: [b] });
    expect(s).toMatchObject({ done: 1, findings: [b] });
    expect(startedState(3, { status: 'error', id: 2, error: 'x' })).toMatchObject({ findings: [], groups: [] });
    // The page knows the log's size before the worker answers: a cancel at once still says how much there was.
    expect(statusText(cancelledState(startedState(5, undefined, 12 * 1024 * 1024)))).toBe(
      'Stopped after 0 KB of 12.0 MB: No Resonate error, envelope or trace found in this log in the part read',
    );
    // Cancelled before this run found anything: the previous run's findings are not this one's part read.
    expect(cancelledState(startedState(4, done))).toMatchObject({ status: 'cancelled', findings: [], groups: [] });
  });

  it('drops the messages of another run, and anything after the end', () => {
    const s = startedState(5);
    expect(reduceDecode(s, { type: 'progress', id: 4, done: 1, total: 2, findings: [a] })).toBe(s);
    expect(reduceDecode(s, { type: 'done', id: 4, total: 2, findings: [a], groups: [], elapsedMs: 1 })).toBe(s);
    const done = reduceDecode(s, { type: 'done', id: 5, total: 2, findings: [], groups: [], elapsedMs: 1 });
    expect(reduceDecode(done, { type: 'progress', id: 5, done: 1, total: 2, findings: [a] })).toBe(done);
  });

  it("keeps the part read when the user cancels, and ignores the worker's late answers", () => {
    let s = reduceDecode(startedState(1), { type: 'progress', id: 1, done: 3 * 1024 * 1024, total: 9 * 1024 * 1024, findings: [a] });
    s = cancelledState(s);
    expect(s).toMatchObject({ status: 'cancelled', done: 3 * 1024 * 1024, total: 9 * 1024 * 1024, findings: [a] });
    expect(reduceDecode(s, { type: 'done', id: 1, total: 9, findings: [a, b], groups: [], elapsedMs: 1 })).toBe(s);
    expect(reduceDecode(s, { type: 'cancelled', id: 1 })).toBe(s);
    expect(statusText(s)).toBe('Stopped after 3.0 MB of 9.0 MB: 1 finding in 1 group (2 occurrences) in the part read');
  });

  it('reports an error of the run, or one without an id', () => {
    expect(reduceDecode(startedState(2), { type: 'error', id: 2, error: 'boom' })).toEqual({ status: 'error', id: 2, error: 'boom' });
    expect(reduceDecode(startedState(2), { type: 'error', id: null, error: 'bad' })).toMatchObject({ status: 'error' });
    expect(reduceDecode(startedState(2), { type: 'error', id: 1, error: 'old' })).toMatchObject({ status: 'running' });
  });

  it('a cancel of a finished run changes nothing', () => {
    const done: LogDecodeState = { status: 'done', id: 1, total: 1, findings: [], groups: [], elapsedMs: 1 };
    expect(cancelledState(done)).toBe(done);
  });
});

describe('isDecodeResponse', () => {
  it('accepts the four message shapes and nothing else', () => {
    expect(isDecodeResponse({ type: 'progress', id: 1, done: 0, total: 1, findings: [] })).toBe(true);
    expect(isDecodeResponse({ type: 'done', id: 1, total: 1, findings: [], groups: [], elapsedMs: 2 })).toBe(true);
    expect(isDecodeResponse({ type: 'cancelled', id: 1 })).toBe(true);
    expect(isDecodeResponse({ type: 'error', id: null, error: 'x' })).toBe(true);
    expect(isDecodeResponse({ type: 'progress', id: '1' })).toBe(false);
    expect(isDecodeResponse({ type: 'done', id: 1 })).toBe(false);
    expect(isDecodeResponse(null)).toBe(false);
    expect(isDecodeResponse('done')).toBe(false);
  });
});

describe('texts', () => {
  it('counts findings, groups and occurrences', () => {
    expect(countsText([a, b], groupFindings([a, b]))).toBe('2 findings in 2 groups (3 occurrences)');
    expect(countsText([], [])).toBe('No Resonate error, envelope or trace found in this log');
  });

  it('says how the run went', () => {
    expect(statusText(startedState(1))).toBe('Decoding the log…');
    expect(statusText({ status: 'done', id: 1, total: 1, findings: [a], groups: groupFindings([a]), elapsedMs: 1234 })).toBe(
      '1 finding in 1 group (2 occurrences), read in 1.2 s',
    );
    expect(statusText({ status: 'error', id: 1, error: 'x' })).toBe('The inspector could not read this log.');
  });

  it('formats seconds and sizes', () => {
    expect(formatSeconds(340)).toBe('0.3 s');
    expect(formatSeconds(12_400)).toBe('12 s');
    expect(formatSize(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(formatSize(812 * 1024)).toBe('812 KB');
    expect(formatSize(10)).toBe('1 KB');
  });
});
