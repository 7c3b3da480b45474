import type { Source, Verdict } from '../catalog/catalog-types';
import type { Finding, Span } from '../decode/finding';
import { timeOfSpan, timeRange } from './timestamps';
import type { LogLines, LogTime } from './timestamps';

/** A retry verdict, or `n/a` for a success. */
export type GroupVerdict = Verdict | 'n/a';

/** One occurrence of a group in the text. */
export type Instance = {
  finding: Finding;
  span: Span;
  /** When the log says it happened (timeOfSpan), when the lines were given and hold timestamps. */
  time: LogTime | null;
};

/** Findings of one catalog entry (or, without an entry, of one source, code and message), for the summary table. */
export type Group = {
  /** Stable key: `entry:<id>`, or `text:<source>|<code>|<message>`. */
  key: string;
  entry: string | null;
  title: string;
  /** Sources, codes, statuses and kinds seen, in the order first seen. */
  sources: Source[];
  codes: string[];
  statuses: number[];
  kinds: string[];
  /** The first finding's message. */
  message: string | null;
  /** The most cautious verdict of the group (never > after-fix > with-backoff > safe > n/a)… */
  retry: GroupVerdict;
  /** …and every verdict, most cautious first: one entry can answer per operation kind (a 409 on task.fulfill is not one on task.create). */
  verdicts: GroupVerdict[];
  retryReason: string;
  error: boolean;
  warning: boolean;
  /** Occurrences in the text. */
  count: number;
  first: LogTime | null;
  last: LogTime | null;
  findings: Finding[];
  /** Every occurrence, in the order of the text. */
  instances: Instance[];
};

const CAUTION: Record<GroupVerdict, number> = { never: 4, 'after-fix': 3, 'with-backoff': 2, safe: 1, 'n/a': 0 };

/** decode()'s ranking: errors, then warnings, then errors that are also warnings, then non-Resonate errors, then successes. */
function importance(f: Pick<Finding, 'source' | 'error' | 'warning'>): number {
  if (f.source === 'unknown') return 1;
  if (f.error && !f.warning) return 4;
  if (!f.error && f.warning) return 3;
  if (f.error) return 2;
  return 0;
}

export function groupKey(f: Finding): string {
  return f.entry !== null ? `entry:${f.entry}` : `text:${f.source}|${f.code ?? ''}|${f.message ?? ''}`;
}

const pushNew = <T>(list: T[], value: T | null | undefined): void => {
  if (value !== null && value !== undefined && !list.includes(value)) list.push(value);
};

/**
 * Groups findings by catalog entry (findings without one by source, code and message), with their counts,
 * sources, retry verdicts, instances and, when `lines` (splitLogLines of the text) are given, the first and
 * last time the log shows them. Most important first, then most frequent, then first in the text.
 */
export function groupFindings(findings: readonly Finding[], lines?: LogLines): Group[] {
  const byKey = new Map<string, Group>();
  for (const f of findings) {
    const key = groupKey(f);
    let g = byKey.get(key);
    if (!g) {
      g = {
        key,
        entry: f.entry,
        title: f.title,
        sources: [],
        codes: [],
        statuses: [],
        kinds: [],
        message: f.message,
        retry: f.retry,
        verdicts: [],
        retryReason: f.retryReason,
        error: f.error,
        warning: f.warning,
        count: 0,
        first: null,
        last: null,
        findings: [],
        instances: [],
      };
      byKey.set(key, g);
    }
    g.findings.push(f);
    g.count += f.count;
    pushNew(g.sources, f.source);
    pushNew(g.codes, f.code);
    pushNew(g.statuses, f.status);
    pushNew(g.kinds, f.kind);
    pushNew(g.verdicts, f.retry);
    if (CAUTION[f.retry] > CAUTION[g.retry]) {
      g.retry = f.retry;
      g.retryReason = f.retryReason;
    }
    g.error ||= f.error;
    g.warning &&= f.warning;
    for (const span of f.spans) g.instances.push({ finding: f, span, time: lines ? timeOfSpan(lines, span) : null });
  }
  const groups = [...byKey.values()];
  for (const g of groups) {
    g.verdicts.sort((a, b) => CAUTION[b] - CAUTION[a]);
    g.instances.sort((a, b) => a.span.startLine - b.span.startLine || a.span.endLine - b.span.endLine);
    const { first, last } = timeRange(g.instances.map((i) => i.time));
    g.first = first;
    g.last = last;
  }
  const rank = new Map(groups.map((g) => [g, Math.max(...g.findings.map(importance))]));
  return groups.sort(
    (a, b) =>
      (rank.get(b) ?? 0) - (rank.get(a) ?? 0) ||
      b.count - a.count ||
      (a.instances[0]?.span.startLine ?? 0) - (b.instances[0]?.span.startLine ?? 0),
  );
}

/** What the summary table can be narrowed to. Empty or missing criteria let everything through. */
export type GroupFilter = {
  sources?: readonly Source[];
  verdicts?: readonly GroupVerdict[];
  /** Words that must all appear (any case) in the group's title, entry id, codes, statuses, kinds, names or messages. */
  text?: string;
};

const haystacks = new WeakMap<Group, string>();

function haystackOf(g: Group): string {
  let h = haystacks.get(g);
  if (h === undefined) {
    const parts: string[] = [g.title, g.entry ?? '', ...g.sources, ...g.codes, ...g.statuses.map(String), ...g.kinds, ...g.verdicts];
    for (const f of g.findings) parts.push(f.message ?? '', f.name ?? '', f.rawKind ?? '');
    h = parts.join('\n').toLowerCase();
    haystacks.set(g, h);
  }
  return h;
}

/** The groups that pass the filter, in their order. Pure: the UI calls it on every keystroke. */
export function filterGroups(groups: readonly Group[], filter: GroupFilter): Group[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  const sources = filter.sources && filter.sources.length > 0 ? filter.sources : null;
  const verdicts = filter.verdicts && filter.verdicts.length > 0 ? filter.verdicts : null;
  return groups.filter((g) => {
    if (sources && !g.sources.some((s) => sources.includes(s))) return false;
    if (verdicts && !g.verdicts.some((v) => verdicts.includes(v))) return false;
    if (words.length > 0) {
      const h = haystackOf(g);
      if (!words.every((w) => h.includes(w))) return false;
    }
    return true;
  });
}

/** For the filter controls: how many groups and occurrences each source and each verdict has. */
export type GroupFacets = {
  sources: Array<{ value: Source; groups: number; count: number }>;
  verdicts: Array<{ value: GroupVerdict; groups: number; count: number }>;
};

export function groupFacets(groups: readonly Group[]): GroupFacets {
  const sources = new Map<Source, { value: Source; groups: number; count: number }>();
  const verdicts = new Map<GroupVerdict, { value: GroupVerdict; groups: number; count: number }>();
  for (const g of groups) {
    for (const s of g.sources) {
      const f = sources.get(s) ?? { value: s, groups: 0, count: 0 };
      f.groups++;
      f.count += g.findings.filter((x) => x.source === s).reduce((n, x) => n + x.count, 0);
      sources.set(s, f);
    }
    for (const v of g.verdicts) {
      const f = verdicts.get(v) ?? { value: v, groups: 0, count: 0 };
      f.groups++;
      f.count += g.findings.filter((x) => x.retry === v).reduce((n, x) => n + x.count, 0);
      verdicts.set(v, f);
    }
  }
  return {
    sources: [...sources.values()].sort((a, b) => b.count - a.count),
    verdicts: [...verdicts.values()].sort((a, b) => CAUTION[b.value] - CAUTION[a.value]),
  };
}
