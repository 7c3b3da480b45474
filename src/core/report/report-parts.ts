/**
 * The pieces every report is made of (GitHub, Discord, Markdown): the headline, the diagnosis, the
 * redacted input, the environment the paste reveals, the steps to reproduce and the routing.
 * Everything here works on an already redacted finding.
 */
import type { Catalog, CatalogEntry, Source } from '../catalog/catalog-types';
import type { Finding, Frame } from '../decode/finding';
import type { Redaction, RedactFindingOptions } from './redact';
import { redact, redactFinding } from './redact';
import { sourceLabel } from '../catalog/source-labels';

/**
 * `includePayloads` keeps promise payloads on purpose; `pastedText` (the whole paste) is read for the
 * environment it reveals (runtime, OS) and for secrets to scrub from every field.
 */
export type ReportOptions = RedactFindingOptions & {
  /** Where the inspector is served (e.g. `https://inspector.example/`); catalog entries link to `${appUrl}#/e/<id>`. */
  appUrl?: string;
};

/** Where each source's bug reports go when neither the catalog nor the entry says (anchors.md §1.5). */
export const DEFAULT_REPOS: Record<Source, string> = {
  server: 'resonatehq/resonate',
  'legacy-server': 'resonatehq/resonate',
  'python-sdk': 'resonatehq/resonate-sdk-py',
  'ts-sdk': 'resonatehq/resonate-sdk-ts',
  unknown: 'resonatehq/.github',
};

export { sourceLabel };

/** The plain answer to "Is a retry safe?" (the same words as the page). */
const RETRY_ANSWERS: Record<Finding['retry'], string> = {
  safe: 'Yes — safe to retry',
  'with-backoff': 'Yes, with backoff',
  'after-fix': 'Not until you fix it',
  never: 'No — never retry this request',
  'n/a': 'Nothing to retry — not an error',
};

export function retryAnswer(retry: Finding['retry']): string {
  return RETRY_ANSWERS[retry];
}

/** The repository that takes a bug report: the entry's `reportRepo`, else the catalog's repo for the source. */
export function reportRepoFor(finding: Pick<Finding, 'source' | 'entry'>, catalog: Catalog): string {
  const entry = entryOf(catalog, finding.entry);
  const repo = entry?.reportRepo ?? catalog.repos?.[finding.source] ?? DEFAULT_REPOS[finding.source];
  return /^[\w.-]+\/[\w.-]+$/.test(repo) ? repo : DEFAULT_REPOS[finding.source];
}

export function entryOf(catalog: Catalog, id: string | null): CatalogEntry | undefined {
  return id === null ? undefined : catalog.entries.find((e) => e.id === id);
}

