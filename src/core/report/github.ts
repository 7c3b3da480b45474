/**
 * "Report on GitHub": a prefilled new-issue URL for the right repository and template (anchors.md §1).
 * - resonatehq/resonate and resonatehq/resonate-sdk-py have no templates of their own, so the
 *   organisation's issue form `report-bug.yml` applies: it is prefilled by field id (summary, affected,
 *   reproducer, env); `reproducer` is rendered as bash, so it carries no code fences;
 * - resonatehq/resonate-sdk-ts has its own `bug_report.md`: the body repeats its headings exactly.
 * Never `labels`, `assignees`, `milestone` or `projects` (they 404 for anyone without triage rights).
 * The encoded URL stays within a budget (6,000 characters by default); past it the report is shortened,
 * keeping the diagnosis first and the head of the input, and the full report is returned for the clipboard.
 */
import type { Catalog } from '../catalog/catalog-types';
import type { Finding } from '../decode/finding';
import type { Redaction } from './redact';
import { countRedactions, mergeRedactions, redact } from './redact';
import type { Prepared, ReportOptions } from './report-parts';
import {
  codeLabel,
  curlReplay,
  environmentLines,
  fenceFor,
  headline,
  inputText,
  mdSafe,
  oneLine,
  prepare,
  reportRepoFor,
  reproSteps,
  sourceLabel,
  trimLines,
} from './report-parts';

export type GithubTemplate = 'report-bug.yml' | 'bug_report.md';

export type GithubReportOptions = ReportOptions & {
  /** Maximum length of the encoded URL (default 6,000; GitHub fails somewhere past 8,000). */
  budget?: number;
};

export type GithubReport = {
  /** `owner/name` */
  repo: string;
  /** The template the URL asks for; null for a repository whose templates are not known (a plain `body`). */
  template: GithubTemplate | null;
  /** The new-issue URL, within the budget whenever possible. */
  url: string;
  title: string;
  /** The prefill parameters as the URL carries them (form field ids, or `body`), after any shortening. */
  fields: Record<string, string>;
  /** The issue body as GitHub will show it from the URL (shortened when `truncated`). */
  body: string;
  /** The whole report, never shortened: what goes to the clipboard when `truncated`. */
  fullBody: string;
  /** True when the URL carries a shortened report (the page must say so and copy `fullBody`). */
  truncated: boolean;
  /** "Search existing issues" before filing: `/issues?q=` with the normalized message. */
  searchUrl: string;
  /** What was redacted from the full report. */
  redactions: Redaction[];
};

export const DEFAULT_URL_BUDGET = 6000;
export const TRIM_NOTE = '[… trimmed: full report copied to clipboard]';

/** The org issue form's title prefix (`title: "[Bug] "` in report-bug.yml). */
const FORM_TITLE_PREFIX = '[Bug] ';
const MAX_TITLE = 200;
const FORM_FIELDS = ['summary', 'affected', 'reproducer', 'env'] as const;
const FORM_LABELS: Record<(typeof FORM_FIELDS)[number], string> = {
  summary: "What's the bug?",
  affected: 'Affected repos / surfaces',
  reproducer: 'Reproducer',
  env: 'Environment',
};

/** Repositories with their own issue templates; every other resonatehq repository falls back to the organisation's form. */
const OWN_TEMPLATES: Record<string, GithubTemplate> = {
  'resonatehq/resonate-sdk-ts': 'bug_report.md',
};

export function templateFor(repo: string): GithubTemplate | null {
  const own = OWN_TEMPLATES[repo.toLowerCase()];
  if (own) return own;
  return repo.toLowerCase().startsWith('resonatehq/') ? 'report-bug.yml' : null;
}

