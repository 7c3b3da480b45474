import type { CatalogEntry } from '../../core/catalog/catalog-types';
import type { Finding, Frame, Span } from '../../core/decode/finding';
import { summaryFor } from '../../lib/catalog-view';
import { plural, sourceLabel } from '../../lib/wording';

/** What sort of finding this is, for its headline. */
export type FindingNature = 'error' | 'warning' | 'not-error' | 'not-resonate';

export function findingNature(f: Finding): FindingNature {
  if (!f.error) return 'not-error';
  if (f.source === 'unknown') return 'not-resonate';
  if (f.warning) return 'warning';
  return 'error';
}

const NATURE_LABELS: Record<FindingNature, string> = {
  error: 'Resonate error',
  warning: 'Warning',
  'not-error': 'Not an error',
  'not-resonate': 'Not a Resonate error',
};

export function natureLabel(nature: FindingNature): string {
  return NATURE_LABELS[nature];
}

/** The one-line badge: source, code (or HTTP status), kind. */
export function badgeParts(f: Finding): string[] {
  const parts = [sourceLabel(f.source)];
  if (f.code !== null) parts.push(f.code);
  else if (f.status !== null) parts.push(`HTTP ${f.status}`);
  if (f.kind !== null) parts.push(f.kind);
  return parts;
}

/** `app/worker.py:58:3 in on_message` */
export function formatFrame(frame: Frame): string {
  let where = frame.file;
  if (frame.line !== null) where += `:${frame.line}`;
  if (frame.line !== null && frame.column !== undefined && frame.column !== null) where += `:${frame.column}`;
  return frame.func ? `${where} in ${frame.func}` : where;
}

export function formatSpan(span: Span): string {
  return span.startLine === span.endLine ? `line ${span.startLine}` : `lines ${span.startLine}–${span.endLine}`;
}

/**
 * What happened: the decoder's summary when it gives one, else the catalog entry's (for this kind).
 * (`summary` is read defensively: older decoder builds do not fill it.)
 */
export function whatHappened(f: Finding, entry: CatalogEntry | undefined): string | null {
  if ('summary' in f && typeof f.summary === 'string' && f.summary !== '') return f.summary;
  return entry ? summaryFor(entry, f.kind) : null;
}

/** "line 3", "lines 3–12", or for several occurrences "lines 18, 20, 22–24". */
export function formatSpans(spans: readonly Span[]): string {
  const [only] = spans;
  if (spans.length === 1 && only) return formatSpan(only);
  const parts = spans.map((s) => (s.startLine === s.endLine ? `${s.startLine}` : `${s.startLine}–${s.endLine}`));
  return `lines ${parts.join(', ')}`;
}

/** The likely causes other than the main one. */
export function otherCauses(f: Finding): string[] {
  return f.causes.filter((c) => c !== f.cause);
}

/** "Seen 3 times in this paste", or null for a single occurrence. */
export function occurrenceText(count: number): string | null {
  return count > 1 ? `Seen ${count} times in this paste` : null;
}

export type Fact = {
  label: string;
  /** One value, or several shown as a list (the exception chain). */
  value: string | string[];
  /** True when the decoder inferred it rather than reading it off the text. */
  inferred?: boolean;
};

/** The facts the decoder read off the text, in reading order; absent facts are left out. */
export function findingFacts(f: Finding): Fact[] {
  const facts: Fact[] = [];
  const add = (label: string, value: string | null | undefined, inferred = false) => {
    if (value !== null && value !== undefined && value !== '') facts.push(inferred ? { label, value, inferred } : { label, value });
  };
  add('Message', f.message, f.inferred.includes('message'));
  add('Exception', f.name);
  add('Code', f.code, f.inferred.includes('code'));
  add('Status', f.status === null ? null : String(f.status), f.inferred.includes('status'));
  const kind = f.kind !== null && f.rawKind && f.rawKind !== f.kind ? `${f.kind} (pasted as ${f.rawKind})` : f.kind;
  add('Kind', kind, f.inferred.includes('kind'));
  add('Correlation id', f.corrId);
  add('Promise id', f.ids.promise);
  add('Task id', f.ids.task);
  add('Schedule id', f.ids.schedule);
  add('SDK version', f.versions.sdk);
  add('Protocol version', f.versions.protocol);
  add('Server', f.versions.server);
  add('Runtime', f.versions.runtime);
  add('Your code', f.userFrame ? formatFrame(f.userFrame) : null);
  if (f.wraps) {
    const w = f.wraps;
    const id = w.code ?? (w.status !== null ? `HTTP ${w.status}` : null);
    add('Wraps', [sourceLabel(w.source), id, w.message].filter((p) => p !== null && p !== '').join(' · '));
  }
  if (f.chain.length > 1) facts.push({ label: 'Chain (root cause first)', value: f.chain.map((l) => `${l.name}: ${l.message}`) });
  add('Read from', formatSpans(f.spans.length > 0 ? f.spans : [f.span]));
  return facts;
}

/** What the live region announces: how many findings, and of what sort. */
export function findingsSummary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No Resonate error, envelope or trace found in this text';
  const counts = new Map<FindingNature, number>();
  for (const f of findings) counts.set(findingNature(f), (counts.get(findingNature(f)) ?? 0) + 1);
  const parts: string[] = [];
  const errors = counts.get('error');
  if (errors) parts.push(plural(errors, 'Resonate error'));
  const warnings = counts.get('warning');
  if (warnings) parts.push(plural(warnings, 'warning'));
  const foreign = counts.get('not-resonate');
  if (foreign) parts.push(plural(foreign, 'error', 'errors') + ' not from Resonate');
  const successes = counts.get('not-error');
  if (successes) parts.push(plural(successes, 'success', 'successes') + ' (not an error)');
  return `${plural(findings.length, 'finding')}: ${parts.join(', ')}`;
}
