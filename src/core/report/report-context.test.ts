import { describe, expect, it } from 'vitest';
import { countNewlines, pieceText } from '../text/paste-text';
import { CONTEXT_CHARS, reportContext } from './report-context';

const line = (n: number) => `2026-11-25 02:00:00,323 INFO worker heartbeat number ${n} ok`;
const log = (lines: number) => Array.from({ length: lines }, (_, k) => line(k + 1)).join('\n');

describe('reportContext', () => {
  it('is the whole paste when it is not long', () => {
    const text = log(100);
    expect(reportContext(text, 50)).toBe(text);
    expect(reportContext(pieceText([text.slice(0, 10), text.slice(10)], countNewlines(text)), 50)).toBe(text);
  });

  it('of a long log, in pieces: its first lines and the lines around the finding, whole, about CONTEXT_CHARS', () => {
    const text = log(200_000);
    const pieces = pieceText(text.match(/[\s\S]{1,65536}/g) ?? [], countNewlines(text));
    const context = reportContext(pieces, 150_000);
    expect(context.length).toBeLessThanOrEqual(CONTEXT_CHARS);
    expect(context.length).toBeGreaterThan(CONTEXT_CHARS * 0.9);
    const lines = context.split('\n').filter((l) => l !== '');
    expect(lines[0]).toBe(line(1));
    expect(lines).toContain(line(150_000));
    expect(lines).toContain(line(150_001));
    // Nothing is cut inside a line.
    expect(lines.every((l) => /^2026-11-25 02:00:00,323 INFO worker heartbeat number \d+ ok$/.test(l))).toBe(true);
  });

  it('of a long log: the first lines only, for a finding past its end or with no line', () => {
    const text = log(200_000);
    expect(reportContext(text, 300_000).split('\n')[0]).toBe(line(1));
    expect(reportContext(text).length).toBeLessThanOrEqual(CONTEXT_CHARS / 4);
    expect(reportContext(text, 199_999)).toContain(line(200_000));
  });
});
