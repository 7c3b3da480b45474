import type { Line } from '../decode/raw';
import { mayStartJsError } from '../decode/javascript';

/**
 * Where a long log can be cut so that its parts read the same one at a time (the byte windows of
 * core/stream): boundaries where no multi-line construct (a traceback and its chain, a JS stack and its
 * property block, a pretty JSON body, `curl -i` headers and their body, a pytest section, the Python SDK's
 * shutdown banner) is cut.
 */

/** The unit of the forced-cut size: a part is cut without a safe boundary only past four times this (1 MB). */
export const DEFAULT_CHUNK_CHARS = 256 * 1024;

export type ChunkOptions = {
  /** A part is cut here even without a safe boundary (default four times DEFAULT_CHUNK_CHARS). */
  maxChunkChars?: number;
};

/** How a chunk ends: before a line that follows a blank line, or before a line that starts a new log record. */
export type BoundaryKind = 'blank' | 'record';

/** Lines that start a log record and also end an exception message in the Python reader (its NEW_RECORD). */
const STRONG_RECORD =
  /^(?:\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|\[\d{4}-\d{2}-\d{2}|(?:INFO|WARNING|WARN|ERROR|DEBUG|CRITICAL)\b|Traceback \(most recent call last\):\s*$)/;
/** Other record starts: safe only after another record start (then nothing multi-line is open). */
const WEAK_RECORD =
  /^(?:\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}|time="?\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} |(?:TRACE|FATAL|PANIC|[IWEF]\d{4}) |\{\s*".*\}\s*$)/;
/** A line that continues what the previous lines started. */
const CONTINUATION =
  /^(?:\s|[}\])]|[{[]\s*$|The above exception was the direct cause|During handling of the above exception|Node\.js v\d|E\s|at |\^|Caused by|```|\.\.\. \d+ (?:more|lines))/;
/** The last non-blank line before a boundary must not leave something open. */
const OPENS =
  /^(?:\s*Traceback \(most recent call last\):|\s*File "|\s*The above exception|\s*During handling|(?:[<>]\s*)?HTTP\/[\d.]+ \d{3}|(?:[<>]\s*)?(?:GET|POST|PUT|PATCH|DELETE) \/|\$ |\[ERROR\] \w|\s*\^+\s*$|_{3,} .* _{3,}$|Request:?\s*$|Response:?\s*$)|[{[(,:\\]\s*$|\.(?:m?js|cjs|ts|mts|cts):\d+$/;
const HEADER = /^(?:[<>]\s*)?[A-Za-z][\w-]*: /;
const STATUS_LINE = /^(?:[<>]\s*)?HTTP\/[\d.]+ \d{3}/;
/** A request envelope on one line: the decoder pairs it with the next response of the same kind. */
const REQUEST_ENVELOPE = /"kind"\s*:.*"head"\s*:/;
const BANNER = /Resonate encountered an unexpected exception and had to shut down\./;
const BANNER_END = /github\.com\/resonatehq\/[\w-]+\/issues\/new/;
const PYTEST_HEADER = /^_{3,} [^_\s].*? _{3,}$/;
const PYTEST_END = /^={3,}/;
/** The banner reader looks this far (python.ts readCriticalBanner). */
const BANNER_LINES = 400;

const isBlank = (t: string): boolean => t.trim() === '';

/** Every line before which a chunk may start (as firstBoundary judges it), with the kind of boundary. */
export function safeBoundaries(lines: readonly Line[]): Array<{ line: number; kind: BoundaryKind }> {
  const out: Array<{ line: number; kind: BoundaryKind }> = [];
  const blocked = new Blocked();
  for (let i = 0; i < lines.length; i++) {
    const kind = blocked.allows(i) ? boundaryKind(lines, i) : null;
    if (kind) out.push({ line: i, kind });
    blocked.see(lines, i);
  }
  return out;
}

/**
 * The first line at or after `from` before which a chunk may start, judged from lines `floor`… only (what is
 * open since `floor`: a traceback, a banner, a pytest section). Null when none comes within `maxChars`
 * characters of `from`, or before the lines end. Two readers of the same lines from the same floor agree on it,
 * whatever follows or precedes them (the streamed decoder's windows rely on this).
 */
export function firstBoundary(lines: readonly Line[], from: number, floor: number, maxChars: number): number | null {
  const blocked = new Blocked();
  for (let i = Math.max(0, floor); i < from; i++) blocked.see(lines, i);
  let chars = 0;
  for (let i = Math.max(0, from); i < lines.length && chars <= maxChars; i++) {
    if (blocked.allows(i) && boundaryKind(lines, i, floor) !== null) return i;
    blocked.see(lines, i);
    chars += (lines[i]?.text.length ?? 0) + 1;
  }
  return null;
}

/** Spans of lines where the decoder reads far ahead (the shutdown banner, a pytest section): no boundary inside. */
class Blocked {
  private until = -1;
  private pytest = false;

  see(lines: readonly Line[], i: number): void {
    const t = lines[i]?.text ?? '';
    if (BANNER.test(t)) this.until = Math.max(this.until, i + BANNER_LINES);
    else if (this.until >= i && BANNER_END.test(t)) this.until = i;
    if (PYTEST_HEADER.test(t)) this.pytest = true;
    else if (this.pytest && PYTEST_END.test(t)) this.pytest = false;
  }

  /** May a chunk start at line i? */
  allows(i: number): boolean {
    return !this.pytest && i > this.until;
  }
}

const LOGGED_OPERATION = /"kind":"[a-z_]+\.[a-z_]+"/;

/** Is a boundary before line `b` safe, and of which kind? `floor` is the first line of the chunk. */
export function boundaryKind(lines: readonly Line[], b: number, floor = 0): BoundaryKind | null {
  if (b <= floor || b >= lines.length) return null;
  const t = lines[b]?.text ?? '';
  if (isBlank(t) || CONTINUATION.test(t)) return null;
  // The last non-blank line before b.
  let p = b - 1;
  while (p >= floor && isBlank(lines[p]?.text ?? '')) p--;
  if (p < floor) return null;
  const prev = lines[p]?.text ?? '';
  if (OPENS.test(prev) || (REQUEST_ENVELOPE.test(prev) && !prev.includes('"status"'))) return null;
  // A line the next Node error takes its context from (TS 0.10+'s JSON log of the operation, 0.7–0.8's
  // `Request failed:`) stays with it (readers/node-error.ts).
  if ((LOGGED_OPERATION.test(prev) || prev.includes('Request failed: ')) && mayStartJsError(t)) return null;
  // After a pretty-printed object only a clear new record is safe: what follows may be the response to a request.
  if (/^[}\]]/.test(prev) && !STRONG_RECORD.test(t)) return null;
  if (HEADER.test(prev) && inHeaders(lines, p, floor)) return null;
  if (p < b - 1) return 'blank';
  if (STRONG_RECORD.test(t)) return 'record';
  if (WEAK_RECORD.test(t) && (STRONG_RECORD.test(prev) || WEAK_RECORD.test(prev))) return 'record';
  return null;
}

/** Is line p one of the headers that follow an HTTP status line (`curl -i`)? */
function inHeaders(lines: readonly Line[], p: number, floor: number): boolean {
  for (let k = p; k >= floor && k > p - 40; k--) {
    const t = lines[k]?.text ?? '';
    if (STATUS_LINE.test(t)) return true;
    if (!HEADER.test(t)) return false;
  }
  return false;
}
