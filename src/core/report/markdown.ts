/**
 * "Copy as Markdown": a self-contained diagnostic report for one finding, or for all of them at once.
 * No length limit; everything is redacted.
 */
import type { Catalog } from '../catalog/catalog-types';
import type { Finding } from '../decode/finding';
import type { Redaction } from './redact';
import { countRedactions, mergeRedactions, redact } from './redact';
import type { Prepared, ReportOptions } from './report-parts';
import { codeLabel, curlReplay, environmentLines, fenceFor, formatFrame, headline, mdSafe, prepare, sourceLabel } from './report-parts';

export type MarkdownReport = {
  text: string;
  redactions: Redaction[];
};

const code = (s: string): string => {
  const ticks = fenceFor(s, 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${s}${pad}${ticks}`;
};

function fence(content: string, lang: string): string {
  const f = fenceFor(content);
  return `${f}${lang}\n${content}\n${f}`;
}

function facts(p: Prepared): string[] {
  const f = p.finding;
  const out = [`- Source: ${sourceLabel(f.source)}`];
  const c = codeLabel(f);
  const ident = [c !== null ? `code ${code(c)}` : null, f.status !== null && c !== String(f.status) ? `HTTP ${f.status}` : null, f.kind ? `kind ${code(f.kind)}` : null, f.name ? `name ${code(f.name)}` : null]
    .filter((x): x is string => x !== null)
    .join(' · ');
  if (ident) out.push(`- ${ident}`);
  if (f.message) out.push(`- Message: ${code(f.message.split('\n')[0] ?? '')}`);
  if (f.corrId) out.push(`- corrId: ${code(f.corrId)}`);
  if (f.ids.promise) out.push(`- Promise: ${code(f.ids.promise)}`);
  if (f.ids.task) out.push(`- Task: ${code(f.ids.task)}`);
  if (f.ids.schedule) out.push(`- Schedule: ${code(f.ids.schedule)}`);
  if (f.userFrame) out.push(`- In your code: ${code(formatFrame(f.userFrame))}`);
  if (f.chain.length > 1) out.push(`- Exception chain (root cause first): ${f.chain.map((l) => code(`${l.name}: ${l.message.split('\n')[0] ?? ''}`)).join(' → ')}`);
  if (f.wraps) out.push(`- Wraps a ${sourceLabel(f.wraps.source)} error: ${code([f.wraps.code ?? f.wraps.status ?? '', f.wraps.message ?? ''].join(' ').trim())}`);
  if (f.count > 1) out.push(`- Seen ${f.count} times in the paste`);
  if (f.inferred.length > 0) out.push(`- Inferred rather than read: ${f.inferred.join(', ')}`);
  return out;
}

function inputSection(p: Prepared): string[] {
  const input = p.input;
  if (input.type === 'envelope') {
    const out: string[] = [];
    if (input.request !== null) out.push('Request:', '', fence(input.request, 'json'), '');
    if (input.response !== null) out.push('Response:', '', fence(input.response, 'json'), '');
    const curl = curlReplay(p.finding);
    if (curl) out.push('Replay (redacted):', '', fence(curl, 'bash'), '');
    return out;
  }
  if (input.text.trim() === '') return [];
  return [fence(input.text, input.python ? 'pytb' : 'text'), ''];
}

/** The report body of one finding under a heading of the given level. */
function section(p: Prepared, heading: string): string {
  const f = p.finding;
  const d = p.diagnosis;
  const lines: string[] = [`${heading} ${mdSafe(d.title)}`, '', `${code(headline(f))} · ${sourceLabel(f.source)}${f.warning ? ' · warning' : ''}${!f.error ? ' · not an error' : ''}`, ''];
  if (d.summary) lines.push(`**What it means:** ${mdSafe(d.summary)}`, '');
  lines.push(`**Is a retry safe?** ${d.retryAnswer} (\`${d.retry}\`)${d.retryReason ? ` — ${mdSafe(d.retryReason)}` : ''}`, '');
  if (f.error && d.cause) lines.push(`**Likely cause:** ${mdSafe(d.cause)}`, '');
  if (d.otherCauses.length > 0) lines.push('**Other possible causes:**', '', ...d.otherCauses.map((c) => `- ${mdSafe(c)}`), '');
  if (d.mismatch) lines.push(`**Version mismatch:** ${mdSafe(d.mismatch)}`, '');
  if (f.steps.length > 0) lines.push('**Next steps:**', '', ...f.steps.map((s, i) => `${i + 1}. ${mdSafe(s)}`), '');
  if (f.notes.length > 0) lines.push('**Notes:**', '', ...f.notes.map((n) => `- ${mdSafe(n)}`), '');
  lines.push('**Facts:**', '', ...facts(p), '');
  const input = inputSection(p);
  if (input.length > 0) lines.push('**Input (redacted):**', '', ...input);
  lines.push('**Environment:**', '', ...environmentLines(p.environment, d.catalogVersion), '');
  if (d.entryId) {
    const id = code(d.entryId);
    lines.push(`**Catalog entry:** ${d.entryUrl ? `[${id}](${d.entryUrl})` : id}${d.docs ? ` · [docs](${d.docs})` : ''}`);
  } else {
    lines.push(`**Catalog entry:** none: the catalog (${d.catalogVersion}) does not know this error yet.`);
    if (f.nearest) lines.push('', `**Nearest catalog entries:** ${f.nearest.map((e) => `${code(e.id)} (${mdSafe(e.title)})`).join(', ')}`);
  }
  return lines.join('\n').trimEnd();
}

function finish(text: string, options: ReportOptions, known: Redaction[]): MarkdownReport {
  const r = redact(text, options);
  const all = mergeRedactions(known, r.redactions);
  return { text: `${r.text}\n`, redactions: countRedactions([r.text], all) };
}

/** "Copy as Markdown" for one finding. */
export function buildMarkdownReport(finding: Finding, catalog: Catalog, options: ReportOptions = {}): MarkdownReport {
  const p = prepare(finding, catalog, options);
  return finish(section(p, '##'), options, p.redactions);
}

/** "Copy as Markdown" for every finding of a paste: a summary list, then one section per finding. */
export function buildMarkdownReportAll(findings: readonly Finding[], catalog: Catalog, options: ReportOptions = {}): MarkdownReport {
  const prepared = findings.map((f) => prepare(f, catalog, options));
  const n = prepared.length;
  const lines = ['# Resonate Inspector report', ''];
  if (n === 0) {
    lines.push('No Resonate error, envelope or trace found in the paste.');
    return finish(lines.join('\n'), options, []);
  }
  lines.push(`${n} ${n === 1 ? 'finding' : 'findings'}, diagnosed with catalog ${catalog.version}:`, '');
  prepared.forEach((p, i) => lines.push(`${i + 1}. **${mdSafe(p.diagnosis.title)}** — ${code(headline(p.finding, 120))} — ${p.diagnosis.retryAnswer} (\`${p.diagnosis.retry}\`)`));
  lines.push('');
  prepared.forEach((p, i) => lines.push(section(p, `## ${i + 1}.`), ''));
  return finish(lines.join('\n').trimEnd(), options, mergeRedactions(...prepared.map((p) => p.redactions)));
}
