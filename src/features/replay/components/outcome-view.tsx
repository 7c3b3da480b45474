import { Prose } from '../../../components/prose';
import { RetryTag } from '../../../components/retry-tag';
import { paths } from '../../../lib/paths';
import type { FaultView, OutcomeView } from '../outcome';
import { RecordView } from './record-view';

/** A fault: what happened, what to do, and whether it was applied. */
export function FaultBox({ view }: { view: FaultView }) {
  return (
    <div className="callout callout-error replay-fault">
      <p className="replay-fault-title">
        <strong>{view.title}</strong>
      </p>
      <p>
        <Prose text={view.message} />
      </p>
      <p>
        <strong>What to do: </strong>
        <Prose text={view.advice} />
      </p>
      <p>
        <strong>Was it applied? </strong>
        {view.appliedText}
      </p>
      <p className="replay-muted">Nothing is sent again by itself.</p>
      {view.bodySnippet && (
        <details className="replay-details">
          <summary>The body that came back{view.status !== null ? ` (HTTP ${view.status})` : ''}</summary>
          <pre className="replay-pre">
            <code>{view.bodySnippet}</code>
          </pre>
        </details>
      )}
    </div>
  );
}

/** An answer: what it says now, beside what the paste said, with the records it holds. */
export function AnswerBody({ view, then, thenTitle, raw }: { view: OutcomeView; then: string | null; thenTitle?: string; raw?: string }) {
  if (!view.ok) return <FaultBox view={view} />;
  const d = view.decoded;
  return (
    <>
      {view.compare && <p className="replay-compare">{view.compare}</p>}
      {then !== null && (
        <div className="replay-sides">
          <div className="replay-side">
            <p className="replay-side-label">Then (the paste)</p>
            <p className="replay-side-value">{then}</p>
            {thenTitle && <p className="replay-muted">{thenTitle}</p>}
          </div>
          <div className="replay-side replay-side-now">
            <p className="replay-side-label">Now (this replay)</p>
            <p className="replay-side-value">{view.now}</p>
            {d && <p className="replay-muted">{d.title}</p>}
          </div>
        </div>
      )}
      {d && d.error && (
        <p className="replay-decoded">
          <RetryTag retry={d.retry} />{' '}
          {d.entry ? <a href={paths.entry.href(d.entry)}>Catalog entry: {d.entry}</a> : d.title}
        </p>
      )}
      {view.records.map((record, i) => (
        <RecordView record={record} key={i} />
      ))}
      {view.notes.length > 0 && (
        <ul className="replay-notes">
          {view.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {raw !== undefined && (
        <details className="replay-details">
          <summary>The response as received</summary>
          <pre className="replay-pre">
            <code>{raw}</code>
          </pre>
        </details>
      )}
    </>
  );
}
