import { useId, useState, type ReactNode } from 'react';
import type { Span } from '../../../core/decode/finding';
import type { Finding } from '../../../core/decode/finding';
import type { Group } from '../../../core/triage/group';
import type { LogLines } from '../../../core/triage/timestamps';
import { Prose } from '../../../components/prose';
import { RetryTag } from '../../../components/retry-tag';
import { paths } from '../../../lib/paths';
import { formatCount } from '../decode-session';
import { instanceLabel } from '../log-view';
import { LogViewer } from './log-viewer';

type GroupDetailProps = {
  group: Group;
  /** The text's lines, once an occurrence is open (null before). */
  lines: LogLines | null;
  selectedSpan: Span | null;
  onSelectSpan: (span: Span) => void;
  onClose: () => void;
  renderCard?: (finding: Finding) => ReactNode;
};

const PAGE = 50;

const sameSpan = (a: Span | null, b: Span): boolean => a !== null && a.startLine === b.startLine && a.endLine === b.endLine;

/** One group: what it is, every occurrence (click one to see it in the original text), and its cards. */
export function GroupDetail({ group, lines, selectedSpan, onSelectSpan, onClose, renderCard }: GroupDetailProps) {
  const id = useId();
  const [limit, setLimit] = useState(PAGE);
  const shown = group.instances.slice(0, limit);
  return (
    <section className="group-detail" aria-labelledby={`${id}-title`}>
      <div className="group-detail-head">
        <h3 id={`${id}-title`}>
          <Prose text={group.title} />
        </h3>
        <button type="button" className="plain-button" onClick={onClose}>
          Back to all groups
        </button>
      </div>
      <p className="group-detail-facts">
        <span>
          {formatCount(group.count)} {group.count === 1 ? 'occurrence' : 'occurrences'}
        </span>
        <RetryTag retry={group.retry} />
        {group.entry && <a href={paths.entry.href(group.entry)}>Catalog entry: {group.entry}</a>}
      </p>
      {group.retryReason !== '' && (
        <p className="group-detail-reason">
          <Prose text={group.retryReason} />
        </p>
      )}
      <h4 id={`${id}-occ`}>Occurrences</h4>
      <ol className="instances" aria-labelledby={`${id}-occ`}>
        {shown.map((instance) => (
          <li key={`${instance.span.startLine}-${instance.span.endLine}`}>
            <button
              type="button"
              className="instance"
              aria-pressed={sameSpan(selectedSpan, instance.span)}
              onClick={() => onSelectSpan(instance.span)}
            >
              {instanceLabel(instance)}
            </button>
          </li>
        ))}
      </ol>
      {group.instances.length > shown.length && (
        <button type="button" className="plain-button" onClick={() => setLimit((n) => n + PAGE * 4)}>
          Show more occurrences ({formatCount(group.instances.length - shown.length)} left)
        </button>
      )}
      {selectedSpan && lines && <LogViewer lines={lines} span={selectedSpan} />}
      {renderCard && (
        <>
          <h4 className="group-cards-title">Findings in this group ({group.findings.length})</h4>
          <ol className="findings">
            {group.findings.map((f, i) => (
              <li key={`${i}:${f.span.startLine}`}>{renderCard(f)}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