/** `${appUrl}#/e/<id>`, or null without an app URL. */
export function entryUrl(entryId: string, appUrl: string | undefined): string | null {
  if (!appUrl) return null;
  const base = appUrl.split('#')[0] ?? '';
  if (!/^https?:\/\//i.test(base)) return null;
  return `${base}#/e/${encodeURIComponent(entryId)}`;
}

/** Collapses whitespace and cuts to `max` characters with an ellipsis. */
export function oneLine(text: string, max: number): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  return `${s.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

function firstLine(text: string | null): string {
  if (text === null) return '';
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').trim();
}

/** What the user sees as the code: `404`, `100.40400`, `1102`, or `HTTP 502`. */
export function codeLabel(f: Finding): string | null {
  if (f.code !== null) return f.code;
  if (f.status !== null) return `HTTP ${f.status}`;
  return null;
}

/**
 * One line naming the operation, code and message:
 * `promise.get → 404 Promise not found`, `ResonateStoreError 100.40400: The specified promise was not found`.
 */
export function headline(f: Finding, max = 200): string {
  const message = firstLine(f.message) || f.title;
  const serverSide = f.source === 'server' || f.source === 'legacy-server';
  if (f.kind && serverSide) {
    const code = f.source === 'server' ? (f.status ?? f.code) : (f.code ?? f.status);
    return oneLine(`${f.kind} → ${code ?? '?'} ${message}`, max);
  }
  const who = f.name ?? sourceLabel(f.source);
  const code = f.code !== null ? ` ${f.code}` : '';
  const op = f.kind ? ` (${f.kind}${f.status !== null ? ` → ${f.status}` : ''})` : f.code === null && f.status !== null ? ` (HTTP ${f.status})` : '';
  return oneLine(`${who}${code}${op}: ${message}`, max);
}

/** The environment the paste reveals. Every value is optional: only what the text tells. */
export type Environment = {
  os?: string;
  runtime?: string;
  sdk?: string;
  server?: string;
  protocol?: string;
};

export function environmentOf(f: Finding, pastedText?: string): Environment {
  const text = `${f.excerpt}\n${pastedText ?? ''}`;
  const env: Environment = {};
  const runtime =
    f.versions.runtime ??
    /\bNode\.js (v\d+\.\d+\.\d+)\b/.exec(text)?.[0] ??
    (() => {
      const py = /\bpython(3\.\d{1,2})\b/i.exec(text)?.[1] ?? /\bPython (3\.\d{1,2}(?:\.\d+)?)\b/.exec(text)?.[1];
      return py ? `Python ${py}` : undefined;
    })();
  if (runtime) env.runtime = runtime;
  if (/\b[A-Z]:\\(?:Users|Program Files|[\w-]+\\)|file:\/\/\/[A-Z]:\//.test(text)) env.os = 'Windows (from the paths in the paste)';
  else if (/(?:^|[\s"'(]|file:\/\/)\/Users\/[\w.-]+\//m.test(text)) env.os = 'macOS (from the paths in the paste)';
  else if (/(?:^|[\s"'(:]|file:\/\/)\/home\/[\w.-]+\//m.test(text)) env.os = 'Linux (from the paths in the paste)';
  if (f.versions.sdk) env.sdk = f.versions.sdk;
  else {
    const ts = /@resonatehq\/sdk@(\d+\.\d+\.\d+[\w.-]*)/.exec(text)?.[1];
    const py = /\bresonate-sdk[ =@]=?v?(\d+\.\d+\.\d+[\w.-]*)/.exec(text)?.[1];
    if (ts) env.sdk = `@resonatehq/sdk ${ts}`;
    else if (py) env.sdk = `resonate-sdk ${py}`;
  }
  const server = f.versions.server ?? (f.wraps?.source === 'legacy-server' ? 'Go server (legacy REST API)' : undefined);
  if (server) env.server = server;
  if (f.versions.protocol) env.protocol = f.versions.protocol;
  return env;
}

/** The redacted input a report shows: the envelopes (request and response), or the trace. */
export type InputBlock =
  | { type: 'envelope'; request: string | null; requestLine: string | null; response: string | null; responseLine: string | null }
  | { type: 'trace'; text: string; python: boolean };

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

function json(value: unknown, pretty: boolean): string | null {
  if (value === null || value === undefined) return null;
  try {
    return JSON.stringify(value, null, pretty ? 2 : undefined) ?? null;
  } catch {
    return null;
  }
}

/** A legacy REST request (`{method, path, body}`) as the decoder keeps it. */
function legacyRequest(request: unknown): { method: string; path: string; body: unknown } | null {
  if (!isRecord(request) || typeof request.method !== 'string' || typeof request.path !== 'string') return null;
  return { method: request.method, path: request.path, body: request.body };
}

export function inputOf(f: Finding): InputBlock {
  if (f.request !== null || f.response !== null) {
    const legacy = legacyRequest(f.request);
    const request = legacy ? `${legacy.method} ${legacy.path}${legacy.body !== undefined ? `\n${json(legacy.body, true) ?? ''}` : ''}` : json(f.request, true);
    const requestLine = legacy ? `${legacy.method} ${legacy.path}${legacy.body !== undefined ? ` ${json(legacy.body, false) ?? ''}` : ''}` : json(f.request, false);
    const response = json(f.response, true);
    if (request !== null || response !== null) {
      return { type: 'envelope', request, requestLine, response, responseLine: json(f.response, false) };
    }
  }
  const python = f.source === 'python-sdk' || /Traceback \(most recent call last\):/.test(f.excerpt);
  return { type: 'trace', text: f.excerpt.replace(/\s+$/, ''), python };
}

/** The text form of the input, as one block (request, then the observed response). */
export function inputText(input: InputBlock): string {
  if (input.type === 'trace') return input.text;
  const parts: string[] = [];
  if (input.request !== null) parts.push(input.request);
  if (input.response !== null) parts.push(input.response);
  return parts.join('\n');
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A curl command that replays the request (already redacted: `head.auth` is a marker, and the token
 * travels as `$RESONATE_TOKEN` when the request carried one). Null when the finding has no request.
 */
export function curlReplay(f: Finding): string | null {
  const legacy = legacyRequest(f.request);
  const base = '"${RESONATE_URL:-http://localhost:8001}';
  if (legacy) {
    const lines = [`curl -sS -X ${legacy.method.replace(/[^A-Z]/g, '')} ${base}${legacy.path.replace(/["\\$`\s]/g, '')}"`];
    if (legacy.body !== undefined) {
      lines.push(`  -H 'Content-Type: application/json'`);
      lines.push(`  --data-raw ${shellQuote(json(legacy.body, false) ?? '')}`);
    }
    return lines.join(' \\\n');
  }
  if (!isRecord(f.request)) return null;
  const head = isRecord(f.request.head) ? f.request.head : undefined;
  const lines = [`curl -sS -X POST ${base}/"`, `  -H 'Content-Type: application/json'`];
  if (head && head.auth !== undefined) lines.push(`  -H "Authorization: Bearer $RESONATE_TOKEN"`);
  lines.push(`  --data-raw ${shellQuote(json(f.request, false) ?? '')}`);
  return lines.join(' \\\n');
}

export function formatFrame(frame: Frame): string {
  let where = frame.file;
  if (frame.line !== null) where += `:${frame.line}`;
  return frame.func ? `${where} (in ${frame.func})` : where;
}

/** Steps to reproduce, in words, from what the finding tells (the curl replay is separate). */
export function reproSteps(f: Finding): string[] {
  const steps: string[] = [];
  const on = [f.ids.promise ? `promise \`${f.ids.promise}\`` : null, f.ids.task ? `task \`${f.ids.task}\`` : null, f.ids.schedule ? `schedule \`${f.ids.schedule}\`` : null]
    .filter((x): x is string => x !== null)
    .join(', ');
  if (f.request !== null) steps.push('Send the request below to the server (the replay command is redacted: set `RESONATE_URL` and, if auth is on, `RESONATE_TOKEN`).');
  else if (f.kind) steps.push(`Call \`${f.kind}\`${on ? ` on ${on}` : ''}${f.source === 'server' ? ' against the server' : ''}.`);
  else if (on) steps.push(`Use ${on}.`);
  if (f.userFrame) steps.push(`The failing call is made at \`${formatFrame(f.userFrame)}\`.`);
  if (f.source === 'python-sdk' || f.source === 'ts-sdk') steps.push(`Run the program with the ${sourceLabel(f.source)}${f.versions.sdk ? ` (${f.versions.sdk})` : ''}.`);
  steps.push(`Observe the ${f.response !== null ? 'response' : 'output'} shown in this report${f.count > 1 ? ` (seen ${f.count} times in the paste)` : ''}.`);
  return steps;
}

/** The diagnosis as facts, shared by every report. */
export type Diagnosis = {
  title: string;
  summary: string;
  cause: string;
  otherCauses: string[];
  retry: Finding['retry'];
  retryAnswer: string;
  retryReason: string;
  mismatch: string | null;
  entryId: string | null;
  entryUrl: string | null;
  docs: string | null;
  catalogVersion: string;
};

export function diagnosisOf(f: Finding, catalog: Catalog, appUrl: string | undefined): Diagnosis {
  const entry = entryOf(catalog, f.entry);
  return {
    title: f.title,
    summary: f.summary,
    cause: f.cause,
    otherCauses: f.causes.filter((c) => c !== f.cause),
    retry: f.retry,
    retryAnswer: retryAnswer(f.retry),
    retryReason: f.retryReason,
    mismatch: f.mismatch,
    entryId: f.entry,
    entryUrl: f.entry ? entryUrl(f.entry, appUrl) : null,
    docs: entry?.docs && /^https:\/\//.test(entry.docs) ? entry.docs : null,
    catalogVersion: catalog.version,
  };
}

/** Everything a report needs, redacted. */
export type Prepared = {
  finding: Finding;
  diagnosis: Diagnosis;
  environment: Environment;
  input: InputBlock;
  redactions: Redaction[];
};

export function prepare(finding: Finding, catalog: Catalog, options: ReportOptions): Prepared {
  const { finding: f, redactions } = redactFinding(finding, options);
  return {
    finding: f,
    diagnosis: diagnosisOf(f, catalog, options.appUrl),
    // The environment reads only versions, runtimes and path shapes, but read it off the redacted paste all the same.
    environment: environmentOf(f, options.pastedText === undefined ? undefined : redact(options.pastedText, options).text),
    input: inputOf(f),
    redactions,
  };
}

/** A code fence longer than any run of backticks in the content (CommonMark). */
export function fenceFor(content: string, min = 3): string {
  let longest = 0;
  for (const m of content.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(min, longest + 1));
}

/** Keeps Markdown text from turning into HTML: `<module>` or a `<redacted JWT>` marker outside code spans would vanish on GitHub. */
export function mdSafe(text: string): string {
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/<(?=[A-Za-z/!?$])/g, '&lt;')))
    .join('');
}

/** Environment facts as Markdown bullets. */
export function environmentLines(env: Environment, catalogVersion: string): string[] {
  const unknown = 'not in the paste';
  return [
    `- OS: ${env.os ?? unknown}`,
    `- Runtime: ${env.runtime ?? unknown}`,
    `- SDK: ${env.sdk ?? unknown}`,
    `- Resonate server: ${env.server ?? unknown}`,
    `- Protocol version: ${env.protocol ?? unknown}`,
    `- Diagnosed by Resonate Inspector, catalog ${catalogVersion}`,
  ];
}

/** Cuts a text to `max` lines with a marker, keeping its head and tail (Python tracebacks end with what matters). */
export function trimLines(lines: readonly string[], keep: number, tailFirst: boolean, marker: (n: number) => string): string[] {
  if (lines.length <= keep) return [...lines];
  const cut = lines.length - keep;
  const tail = tailFirst ? Math.ceil((keep * 2) / 3) : Math.floor(keep / 3);
  const head = keep - tail;
  return [...lines.slice(0, head), marker(cut), ...lines.slice(lines.length - tail)];
}