/** The words of a message worth searching for: no ids, numbers, quoted values, paths or markers. */
export function normalizeMessage(message: string): string {
  const line = (message.split('\n').find((l) => l.trim() !== '') ?? '').trim();
  const words = line
    .replace(/<(?:redacted|payload)[^>]*>/g, ' ')
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ')
    .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, ' ')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' ')
    .replace(/(?:^|\s)\S*[/\\]\S*/g, ' ')
    .replace(/\S*\d\S*/g, ' ')
    .replace(/[^\p{L}\s_-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1 || /^[aA]$/.test(w));
  return words.slice(0, 10).join(' ').slice(0, 100);
}

export function githubSearchUrl(repo: string, finding: Pick<Finding, 'message' | 'title'>): string {
  const terms = normalizeMessage(finding.message ?? '') || normalizeMessage(finding.title);
  const params = new URLSearchParams({ q: `is:issue ${terms}`.trim() });
  return `https://github.com/${repo}/issues?${params.toString()}`;
}

// ---------------------------------------------------------------------------------------------------------
// Rendering at a given level of shortening

type Shrink = {
  /** Maximum number of input lines kept (null: all). */
  inputLines: number | null;
  /** Maximum characters per input line (null: no cap). */
  lineCap: number | null;
  /** Drop the optional parts: other causes, suggested steps, notes. */
  lean: boolean;
  /** Only the diagnosis: no input, no environment, no steps (the whole report goes to the clipboard). */
  minimal: boolean;
  /** Maximum characters of each prose field (null: no cap). */
  proseCap: number | null;
};

const FULL: Shrink = { inputLines: null, lineCap: null, lean: false, minimal: false, proseCap: null };

type Rendered = { title: string; fields: Record<string, string>; trimmed: boolean };

function capLine(line: string, cap: number | null): string {
  if (cap === null || line.length <= cap) return line;
  return `${line.slice(0, cap)} … [+${line.length - cap} chars]`;
}

function capProse(text: string, cap: number | null): { text: string; cut: boolean } {
  if (cap === null || text.length <= cap) return { text, cut: false };
  const slice = text.slice(0, cap);
  const nl = slice.lastIndexOf('\n');
  return { text: `${(nl > cap / 2 ? slice.slice(0, nl) : slice).trimEnd()}\n\n${TRIM_NOTE}`, cut: true };
}

/** Input lines, shortened: a marker where lines were cut. */
function shortenInput(lines: readonly string[], s: Shrink, tailFirst: boolean, comment: string): { lines: string[]; cut: boolean } {
  const capped = lines.map((l) => capLine(l, s.lineCap));
  const cappedAny = capped.some((l, i) => l !== lines[i]);
  if (s.inputLines === null || lines.length <= s.inputLines) return { lines: capped, cut: cappedAny };
  return { lines: trimLines(capped, s.inputLines, tailFirst, (n) => `${comment}${TRIM_NOTE} (${n} lines)`), cut: true };
}

