import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { PROTOCOL_VERSION, type Kind, type ReplayRequest } from '../../../core/replay/request-schema';
import { newCorrId } from '../../../core/replay/build-request';
import { createReplayClient, fetchEndpointInfo, type FetchLike, type ReplayClient, type ReplayResult } from '../../../core/replay/replay-client';
import { LOCAL_SERVER_URL, probeLocalServer } from '../local-server';
import type { ReplayVariables } from '../session-log';
import { APP_ENDPOINT, baseUrlOf, type ServerSettings } from '../settings';

/** The browser's fetch, called detached (as the client expects). */
const browserFetch: FetchLike = (input, init) => fetch(input, init);

/** A client for the current settings. The token lives in this closure, never in a query key or the mutation cache. */
export function clientFor(settings: ServerSettings): ReplayClient {
  return createReplayClient({
    baseUrl: baseUrlOf(settings),
    fetch: browserFetch,
    timeoutMs: settings.timeoutMs,
    ...(settings.token ? { token: settings.token } : {}),
    pageOrigin: window.location.origin,
  });
}

/** Query keys, most generic first; the key-only levels are for invalidation. */
export const replayKeys = {
  all: () => ['replay'] as const,
  serverInfo: () => [...replayKeys.all(), 'server-info'] as const,
  localServer: () => [...replayKeys.all(), 'local-server'] as const,
  states: () => [...replayKeys.all(), 'state'] as const,
  statesOn: (url: string) => [...replayKeys.states(), url] as const,
  sends: () => [...replayKeys.all(), 'send'] as const,
};

/** What a state check sent and got. */
export type StateCheck = { request: ReplayRequest; result: ReplayResult };

export const replayQueries = {
  /** What this app's /resonate is: the embedded model, or a proxy to RESONATE_URL (GET /resonate/info). */
  serverInfo: () =>
    queryOptions({
      queryKey: replayKeys.serverInfo(),
      queryFn: () => fetchEndpointInfo(browserFetch, APP_ENDPOINT),
      staleTime: Infinity,
      retry: false,
    }),
  /** Does a Resonate server answer at http://localhost:8001 (`resonate dev`'s default)? Asked when Settings open. */
  localServer: () =>
    queryOptions({
      queryKey: replayKeys.localServer(),
      queryFn: () => probeLocalServer(browserFetch, LOCAL_SERVER_URL),
      staleTime: 0,
      retry: false,
    }),
  /**
   * "Check current state": the `*.get` for one id on one server. Never retried (each try is a request to the
   * user's server); always stale, so each click sends one get. `client` carries the token and the timeout.
   */
  state: (client: ReplayClient, target: { kind: Kind; id: string }) =>
    queryOptions({
      queryKey: [...replayKeys.statesOn(client.url), target.kind, target.id],
      queryFn: async ({ signal }): Promise<StateCheck> => {
        const request: ReplayRequest = { kind: target.kind, head: { corrId: newCorrId(), version: PROTOCOL_VERSION }, data: { id: target.id } };
        return { request, result: await client.send(request, { signal }) };
      },
      staleTime: 0,
      retry: false,
    }),
};

export const replayMutations = {
  /**
   * One send of an edited request. Never retried (the client never resends either); kept for the whole
   * session (gcTime Infinity), because the page's list of replays is read from the mutation cache.
   * `signal` lets the page cancel a send that takes long.
   */
  send: (client: ReplayClient, signal?: () => AbortSignal | undefined) =>
    mutationOptions({
      mutationKey: replayKeys.sends(),
      mutationFn: (variables: ReplayVariables): Promise<ReplayResult> => {
        const s = signal?.();
        return client.send(variables.request, s ? { signal: s } : {});
      },
      retry: false,
      gcTime: Infinity,
    }),
};
