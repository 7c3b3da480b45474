/**
 * The tally of one retry the SDK logged again and again (same source, name and message): how many lines, where,
 * which attempts and back-offs. It is data on the finding, and its note is rendered from it, so findings read in
 * pieces (chunks of the page, windows of the CLI) merge into the note the whole text gives.
 */
export type RetrySeries = {
  count: number;
  /** Line numbers of the first and the last retry line. */
  first: number;
  last: number;
  minAttempt?: number;
  maxAttempt?: number;
  /** Distinct back-offs in seconds, in the order they first appear (at most MAX_DELAYS). */
  delays: number[];
};

const MAX_DELAYS = 64;

const fmt = (s: number): string => `${Number.isInteger(s) ? s : s.toFixed(1)} s`;

/** A series of one line. */
export function retrySeries(line: number, attempt: number | undefined, delay: number | undefined): RetrySeries {
  const s: RetrySeries = { count: 1, first: line, last: line, delays: delay === undefined ? [] : [delay] };
  if (attempt !== undefined) {
    s.minAttempt = attempt;
    s.maxAttempt = attempt;
  }
  return s;
}

/** `a` then `b`, in text order, as one series (neither is changed). */
export function mergeRetrySeries(a: RetrySeries, b: RetrySeries): RetrySeries {
  const s: RetrySeries = { count: a.count + b.count, first: a.first, last: b.last, delays: [...a.delays] };
  for (const d of b.delays) if (s.delays.length < MAX_DELAYS && !s.delays.includes(d)) s.delays.push(d);
  const lo = [a.minAttempt, b.minAttempt].filter((x): x is number => x !== undefined);
  const hi = [a.maxAttempt, b.maxAttempt].filter((x): x is number => x !== undefined);
  if (lo.length > 0) s.minAttempt = Math.min(...lo);
  if (hi.length > 0) s.maxAttempt = Math.max(...hi);
  return s;
}

/** The note the finding carries: "The SDK logged this retry 500 times (lines 3–1201); attempts 1–500; back-off 1 s → 30 s." */
export function retryNote(s: RetrySeries): string {
  if (s.count === 1) {
    const delay = s.delays[0];
    if (s.minAttempt !== undefined && delay !== undefined) return `Attempt ${s.minAttempt} failed; the SDK tries again in ${fmt(delay)}.`;
    if (s.minAttempt !== undefined) return `Attempt ${s.minAttempt}; the SDK is retrying.`;
    if (delay !== undefined) return `The SDK tries again in ${fmt(delay)}.`;
    return 'The SDK logged this retry once here.';
  }
  const parts = [`The SDK logged this retry ${s.count} times (lines ${s.first}–${s.last})`];
  if (s.minAttempt !== undefined && s.maxAttempt !== undefined) parts.push(`attempts ${s.minAttempt}–${s.maxAttempt}`);
  if (s.delays.length > 0) {
    const first = s.delays[0] ?? 0;
    const max = Math.max(...s.delays);
    parts.push(first === max ? `back-off ${fmt(first)}` : `back-off ${fmt(first)} → ${fmt(max)}`);
  }
  return `${parts.join('; ')}.`;
}
