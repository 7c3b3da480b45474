import { DISCORD_LIMIT } from '../report/discord';
import type { Group, GroupVerdict } from './group';
import { formatLogTime, timeRange } from './timestamps';
import type { LogTime } from './timestamps';

/**
 * The triage summary as text to paste elsewhere: a Markdown table (GitHub issues and comments), a short
 * Discord message (no tables there; at most 2,000 characters), and CSV (RFC 4180) for a spreadsheet.
 */


export type SummaryOptions = {
  /** A link for a catalog entry (e.g. `https://…/#/e/<id>`); without it, titles are plain text. */
  entryUrl?: (entryId: string) => string;
  /** The catalog version, said in the heading. */
  catalogVersion?: string;
  /** Rows of the Markdown table before "…and N more" (default 50). */
  maxRows?: number;
};

const VERDICT_WORDS: Record<GroupVerdict, string> = {
  safe: 'safe',
  'with-backoff': 'with backoff',
  'after-fix': 'after a fix',
  never: 'never',
  'n/a': 'n/a (not an error)',
};

/** A zero-width space after `@` keeps a pasted `@user`, `@org/team` or `@everyone` from pinging anyone. */
const ZWSP = '\u200b';
const defuseMentions = (s: string): string => s.replace(/@/g, `@${ZWSP}`);

/** Text for a Markdown table cell or list item: one line, markdown and HTML characters escaped, no mentions. */
export function escapeMarkdown(s: string): string {
  return defuseMentions(
    s
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .replace(/[\\`*_{}[\]()<>#|~]/g, (c) => `\\${c}`)
      .trim(),
  );
}

/** Inline code: backticks inside are replaced, since Markdown has no escape inside a code span. */
function code(s: string): string {
  const clean = s.replace(/`/g, "'").replace(/[\r\n]+/g, ' ');
  return clean === '' ? '' : `\`${clean}\``;
}

/** A URL safe inside Markdown's `(…)` and Discord's `<…>`. */
function safeUrl(url: string): string {
  return url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

function codeOf(g: Group): string {
  const codes = g.codes.length > 0 ? g.codes : g.statuses.map(String);
  return codes.join(', ');
}

function verdictOf(g: Group): string {
  return g.verdicts.map((v) => VERDICT_WORDS[v]).join(' / ');
}

function when(t: LogTime | null): string {
  return t ? formatLogTime(t) : '';
}

function totals(groups: readonly Group[]): { count: number; first: LogTime | null; last: LogTime | null } {
  const { first } = timeRange(groups.map((g) => g.first));
  const { last } = timeRange(groups.map((g) => g.last));
  return { count: groups.reduce((n, g) => n + g.count, 0), first, last };
}

function heading(groups: readonly Group[], options: SummaryOptions): string {
  const { count, first, last } = totals(groups);
  const parts = [`${count} ${count === 1 ? 'occurrence' : 'occurrences'} of ${groups.length} ${groups.length === 1 ? 'error' : 'errors'}`];
  if (first && last) parts.push(first.ms === last.ms ? when(first) : `${when(first)} → ${when(last)}`);
  if (options.catalogVersion) parts.push(`catalog ${escapeMarkdown(options.catalogVersion)}`);
  return parts.join(' · ');
}

function titleCell(g: Group, options: SummaryOptions): string {
  const title = escapeMarkdown(clip(g.title, 120));
  const kinds = g.kinds.length > 0 ? ` (${g.kinds.slice(0, 3).map(code).join(', ')}${g.kinds.length > 3 ? ', …' : ''})` : '';
  const linked = g.entry && options.entryUrl ? `[${title}](${safeUrl(options.entryUrl(g.entry))})` : title;
  return `${linked}${kinds}`;
}

/** A Markdown table of the groups for a GitHub issue or comment. */
export function summaryMarkdown(groups: readonly Group[], options: SummaryOptions = {}): string {
  const maxRows = options.maxRows ?? 50;
  const withTimes = groups.some((g) => g.first !== null);
  const header = ['Count', 'Error', 'Source', 'Code', 'Retry', ...(withTimes ? ['First seen', 'Last seen'] : [])];
  const rows = groups.slice(0, maxRows).map((g) => [
    String(g.count),
    titleCell(g, options),
    g.sources.join(', '),
    code(codeOf(g)),
    escapeMarkdown(verdictOf(g)),
    ...(withTimes ? [when(g.first), when(g.last)] : []),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    `**Resonate Inspector summary**: ${heading(groups, options)}`,
    '',
    line(header),
    line(header.map((_, i) => (i === 0 ? '---:' : '---'))),
    ...rows.map(line),
  ];
  if (groups.length > maxRows) {
    const rest = groups.slice(maxRows);
    out.push('', `…and ${rest.length} more (${rest.reduce((n, g) => n + g.count, 0)} occurrences).`);
  }
  return out.join('\n');
}

/**
 * A Discord message of at most `limit` characters (default 2,000): a bold heading and one line per group,
 * as many as fit, then "…and N more". Links are wrapped in `<>` so they do not unfurl.
 */
export function summaryDiscord(groups: readonly Group[], options: SummaryOptions & { limit?: number } = {}): string {
  const limit = options.limit ?? DISCORD_LIMIT;
  const head = `**Resonate Inspector**: ${heading(groups, options)}`;
  const lines = groups.map((g) => {
    const link = g.entry && options.entryUrl ? ` <${safeUrl(options.entryUrl(g.entry))}>` : '';
    const kinds = g.kinds.length > 0 ? ` (${g.kinds.slice(0, 2).join(', ')})` : '';
    const c = codeOf(g);
    return `- **${g.count}×** ${c ? `${code(`${g.sources[0] ?? ''} ${c}`)} ` : ''}${escapeMarkdown(clip(g.title, 90) + kinds)}: retry ${escapeMarkdown(verdictOf(g))}${link}`;
  });
  const more = (n: number, count: number) => `…and ${n} more (${count} occurrences)`;
  let out = clip(head, limit);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const rest = groups.slice(i + 1);
    const tail = rest.length > 0 ? `\n${more(rest.length, rest.reduce((n, g) => n + g.count, 0))}` : '';
    if (out.length + 1 + line.length + tail.length <= limit) {
      out += `\n${line}`;
      continue;
    }
    const left = groups.slice(i);
    const note = `\n${more(left.length, left.reduce((n, g) => n + g.count, 0))}`;
    if (out.length + note.length <= limit) out += note;
    break;
  }
  return out;
}

/** CSV-injection guard (OWASP): a spreadsheet runs a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const iso = (t: LogTime | null): string => (t ? formatLogTime(t, { iso: true }) : '');

/** The summary as CSV (RFC 4180: CRLF line breaks, a header row), one row per group. */
export function summaryCsv(groups: readonly Group[]): string {
  const header = ['count', 'entry', 'title', 'sources', 'codes', 'statuses', 'kinds', 'retry', 'verdicts', 'first_seen', 'last_seen', 'message'];
  const rows = groups.map((g) => [
    g.count,
    g.entry,
    g.title,
    g.sources.join(' '),
    g.codes.join(' '),
    g.statuses.join(' '),
    g.kinds.join(' '),
    g.retry,
    g.verdicts.join(' '),
    iso(g.first),
    iso(g.last),
    g.message,
  ]);
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
