import type { Span } from '../../core/decode/finding';
import type { Instance } from '../../core/triage/group';
import { formatLogTime } from '../../core/triage/timestamps';
import { formatCount } from './decode-session';

/** The lines of the original text the viewer shows: 1-based, inclusive, within the text. */
export type LineWindow = { from: number; to: number };

/** Lines shown above and below a highlighted span at first. */
export const CONTEXT_LINES = 12;
/** A very long span is shown up to this many lines at first (the viewer can show more). */
export const MAX_SPAN_LINES = 200;

/** The window around `span` in a text of `lineCount` lines: some context before and after, never past the ends. */
export function windowAround(span: Span, lineCount: number, context = CONTEXT_LINES): LineWindow {
  const last = Math.max(1, lineCount);
  const start = clamp(span.startLine, 1, last);
  const end = clamp(Math.min(Math.max(span.endLine, start), start + MAX_SPAN_LINES - 1), start, last);
  return { from: Math.max(1, start - context), to: Math.min(last, end + context) };
}

/** The window grown by `lines` above (negative) or below (positive), within the text. */
export function growWindow(window: LineWindow, lines: number, lineCount: number): LineWindow {
  return lines < 0
    ? { from: Math.max(1, window.from + lines), to: window.to }
    : { from: window.from, to: Math.min(Math.max(1, lineCount), window.to + lines) };
}

/** "Line 1,234" or "Lines 1,234–1,250". */
export function spanLabel(span: Span): string {
  return span.endLine > span.startLine
    ? `Lines ${formatCount(span.startLine)}–${formatCount(span.endLine)}`
    : `Line ${formatCount(span.startLine)}`;
}

/** What an instance button says: where it is, and when the log says it happened. */
export function instanceLabel(instance: Instance): string {
  const where = spanLabel(instance.span);
  return instance.time ? `${where}, ${formatLogTime(instance.time)}` : where;
}

/** Is line `n` inside the span? */
export function inSpan(n: number, span: Span): boolean {
  return n >= span.startLine && n <= span.endLine;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