function diagnosisLines(p: Prepared, lean: boolean): string[] {
  const d = p.diagnosis;
  const f = p.finding;
  const lines = [`**Diagnosis** (${sourceLabel(f.source)}): **${mdSafe(d.title)}** — ${mdSafe(d.summary)}`];
  lines.push(`- **Is a retry safe?** ${d.retryAnswer} (\`${d.retry}\`) — ${mdSafe(d.retryReason)}`);
  lines.push(`- **Likely cause:** ${mdSafe(d.cause)}`);
  if (d.mismatch) lines.push(`- **Version mismatch:** ${mdSafe(d.mismatch)}`);
  if (d.entryId) {
    const id = `\`${d.entryId}\``;
    lines.push(`- **Catalog entry:** ${d.entryUrl ? `[${id}](${d.entryUrl})` : id} (Resonate Inspector catalog ${d.catalogVersion})`);
  } else {
    lines.push(`- **Catalog entry:** none yet: the catalog (${d.catalogVersion}) does not know this error.`);
    if (f.nearest) lines.push(`- **Nearest catalog entries:** ${f.nearest.map((e) => `\`${e.id}\` (${mdSafe(e.title)})`).join(', ')}`);
  }
  if (d.docs) lines.push(`- **Docs:** ${d.docs}`);
  if (!lean) {
    if (d.otherCauses.length > 0) lines.push(`- **Other possible causes:** ${d.otherCauses.map(mdSafe).join(' · ')}`);
    if (f.steps.length > 0) lines.push(`- **Next steps the inspector suggests:** ${f.steps.map((s, i) => `(${i + 1}) ${mdSafe(s)}`).join(' ')}`);
    for (const note of f.notes) lines.push(`- **Note:** ${mdSafe(note)}`);
  }
  return lines;
}

function happenedLine(f: Finding): string {
  const facts = [
    f.corrId ? `corrId \`${f.corrId}\`` : null,
    f.userFrame ? `at \`${f.userFrame.file}${f.userFrame.line !== null ? `:${f.userFrame.line}` : ''}\`` : null,
    f.count > 1 ? `seen ${f.count} times in the paste` : null,
  ].filter((x): x is string => x !== null);
  return `**What happened:** \`${headline(f).replace(/`/g, "'")}\`${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
}

function affectedLines(p: Prepared): string[] {
  const f = p.finding;
  const env = p.environment;
  const at = (v: string | undefined): string => (v ? ` @ ${v}` : ' @ version not in the paste');
  const lines: string[] = [];
  switch (f.source) {
    case 'server':
      lines.push(`- resonate (server)${at(env.server)}`);
      break;
    case 'legacy-server':
      lines.push(`- resonate (legacy Go server)${at(env.server)}`);
      break;
    case 'python-sdk':
      lines.push(`- resonate-sdk (Python)${at(env.sdk)}`);
      if (env.server || f.wraps) lines.push(`- resonate (server)${at(env.server)}`);
      break;
    case 'ts-sdk':
      lines.push(`- @resonatehq/sdk (TypeScript)${at(env.sdk)}`);
      if (env.server || f.wraps) lines.push(`- resonate (server)${at(env.server)}`);
      break;
    case 'unknown':
      lines.push('- The application itself: the inspector found no Resonate error in the paste.');
      break;
  }
  if (env.protocol) lines.push(`- protocol version ${env.protocol}`);
  return lines;
}

/** The form's bash-rendered reproducer: comments, the curl replay, the observed output. No fences. */
function reproducerLines(p: Prepared): { head: string[]; input: string[]; tailFirst: boolean } {
  const f = p.finding;
  const head = ['# Steps to reproduce:', ...reproSteps(f).map((s, i) => `# ${i + 1}. ${s.replace(/`/g, '')}`)];
  const input: string[] = [];
  const curl = curlReplay(f);
  if (curl) input.push('# Replay (redacted):', ...curl.split('\n'));
  const observed = p.input.type === 'envelope' ? p.input.response : inputText(p.input);
  if (observed) input.push(p.input.type === 'envelope' ? '# Observed response:' : '# Output (redacted):', ...observed.split('\n'));
  return { head, input: input.map((l) => l.replace(/`{3,}/g, "'''")), tailFirst: p.input.type === 'trace' && p.input.python };
}

/** The diagnosis first, then what happened: what a shortened report must keep. */
function essentials(p: Prepared, s: Shrink): { text: string; cut: boolean } {
  const lines = diagnosisLines(p, true).filter((l) => !l.startsWith('- **Docs:**'));
  const text = capProse([...lines, '', happenedLine(p.finding)].join('\n'), s.proseCap).text;
  return { text: text.endsWith(TRIM_NOTE) ? text : `${text}\n\n${TRIM_NOTE}`, cut: true };
}

function renderForm(p: Prepared, title: string, s: Shrink): Rendered {
  const f = p.finding;
  if (s.minimal) return { title, fields: { summary: essentials(p, s).text, reproducer: `# ${TRIM_NOTE}` }, trimmed: true };
  const summaryLines = [happenedLine(f), '', ...diagnosisLines(p, s.lean), '', '**Expected:** _describe what you expected instead._'];
  const repro = reproducerLines(p);
  const input = shortenInput(repro.input, s, repro.tailFirst, '# ');
  const summary = capProse(summaryLines.join('\n'), s.proseCap);
  const trimmed = input.cut || summary.cut;
  const cap = (lines: string[]): string => lines.map((l) => capLine(l, s.lineCap)).join('\n');
  const fields: Record<string, string> = {
    summary: trimmed && !summary.cut ? `${summary.text}\n\n${TRIM_NOTE}` : summary.text,
    affected: cap(affectedLines(p)),
    reproducer: [...repro.head.map((l) => capLine(l, s.lineCap)), ...input.lines].join('\n'),
    env: cap(environmentLines(p.environment, p.diagnosis.catalogVersion)),
  };
  return { title, fields, trimmed };
}

function renderMarkdownTemplate(p: Prepared, title: string, s: Shrink): Rendered {
  const f = p.finding;
  if (s.minimal) {
    const body = ['## Expected Behavior', '', '_Describe what you expected instead._', '', '## Actual Behavior', '', essentials(p, s).text, '', '## To Reproduce', '', TRIM_NOTE, '', '## Specifications', '', TRIM_NOTE, '', '## Additional context', '', TRIM_NOTE].join('\n');
    return { title, fields: { body }, trimmed: true };
  }
  const inputLines = inputText(p.input).split('\n');
  const tailFirst = p.input.type === 'trace' && p.input.python;
  const input = shortenInput(inputLines, s, tailFirst, '');
  const inputBody = input.lines.join('\n');
  const fence = fenceFor(inputBody);
  const lang = p.input.type === 'envelope' ? 'json' : 'text';
  const actual = capProse([happenedLine(f), '', ...diagnosisLines(p, s.lean)].join('\n'), s.proseCap);
  const curl = curlReplay(f);
  const steps = reproSteps(f).map((st, i) => capLine(`${i + 1}. ${mdSafe(st)}`, s.lineCap));
  const env = p.environment;
  const platform = [env.runtime, env.os].filter((x): x is string => x !== undefined).join(', ');
  const extra = environmentLines(env, p.diagnosis.catalogVersion).filter((l) => /^- (Resonate server|Protocol version|Diagnosed)/.test(l));
  const trimmed = input.cut || actual.cut;
  const body = [
    '## Expected Behavior',
    '',
    `_Describe what you expected instead._ ${f.kind ? `\`${f.kind}\` succeeds` : 'The call succeeds'}, or fails with an error that says what to do.`,
    '',
    '## Actual Behavior',
    '',
    actual.text,
    '',
    ...(inputBody.trim() !== '' ? [`${fence}${lang}`, inputBody, fence, ''] : []),
    '## To Reproduce',
    '',
    ...steps,
    // Shortened, the request stays in the input block above; the replay command goes with the full report.
    ...(curl && s.inputLines === null ? ['', `${fenceFor(curl)}bash`, curl, fenceFor(curl)] : []),
    '',
    '## Specifications',
    '',
    `- Version: ${env.sdk ?? `${f.source === 'ts-sdk' ? '@resonatehq/sdk ' : ''}version not in the paste`}`,
    `- Platform: ${platform || 'not in the paste'}`,
    '',
    '## Additional context',
    '',
    ...extra,
    ...(trimmed ? ['', TRIM_NOTE] : []),
  ].join('\n');
  return { title, fields: { body }, trimmed };
}

/** The form's fields as GitHub shows a submitted form: one `###` section per field. */
function formMarkdown(fields: Record<string, string>): string {
  return FORM_FIELDS.filter((id) => fields[id] !== undefined).map((id) => {
    const value = fields[id] ?? '';
    const text = id === 'reproducer' ? `${fenceFor(value)}bash\n${value}\n${fenceFor(value)}` : value;
    return `### ${FORM_LABELS[id]}\n\n${text}`;
  }).join('\n\n');
}

function issueUrl(repo: string, template: GithubTemplate | null, title: string, fields: Record<string, string>): string {
  const params = new URLSearchParams();
  if (template) params.set('template', template);
  params.set('title', title);
  for (const [k, v] of Object.entries(fields)) params.set(k, v);
  return `https://github.com/${repo}/issues/new?${params.toString()}`;
}

/** The issue title: under 256 characters, naming the code and message (`[Bug] promise.get → 404 Promise not found`). */
export function githubTitle(finding: Finding, template: GithubTemplate | null): string {
  const prefix = template === 'report-bug.yml' ? FORM_TITLE_PREFIX : '';
  const code = codeLabel(finding);
  let text = headline(finding, MAX_TITLE - prefix.length);
  if (code !== null && !text.includes(code.replace(/^HTTP /, ''))) text = oneLine(`${code} ${text}`, MAX_TITLE - prefix.length);
  return prefix + text;
}

/**
 * Builds the GitHub report for one finding. Pure, never throws on what the decoder returns.
 * Everything that reaches the URL, the body or the clipboard is redacted.
 */
export function buildGithubReport(finding: Finding, catalog: Catalog, options: GithubReportOptions = {}): GithubReport {
  const budget = options.budget ?? DEFAULT_URL_BUDGET;
  const p = prepare(finding, catalog, options);
  const repo = reportRepoFor(p.finding, catalog);
  const template = templateFor(repo);
  const form = template === 'report-bug.yml';
  let finalRedactions: Redaction[] = [];
  const safe = (text: string): string => {
    const r = redact(text, options);
    if (r.redactions.length > 0) finalRedactions = mergeRedactions(finalRedactions, r.redactions);
    return r.text;
  };
  const title = safe(githubTitle(p.finding, template));
  const render = (s: Shrink): Rendered => {
    const r = form ? renderForm(p, title, s) : renderMarkdownTemplate(p, title, s);
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.fields)) fields[k] = safe(v);
    return { ...r, fields };
  };
  const toBody = (fields: Record<string, string>): string => (form ? formMarkdown(fields) : (fields.body ?? ''));
  const full = render(FULL);
  const fullBody = toBody(full.fields);
  const fits = (r: Rendered): boolean => issueUrl(repo, template, r.title, r.fields).length <= budget;

  let chosen: Rendered | null = fits(full) ? full : null;
  if (!chosen) {
    const total = form ? reproducerLines(p).input.length : inputText(p.input).split('\n').length;
    for (const lean of [false, true]) {
      const at = (n: number): Rendered => render({ inputLines: n, lineCap: 200, lean, minimal: false, proseCap: null });
      if (!fits(at(0))) continue;
      let lo = 0;
      let hi = total;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (fits(at(mid))) lo = mid;
        else hi = mid - 1;
      }
      chosen = at(lo);
      break;
    }
  }
  if (!chosen) {
    const at = (cap: number): Rendered => render({ inputLines: 0, lineCap: 80, lean: true, minimal: true, proseCap: cap });
    let lo = 0;
    let hi = 4000;
    if (fits(at(lo))) {
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (fits(at(mid))) lo = mid;
        else hi = mid - 1;
      }
      chosen = at(lo);
    }
  }
  // Last resort (anchors.md §1.3): the title and the template only; the whole report goes to the clipboard.
  if (!chosen) {
    const d = p.diagnosis;
    const note = safe(`**${oneLine(d.title, 120)}** — ${d.retryAnswer} (\`${d.retry}\`)\n\n${TRIM_NOTE}`);
    chosen = { title, fields: form ? { summary: note } : { body: note }, trimmed: true };
  }
  const truncated = chosen !== full;
  const known = mergeRedactions(p.redactions, finalRedactions);
  return {
    repo,
    template,
    url: issueUrl(repo, template, chosen.title, chosen.fields),
    title: chosen.title,
    fields: chosen.fields,
    body: truncated ? toBody(chosen.fields) : fullBody,
    fullBody,
    truncated,
    searchUrl: githubSearchUrl(repo, p.finding),
    redactions: countRedactions([title, fullBody], known),
  };
}
