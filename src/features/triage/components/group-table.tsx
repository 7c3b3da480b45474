import type { Group } from '../../../core/triage/group';
import { Prose } from '../../../components/prose';
import { RetryTag } from '../../../components/retry-tag';
import { sourceLabel } from '../../../lib/wording';
import { formatCount } from '../decode-session';
import { commonDay, seenTimes } from '../summary-view';

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
      {/* Explicit roles: on phones the rows are laid out as grids, and the table must stay a table. */}
      <table className="group-table" role="table">
        <caption className="visually-hidden">Findings grouped by catalog entry</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader" className="num">
              Count
            </th>
            <th scope="col" role="columnheader">
              Error
            </th>
            <th scope="col" role="columnheader">
              Retry
            </th>
            <th scope="col" role="columnheader">
              {withTimes ? `Seen${day ? ` (${day})` : ''}` : provisional ? 'Seen (at the end)' : 'Seen'}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {groups.map((g) => {
            const selected = g.key === selectedKey;
            return (
              <tr key={g.key} role="row" className={selected ? 'selected' : undefined} data-testid="group-row" data-key={g.key} data-count={g.count}>
                <td role="cell" className="num">
                  {formatCount(g.count)}
                </td>
                <th scope="row" role="rowheader">
                  <button type="button" className="group-title" aria-pressed={selected} onClick={() => onSelect(selected ? null : g.key)}>
                    <Prose text={g.title} />
                  </button>
                  <span className="group-meta">{metaOf(g)}</span>
                </th>
                <td role="cell">
                  <span className="group-verdicts">
                    {(g.verdicts.length > 0 ? g.verdicts : [g.retry]).map((v) => (
                      <RetryTag key={v} retry={v} />
                    ))}
                  </span>
                </td>
                <td role="cell" className="seen">
                  <SeenCell times={seenTimes(g, day)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** First and last seen, one under the other (a range of dates does not fit on one line). */
function SeenCell({ times }: { times: string[] }) {
  const [first, last] = times;
  if (first === undefined) return <span className="muted">—</span>;
  return (
    <>
      <span className="seen-time">{first}</span>
      {last !== undefined && (
        <span className="seen-time">
          <span className="visually-hidden">to </span>
          <span aria-hidden="true">– </span>
          {last}
        </span>
      )}
    </>
  );
}
