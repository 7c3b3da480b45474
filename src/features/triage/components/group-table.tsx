import type { Group } from '../../../core/triage/group';
import { RetryTag } from '../../../components/retry-tag';
import { sourceLabel } from '../../../lib/wording';
import { formatCount } from '../decode-session';
import { commonDay, seenText } from '../summary-view';

type GroupTableProps = {
  groups: readonly Group[];
  /** Still decoding: counts may grow, and times come at the end. */
  provisional: boolean;
  selectedKey: string | null;
  onSelect: (key: string | null) => void;
};

function metaOf(g: Group): string {
  const codes = g.codes.length > 0 ? g.codes : g.statuses.map(String);
  const parts = [g.sources.map(sourceLabel).join(', ')];
  if (codes.length > 0) parts.push(codes.join(', '));
  if (g.kinds.length > 0) parts.push(g.kinds.slice(0, 3).join(', ') + (g.kinds.length > 3 ? ', …' : ''));
  return parts.join(' · ');
}

/** The summary table: one row per group, most important first; a group's title shows its occurrences. */
export function GroupTable({ groups, provisional, selectedKey, onSelect }: GroupTableProps) {
  const day = commonDay(groups);
  const withTimes = groups.some((g) => g.first !== null);
  return (
    <div className="table-scroll">
      <table className="group-table">
        <caption className="visually-hidden">Findings grouped by catalog entry</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Count
            </th>
            <th scope="col">Error</th>
            <th scope="col">Retry</th>
            <th scope="col">{withTimes ? `Seen${day ? ` (${day})` : ''}` : provisional ? 'Seen (at the end)' : 'Seen'}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const selected = g.key === selectedKey;
            return (
              <tr key={g.key} className={selected ? 'selected' : undefined} data-testid="group-row" data-key={g.key} data-count={g.count}>
                <td className="num">{formatCount(g.count)}</td>
                <th scope="row">
                  <button type="button" className="group-title" aria-pressed={selected} onClick={() => onSelect(selected ? null : g.key)}>
                    {g.title}
                  </button>
                  <span className="group-meta">{metaOf(g)}</span>
                </th>
                <td>
                  <span className="group-verdicts">
                    {(g.verdicts.length > 0 ? g.verdicts : [g.retry]).map((v) => (
                      <RetryTag key={v} retry={v} />
                    ))}
                  </span>
                </td>
                <td className="seen">{seenText(g, day) || <span className="muted">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
