import type { Finding, Span } from '../decode/finding';
import { stripAnsi } from '../decode/normalize';

/**
 * Times read off a log's own timestamps: ISO 8601 (`2026-11-25T02:56:10.741Z`, GitHub Actions' 7-digit
 * fractions, Rust `tracing` and env_logger), Python logging (`2026-11-25 02:56:10,741`), bracketed
 * (`[2026-11-25 10:15:02]`), Go's `log` package (`2026/11/25 02:56:10`), logfmt (`time=… ` of slog and logrus),
 * and JSON log fields (`"timestamp"`, `"asctime"`, `"time"`, `"ts"`, `"@timestamp"`; strings, or epoch seconds or ms).
 */
export type LogTime = {
  /** Milliseconds since the epoch. A time written without a zone is read as UTC (see `zoned`). */
  ms: number;
  /** The timestamp as the log wrote it. */
  text: string;
  /** Did the log give a zone (Z, an offset, or an epoch number)? Otherwise the time is in the writer's local zone. */
  zoned: boolean;
};

const DATE_TIME =
  /(?<!\d)(\d{4})([-/])(\d{2})\2(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(?: ?(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)(?![\w:]))?/;
const JSON_FIELD = /\\?"(?:@timestamp|timestamp|asctime|datetime|time|ts)\\?"\s*:\s*(?:\\?"([^"\\]{8,40})\\?"|(\d{10}(?:\d{3})?(?:\.\d+)?)(?![\d.]))/;
const LOGFMT_FIELD = /(?:^|\s)(?:time|ts|timestamp)=("?)([^"\s]{8,40})\1(?=\s|$)/;
/** How far into a line a plain timestamp may sit (after a collector's prefix such as `worker-1  | `). */
const PLAIN_WINDOW = 160;
/** How far into a JSON line its time field may sit. */
const JSON_WINDOW = 4000;
/** 2000-01-01 … 2100-01-01: an epoch number outside is not a time. */
const MIN_MS = 946684800000;
const MAX_MS = 4102444800000;

/** Splits a text into lines the way the decoder numbers them (ANSI escapes removed; CRLF, CR and LF). */
/** A log's lines, 0-based (splitLogLines gives an array; a streamed log gives them from its bytes). */
export type LogLines = Pick<readonly string[], 'length' | 'at'>;

export function splitLogLines(text: string): string[] {
  return stripAnsi(text).split(/\r\n|\r|\n/);
}

/** The time a log line was written, or null when it carries no timestamp. Never throws. */
export function readLogTime(line: string): LogTime | null {
  if (line.length < 8) return null;
  const head = line.length > JSON_WINDOW ? line.slice(0, JSON_WINDOW) : line;
  if (head.includes('"')) {
    const j = JSON_FIELD.exec(head);
    if (j) {
      const t = j[1] !== undefined ? parseDateTime(j[1]) : epochTime(j[2] ?? '');
      if (t) return t;
    }
  }
  if (head.includes('=')) {
    const l = LOGFMT_FIELD.exec(head);
    const t = l?.[2] ? parseDateTime(l[2]) : null;
    if (t) return t;
  }
  return parseDateTime(head.length > PLAIN_WINDOW ? head.slice(0, PLAIN_WINDOW) : head);
}

/** The first date and time in `text`, or null. */
export function parseDateTime(text: string): LogTime | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [whole, y, , mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const millis = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(ms).getUTCDate() !== day) return null; // 2026-02-31
  if (zone && /^[+-]/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
    ms -= sign * offset * 60_000;
  }
  return { ms, text: whole.trim(), zoned: zone !== undefined };
}

function epochTime(digits: string): LogTime | null {
  const n = Number(digits);
  if (!Number.isFinite(n)) return null;
  const ms = digits.replace(/\..*$/, '').length >= 13 ? n : n * 1000;
  if (ms < MIN_MS || ms > MAX_MS) return null;
  return { ms: Math.round(ms), text: digits, zoned: true };
}

/** Lines before a span that may hold its record's timestamp (the log line a traceback or a JSON body follows). */
const LOOK_BEHIND = 3;
/** Lines of the span itself that are searched (a long trace rarely holds its time further down). */
const LOOK_INSIDE = 12;

/**
 * When the text of `span` was logged: its first line's timestamp, else the nearest of the few lines before it
 * (the log record a traceback or a response body follows), else a timestamp further down the span.
 * `lines` are the whole text's lines (splitLogLines), index 0 being line 1.
 */
export function timeOfSpan(lines: LogLines, span: Span): LogTime | null {
  const first = span.startLine - 1;
  const own = first >= 0 ? readLogTime(lines.at(first) ?? '') : null;
  if (own) return own;
  for (let k = first - 1; k >= 0 && k >= first - LOOK_BEHIND; k--) {
    const t = readLogTime(lines.at(k) ?? '');
    if (t) return t;
  }
  const last = Math.min(span.endLine - 1, first + LOOK_INSIDE, lines.length - 1);
  for (let k = Math.max(0, first + 1); k <= last; k++) {
    const t = readLogTime(lines.at(k) ?? '');
    if (t) return t;
  }
  return null;
}

/** The earliest and the latest of some times (null when none is known). */
export function timeRange(times: Iterable<LogTime | null>): { first: LogTime | null; last: LogTime | null } {
  let first: LogTime | null = null;
  let last: LogTime | null = null;
  for (const t of times) {
    if (!t) continue;
    if (!first || t.ms < first.ms) first = t;
    if (!last || t.ms > last.ms) last = t;
  }
  return { first, last };
}

/** When a finding was first and last seen: the earliest and latest time of its occurrences. */
export function timesOfFinding(lines: LogLines, finding: Pick<Finding, 'spans'>): { first: LogTime | null; last: LogTime | null } {
  return timeRange(finding.spans.map((span) => timeOfSpan(lines, span)));
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * One way to write every time: `2026-11-25 02:56:10.741Z` for a zoned time (in UTC), `2026-11-25 02:56:10.741`
 * for a local one (as the log wrote it). Milliseconds only when there are some; `iso` gives ISO 8601 (`T`).
 */
export function formatLogTime(t: LogTime, options: { iso?: boolean } = {}): string {
  const d = new Date(t.ms);
  const ms = d.getUTCMilliseconds();
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}`;
  return `${date}${options.iso ? 'T' : ' '}${time}${t.zoned ? 'Z' : ''}`;
}
