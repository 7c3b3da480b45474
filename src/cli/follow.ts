import type { Catalog } from '../core/catalog/catalog-types';
import { createFindingMerger, diagnoseLines } from '../core/decode/decode';
import type { Finding, Span } from '../core/decode/finding';
import { normalizeLines } from '../core/decode/normalize';

/** A finding whose text is complete: new, or one more occurrence of a finding printed before (`repeat`, its count grown). */
export type FollowEvent = { finding: Finding; repeat: boolean };

export type Follower = {
  /** More text of the stream; returns the findings completed by it (a block followed by another line). */
  push: (text: string) => FollowEvent[];
  /** The stream went quiet (or ended, `end`): whatever was read so far counts as complete. */
  flush: (end?: boolean) => FollowEvent[];
  /** Every finding so far, merged (repeats counted), in the order they were first seen. */
  readonly findings: readonly Finding[];
};

/** Lines kept after the last complete finding, in case they start a block whose end has not arrived yet. */
const KEEP_LINES = 200;

const shift = (s: Span, by: number): Span => ({ startLine: s.startLine + by, endLine: s.endLine + by });

/**
 * The decoder on a stream that stays open (`--follow`). Text is buffered by line; after each push the buffer is
 * decoded and a finding counts as complete when a line follows its block (the reader closed it), after a quiet
 * pause (`flush`) everything does. Complete findings are given once each, merged as decode() merges them; lines
 * up to the last complete finding are then dropped, so the buffer stays small. Spans are lines of the whole stream.
 * Never throws (a reader bug costs the findings of that pass only).
 */
export function createFollower(catalog: Catalog): Follower {
  const merger = createFindingMerger();
  /** The findings given, by span and identity, with their first line (forgotten once that line is dropped). */
  const given = new Map<string, number>();
  let lines: string[] = [];
  /** The 1-based stream line number of lines[0]. */
  let base = 1;
  /** The last line, until its newline arrives. */
  let partial = '';

  const pass = (final: boolean): FollowEvent[] => {
    const window = partial !== '' && final ? [...lines, partial] : lines;
    if (window.length === 0) return [];
    let found: Finding[];
    try {
      found = diagnoseLines(normalizeLines(window.join('\n')), catalog);
    } catch {
      found = [];
    }
    const last = base + window.length - 1;
    const events: FollowEvent[] = [];
    let completeEnd = base - 1;
    let firstOpen = Infinity;
    for (const f of found) {
      f.span = shift(f.span, base - 1);
      f.spans = f.spans.map((s) => shift(s, base - 1));
      if (!final && f.span.endLine >= last) {
        firstOpen = Math.min(firstOpen, f.span.startLine);
        continue;
      }
      completeEnd = Math.max(completeEnd, f.span.endLine);
      const key = [f.span.startLine, f.span.endLine, f.source, f.code, f.entry].join('\u0000');
      if (given.has(key)) continue;
      given.set(key, f.span.startLine);
      const before = merger.findings.length;
      const merged = merger.add(f);
      events.push({ finding: merged, repeat: merger.findings.length === before });
    }
    const keepFrom = Math.min(firstOpen, Math.max(completeEnd + 1, base + lines.length - KEEP_LINES));
    const drop = Math.max(0, Math.min(lines.length, keepFrom - base));
    lines = lines.slice(drop);
    base += drop;
    for (const [key, start] of given) if (start < base) given.delete(key);
    return events;
  };

  return {
    push: (text) => {
      const parts = (partial + text).split('\n');
      partial = parts.pop() ?? '';
      if (parts.length === 0) return [];
      for (const p of parts) lines.push(p.endsWith('\r') ? p.slice(0, -1) : p);
      return pass(false);
    },
    flush: (end = false) => {
      if (end && partial !== '') {
        lines.push(partial);
        partial = '';
      }
      return pass(true);
    },
    findings: merger.findings,
  };
}
