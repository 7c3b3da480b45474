import { useMutationState } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import type { Catalog } from '../../../core/catalog/catalog-types';
import { describeOutcome } from '../../../core/replay/compare-outcome';
import { replayKeys } from '../api/replay-queries';
import { outcomeView } from '../outcome';
import { clockTime, logEntries, requestLabel, serverText, toSendState, type LogEntry } from '../session-log';
import { AnswerBody } from './outcome-view';
import { ServerLine } from './server-line';

/** The replays of this session, newest first (read from the mutation cache: every send is a mutation). */
export function ReplayLog({ catalog }: { catalog: Catalog }) {
  const id = useId();
  const states = useMutationState({
    filters: { mutationKey: replayKeys.sends() },
    select: (mutation) => toSendState(mutation.mutationId, mutation.state),
  });
  const entries = useMemo(() => logEntries(states), [states]);

  return (
    <section className="replay-log" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Replays this session</h2>
      <ServerLine />
      {entries.length === 0 ? (
        <p className="replay-muted">
          None yet. “Replay” on a finding sends its request again; “Check current state” reads the promise, task or
          schedule it names. Nothing is sent until you ask.
        </p>
      ) : (
        <ol className="replay-log-list">
          {entries.map((entry) => (
            <li key={entry.key}>
              <LogItem entry={entry} catalog={catalog} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function LogItem({ entry, catalog }: { entry: LogEntry; catalog: Catalog }) {
  const { variables: v, result } = entry;
  const view = useMemo(() => (result ? outcomeView(result, { catalog, before: v.before, kind: v.request.kind, timeoutMs: v.timeoutMs }) : null), [result, v, catalog]);
  const label = requestLabel(v.request);
  return (
    <article className="replay-log-item" aria-label={`${label} at ${clockTime(entry.at)}`}>
      <p className="replay-log-head">
        <time dateTime={new Date(entry.at).toISOString()}>{clockTime(entry.at)}</time> <strong>{label}</strong>{' '}
        <span className="replay-muted">
          to {serverText(v.server)} · for “{v.title}”
        </span>
      </p>
      {entry.status === 'pending' && <p className="replay-status">Sending…</p>}
      {entry.error && <p className="replay-status">The send failed in the page: {entry.error}</p>}
      {view && (
        <details className="replay-details">
          <summary>{view.ok ? (view.compare ?? view.now) : view.title}</summary>
          <AnswerBody view={view} then={v.before ? describeOutcome(v.before) : null} thenTitle={v.title} {...(result?.ok ? { raw: result.raw } : {})} />
          <p className="replay-muted">The request as sent (without the token):</p>
          <pre className="replay-pre">
            <code>{JSON.stringify(v.request, null, 2)}</code>
          </pre>
        </details>
      )}
    </article>
  );
}
