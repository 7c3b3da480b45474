import type { Catalog } from '../core/catalog/catalog-types';
import type { Finding } from '../core/decode/finding';
import { buildDiscordMessage } from '../core/report/discord';
import { buildGithubReport } from '../core/report/github';
import { buildMarkdownReport, buildMarkdownReportAll } from '../core/report/markdown';
import type { Redaction } from '../core/report/redact';
import { mergeRedactions } from '../core/report/redact';
import type { ReportKind } from './args';

/** The CLI's JSON form of a finding: the contract fields first, then the details. */
export function toJsonFinding(f: Finding) {
  return {
    source: f.source,
    code: f.code,
    status: f.status,
    kind: f.kind,
    message: f.message,
    entry: f.entry,
    error: f.error,
    retry: f.retry,
    title: f.title,
    cause: f.cause,
    name: f.name,
    retryReason: f.retryReason,
    count: f.count,
    corrId: f.corrId,
    ids: f.ids,
    versions: f.versions,
    mismatch: f.mismatch,
    userFrame: f.userFrame,
    chain: f.chain,
    wraps: f.wraps,
    inferred: f.inferred,
    notes: f.notes,
    steps: f.steps,
    span: f.span,
    ...(f.rawKind ? { rawKind: f.rawKind } : {}),
    ...(f.fragment ? { fragment: true } : {}),
    ...(f.nearest ? { nearest: f.nearest } : {}),
    ...(f.request ? { request: f.request } : {}),
  };
}

const VERDICT_TEXT: Record<Finding['retry'], string> = {
  safe: 'yes, safe to retry',
  'with-backoff': 'yes, with backoff',
  'after-fix': 'not until you fix it',
  never: 'no, never retry this request',
  'n/a': 'nothing to retry (not an error)',
};

/** A readable summary for a terminal. */
export function formatFindingsText(file: string, findings: Finding[], withFile: boolean): string {
  const out: string[] = [];
  if (withFile) out.push(`== ${file}`);
  if (findings.length === 0) {
    out.push('No Resonate error, envelope or trace found.');
    return out.join('\n');
  }
  findings.forEach((f, i) => out.push(formatFindingText(f, i + 1)));
  return out.join('\n');
}

/** One finding of the summary, numbered `n`. */
export function formatFindingText(f: Finding, n: number): string {
  const out: string[] = [];
  const id = [f.source, f.code ?? (f.status !== null ? String(f.status) : null), f.kind].filter(Boolean).join(' · ');
  out.push(`${n}. ${f.title}${f.count > 1 ? ` (×${f.count})` : ''}`);
  out.push(`   ${id}${f.entry ? `   [${f.entry}]` : ''}`);
  if (f.message) out.push(`   message: ${f.message.split('\n')[0]}`);
  out.push(`   what:    ${f.summary}`);
  out.push(`   cause:   ${f.cause}`);
  out.push(`   retry?   ${VERDICT_TEXT[f.retry]} — ${f.retryReason}`);
  if (f.mismatch) out.push(`   version mismatch: ${f.mismatch}`);
  if (f.userFrame) out.push(`   in your code: ${f.userFrame.file}:${f.userFrame.line ?? '?'}${f.userFrame.func ? ` (${f.userFrame.func})` : ''}`);
  f.steps.slice(0, 3).forEach((s, k) => out.push(`   ${k === 0 ? 'next:' : '     '}    ${k + 1}. ${s}`));
  if (f.nearest) out.push(`   nearest entries: ${f.nearest.map((e) => `${e.id} (${e.title})`).join('; ')}`);
  return out.join('\n');
}

export type CliReportOptions = { appUrl: string | null; includePayloads: boolean; pastedText: string };

const reportOptions = (o: CliReportOptions) => ({ pastedText: o.pastedText, includePayloads: o.includePayloads, ...(o.appUrl ? { appUrl: o.appUrl } : {}) });

/** One finding's report, for the JSON line (`--json --report KIND`). */
export function toJsonReport(kind: ReportKind, finding: Finding, catalog: Catalog, o: CliReportOptions) {
  const opts = reportOptions(o);
  switch (kind) {
    case 'github': {
      const r = buildGithubReport(finding, catalog, opts);
      return {
        kind,
        repo: r.repo,
        template: r.template,
        url: r.url,
        title: r.title,
        truncated: r.truncated,
        ...(r.truncated ? { fullBody: r.fullBody } : {}),
        searchUrl: r.searchUrl,
        redactions: r.redactions,
      };
    }
    case 'discord': {
      const r = buildDiscordMessage(finding, catalog, opts);
      return { kind, text: r.text, truncated: r.truncated, redactions: r.redactions };
    }
    case 'markdown': {
      const r = buildMarkdownReport(finding, catalog, opts);
      return { kind, text: r.text, redactions: r.redactions };
    }
  }
}

/**
 * The reports of one input as text: GitHub URLs one per line, Discord messages separated by a blank line,
 * or one Markdown report of every finding. `notes` go to standard error (what was redacted or shortened).
 */
export function formatReports(kind: ReportKind, file: string, findings: Finding[], catalog: Catalog, o: CliReportOptions, withFile: boolean): { text: string; notes: string[] } {
  const opts = reportOptions(o);
  const out: string[] = [];
  const notes: string[] = [];
  const redactions: Redaction[][] = [];
  if (withFile && kind !== 'github') out.push(`== ${file}`);
  if (kind === 'markdown') {
    const r = buildMarkdownReportAll(findings, catalog, opts);
    out.push(r.text.trimEnd());
    redactions.push(r.redactions);
  } else if (findings.length === 0) {
    notes.push(`${file}: no Resonate error, envelope or trace found`);
  } else {
    findings.forEach((f, i) => {
      if (kind === 'github') {
        const r = buildGithubReport(f, catalog, opts);
        out.push(r.url);
        redactions.push(r.redactions);
        if (r.truncated) notes.push(`${file}: finding ${i + 1}'s GitHub report was shortened to fit in a URL; print it whole with --report markdown`);
      } else {
        const r = buildDiscordMessage(f, catalog, opts);
        out.push(i === 0 ? r.text : `\n${r.text}`);
        redactions.push(r.redactions);
        if (r.truncated) notes.push(`${file}: finding ${i + 1}'s Discord message was cut to 2,000 characters`);
      }
    });
  }
  const redacted = mergeRedactions(...redactions);
  if (redacted.length > 0) notes.push(`${file}: redacted ${redacted.map((r) => `${r.count} × ${r.label}`).join(', ')}`);
  return { text: out.join('\n'), notes };
}
