/**
 * The words and options of the report UI: what was redacted, where a GitHub report goes, what a copy did.
 * The reports themselves are built in src/core/report; this only says things about them.
 */
import type { Finding } from '../../core/decode/finding';
import type { GithubReport } from '../../core/report/github';
import type { Redaction, RedactionKind } from '../../core/report/redact';
import type { ReportOptions } from '../../core/report/report-parts';
import { reportContext } from '../../core/report/report-context';
import type { PasteText } from '../../core/text/paste-text';

const number = new Intl.NumberFormat('en-US');

/** "1,234". */
export function formatCount(n: number): string {
  return number.format(n);
}

const NOUNS: Record<RedactionKind, readonly [string, string]> = {
  jwt: ['JWT', 'JWTs'],
  bearer: ['bearer token', 'bearer tokens'],
  'auth-header': ['Authorization credential', 'Authorization credentials'],
  'api-key': ['API key', 'API keys'],
  token: ['token', 'tokens'],
  secret: ['secret', 'secrets'],
  password: ['password', 'passwords'],
  'private-key': ['private key', 'private keys'],
  cookie: ['cookie', 'cookies'],
  payload: ['payload', 'payloads'],
};

/** "2 JWTs", "1 payload". */
export function redactionCount(r: Pick<Redaction, 'kind' | 'count'>): string {
  const [one, many] = NOUNS[r.kind];
  return `${formatCount(r.count)} ${r.count === 1 ? one : many}`;
}

/** One line of the redaction list: "2 JWTs → <redacted JWT>", as its parts. */
export type RedactionLine = { key: string; what: string; marker: string };

export function redactionLines(redactions: readonly Redaction[]): RedactionLine[] {
  return redactions.map((r) => ({ key: `${r.kind}:${r.label}`, what: redactionCount(r), marker: r.label }));
}

/** For a live status: "2 JWTs and 1 payload redacted", or "nothing needed redacting". */
export function redactionSummary(redactions: readonly Redaction[]): string {
  if (redactions.length === 0) return 'nothing needed redacting';
  // Payloads of different sizes have a marker each; the summary counts them together.
  const totals = new Map<RedactionKind, number>();
  for (const r of redactions) totals.set(r.kind, (totals.get(r.kind) ?? 0) + r.count);
  const parts = [...totals].map(([kind, count]) => redactionCount({ kind, count }));
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${list} redacted`;
}

/** Did redaction hide promise payloads (so the user may choose to include them)? */
export function hidesPayloads(redactions: readonly Redaction[]): boolean {
  return redactions.some((r) => r.kind === 'payload' && r.count > 0);
}

/** Where this inspector is served, for the reports' links to catalog entries: no query, no fragment. */
export function appUrlOf(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}`;
}

/**
 * The builders' options for this page. Of a long log, a report reads its first lines and those around the finding
 * that starts on `startLine` (report-context.ts), not all of it: cut from a long file's pieces when a report is made.
 */
export function reportOptions(
  pastedText: PasteText,
  location: Pick<Location, 'origin' | 'pathname'>,
  includePayloads = false,
  startLine: number | null = null,
): ReportOptions {
  return { pastedText: reportContext(pastedText, startLine), includePayloads, appUrl: appUrlOf(location) };
}

/** How the report fills GitHub's new-issue page. */
export function templateText(template: GithubReport['template']): string {
  switch (template) {
    case 'report-bug.yml':
      return "report-bug.yml — the organisation's bug form, filled field by field";
    case 'bug_report.md':
      return "bug_report.md — the repository's bug template, its headings kept";
    case null:
      return 'none — a plain issue';
  }
}

/** An honest word before reporting something that is probably not a Resonate bug; null when there is none. */
export function githubCaveat(finding: Pick<Finding, 'source' | 'error' | 'retry'>): string | null {
  if (finding.source === 'unknown') {
    return 'This is probably not a Resonate bug: the inspector found no Resonate error in this text. Report it to the maintainers of the code that raised it, unless you have reason to think Resonate caused it.';
  }
  if (!finding.error || finding.retry === 'n/a') {
    return 'This is not an error: the call succeeded. There is probably nothing to report, unless the answer itself is wrong.';
  }
  return null;
}

/** The notice shown before GitHub opens, when the report does not fit in a link. */
export const TOO_LONG_NOTICE =
  'The report is too long for a link, so the link carries a shortened one. When you open the issue, the full report is copied to your clipboard first: paste it into the issue in place of the shortened text.';

/** What the page says once "Open GitHub issue" has done its part. */
export type OpenState = 'idle' | 'copied' | 'copy-failed' | 'opened';

export function openStatus(state: OpenState): string {
  switch (state) {
    case 'idle':
      return '';
    case 'copied':
      return 'The report was too long for a link: the full report is on your clipboard — paste it into the issue. GitHub opened in a new tab.';
    case 'copy-failed':
      return 'The report is too long for a link, and the browser did not allow copying it: copy the full report below yourself, then open the issue.';
    case 'opened':
      return 'GitHub opened in a new tab: read the issue over, then submit it there.';
  }
}

/** "4,312 of 6,000 characters". */
export function urlLengthText(url: string, budget: number): string {
  return `${formatCount(url.length)} of ${formatCount(budget)} characters`;
}

/** What "Copy for Discord" says: "Copied — 1,234 / 2,000 characters". */
export function discordStatus(length: number, limit: number, copied: boolean): string {
  if (!copied) return 'The browser did not allow copying: select the message below and copy it yourself.';
  return `Copied — ${formatCount(length)} / ${formatCount(limit)} characters`;
}

/** What "Copy as Markdown" says. */
export function markdownStatus(length: number, copied: boolean, findings = 1): string {
  if (!copied) return 'The browser did not allow copying: select the report below and copy it yourself.';
  const what = findings === 1 ? 'the Markdown report' : `the Markdown report of all ${formatCount(findings)} findings`;
  return `Copied ${what} — ${formatCount(length)} characters`;
}
