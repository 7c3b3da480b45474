import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { Catalog } from '../../../core/catalog/catalog-types';
import type { Kind } from '../../../core/replay/request-schema';
import { replayQueries } from '../api/replay-queries';
import { outcomeView } from '../outcome';
import { clockTime } from '../session-log';
import { AnswerBody } from './outcome-view';
import { useReplay } from './replay-provider';

type StateCheckProps = {
  target: { kind: Kind; id: string };
  catalog: Catalog;
};

/**
 * "Check current state": one click sends the matching get (promise.get, task.get, schedule.get) to the
 * server of the settings and shows the record. A query: it only reads, so asking again is always safe.
 */
export function StateCheck({ target, catalog }: StateCheckProps) {
  const { client, server, settings } = useReplay();
  const id = useId();
  const noun = target.kind.split('.')[0] ?? 'record';
  // The server it was asked on: a change of server does not send anything by itself.
  const [askedOn, setAskedOn] = useState<string | null>(null);
  const query = useQuery({ ...replayQueries.state(client, target), enabled: askedOn === client.url });
  const { data, isFetching, dataUpdatedAt } = query;
  const view = useMemo(() => (data ? outcomeView(data.result, { catalog, before: null, kind: data.request.kind, timeoutMs: settings.timeoutMs }) : null), [data, catalog, settings.timeoutMs]);
  const shown = askedOn === client.url;

  const check = (): void => {
    if (askedOn !== client.url) setAskedOn(client.url);
    else void query.refetch();
  };

  const statusLine = !shown
    ? ''
    : isFetching
      ? `Checking ${noun} ${target.id} on ${server.short}…`
      : view
        ? view.ok
          ? `${noun} ${target.id}: ${view.now}.`
          : `${view.title}.`
        : '';

  return (
    <>
      <button type="button" className="button button-quiet" onClick={check} disabled={isFetching} aria-controls={`${id}-state`}>
        {shown && data ? 'Check current state again' : 'Check current state'}
      </button>
      <section id={`${id}-state`} className="replay-state" aria-label={`Current state of ${noun} ${target.id}`} hidden={!shown}>
        <p className="replay-state-head">
          <strong>
            Current state of {noun} <code>{target.id}</code>
          </strong>
          {data && !isFetching && (
            <span className="replay-muted">
              {' '}
              · {data.request.kind} on {server.short} at {clockTime(dataUpdatedAt)}
            </span>
          )}
        </p>
        <p className="replay-status" role="status">
          {statusLine}
        </p>
        {view && !isFetching && <AnswerBody view={view} then={null} />}
      </section>
    </>
  );
}
