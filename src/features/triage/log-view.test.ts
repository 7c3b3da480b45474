import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../testing/make-finding';
import { growWindow, inSpan, instanceLabel, MAX_SPAN_LINES, spanLabel, windowAround } from './log-view';

describe('windowAround', () => {
  it('shows some lines of context on both sides of the span', () => {
    expect(windowAround({ startLine: 100, endLine: 104 }, 1000, 10)).toEqual({ from: 90, to: 114 });
  });

  it('never goes past the first or the last line', () => {
    expect(windowAround({ startLine: 2, endLine: 3 }, 5, 10)).toEqual({ from: 1, to: 5 });
    expect(windowAround({ startLine: 1, endLine: 1 }, 0, 10)).toEqual({ from: 1, to: 1 });
  });

  it('survives a span outside the text (a text edited since it was decoded)', () => {
    expect(windowAround({ startLine: 50, endLine: 60 }, 20, 5)).toEqual({ from: 15, to: 20 });
    expect(windowAround({ startLine: 9, endLine: 3 }, 20, 0)).toEqual({ from: 9, to: 9 });
  });

  it('shows a very long span only in part at first', () => {
    expect(windowAround({ startLine: 1, endLine: 5000 }, 10_000, 0)).toEqual({ from: 1, to: MAX_SPAN_LINES });
  });
});

describe('growWindow', () => {
  it('grows up or down within the text', () => {
    expect(growWindow({ from: 40, to: 60 }, -50, 100)).toEqual({ from: 1, to: 60 });
    expect(growWindow({ from: 40, to: 60 }, 50, 100)).toEqual({ from: 40, to: 100 });
    expect(growWindow({ from: 40, to: 60 }, 10, 100)).toEqual({ from: 40, to: 70 });
  });
});

describe('labels', () => {
  it('names one line or a range, with thousands separators', () => {
    expect(spanLabel({ startLine: 1234, endLine: 1234 })).toBe('Line 1,234');
    expect(spanLabel({ startLine: 1234, endLine: 1250 })).toBe('Lines 1,234–1,250');
  });

  it('adds the log time of an instance when there is one', () => {
    const finding = makeFinding();
    const span = { startLine: 3, endLine: 3 };
    expect(instanceLabel({ finding, span, time: null })).toBe('Line 3');
    expect(instanceLabel({ finding, span, time: { ms: Date.UTC(2026, 10, 25, 2, 56, 10, 741), text: 'x', zoned: true } })).toBe(
      'Line 3, 2026-11-25 02:56:10.741Z',
    );
  });

  it('inSpan is inclusive', () => {
    expect(inSpan(3, { startLine: 3, endLine: 5 })).toBe(true);
    expect(inSpan(5, { startLine: 3, endLine: 5 })).toBe(true);
    expect(inSpan(6, { startLine: 3, endLine: 5 })).toBe(false);
  });
});
