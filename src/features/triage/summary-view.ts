import type { Source } from '../../core/catalog/catalog-types';
import type { Finding } from '../../core/decode/finding';
import type { Group, GroupVerdict } from '../../core/triage/group';
import { formatLogTime } from '../../core/triage/timestamps';
import type { LogTime } from '../../core/triage/timestamps';

/** How the summary table writes when a group was seen. */

/** `2026-11-25 02:56:10Z`: formatLogTime without milliseconds (the table is narrow; exports keep them). */
export function shortTime(t: LogTime): string {
  return formatLogTime(t).replace(/\.\d{3}(?=Z?$)/, '');
}

/** The one day every time of these groups falls on (as written), or null when they span days or have none. */
export function commonDay(groups: readonly Group[]): string | null {
  let day: string | null = null;
  for (const g of groups) {
    for (const t of [g.first, g.last]) {
      if (!t) continue;
      const d = formatLogTime(t).slice(0, 10);
      if (day === null) day = d;
      else if (d !== day) return null;
    }
  }
  return day;
}

/**
 * The "Seen" cell: the first and the last time, without the date when the header gives the day
 * (`['02:56:10Z', '03:12:44Z']`); one time when they are the same; none without times.
 */
export function seenTimes(group: Pick<Group, 'first' | 'last'>, day: string | null): string[] {
  const { first, last } = group;
  if (!first || !last) return [];
  const write = (t: LogTime) => (day !== null ? shortTime(t).slice(11) : shortTime(t));
  return first.ms === last.ms ? [write(first)] : [write(first), write(last)];
}

/** The findings of these groups in the table's order, at most `limit` of them (the cards shown under a log's summary). */
export function findingsOf(groups: readonly Group[], limit: number): { shown: Finding[]; total: number } {
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  const shown: Finding[] = [];
  for (const g of groups) {
    for (const f of g.findings) {
      if (shown.length >= limit) return { shown, total };
      shown.push(f);
    }
  }
  return { shown, total };
}

/** Should a paste (not a log) show the table? Only when there is something to sum up: two groups, or a repeat. */
export function worthATable(groups: readonly Group[]): boolean {
  return groups.length > 1 || groups.some((g) => g.count > 1);
}

/** What the summary's filter controls hold (filterGroups takes it as is). */
export type FilterState = { text: string; sources: Source[]; verdicts: GroupVerdict[] };

export const NO_FILTER: FilterState = { text: '', sources: [], verdicts: [] };

export function isFiltering(f: FilterState): boolean {
  return f.text.trim() !== '' || f.sources.length > 0 || f.verdicts.length > 0;
}
