import type { ReplayRequest } from '../../core/replay/request-schema';
import type { ReplayResult } from '../../core/replay/replay-client';
import type { Before } from './outcome';

/**
 * What a send carries into the mutation cache (the session's list of replays is read from there). No token:
 * the client adds it to head.auth when it sends, so it never lands in the cache, the list or a log.
 */
export type ReplayVariables = {
  request: ReplayRequest;
  /** What the paste showed, to compare the answer with (null when there is nothing to compare). */
  before: Before | null;
  /** The finding's title, to say what the replay was about. */
  title: string;
  /** Which server, as the page named it when the request went ("Embedded model", "localhost:8001"). */
  server: { url: string; label: string };
  timeoutMs: number;
};

/** A mutation's state, as useMutationState selects it (only the fields the list reads). */
export type SendState = {
  status: 'idle' | 'pending' | 'success' | 'error';
  submittedAt: number;
  variables: ReplayVariables | undefined;
  data: ReplayResult | undefined;
  error: unknown;
};

export type LogEntry = {
  key: string;
  at: number;
  status: SendState['status'];
  variables: ReplayVariables;
  result: ReplayResult | null;
  error: string | null;
};

/** The session's replays, newest first; the mutation id keeps the order stable for sends within one millisecond. */
export function logEntries(states: Array<SendState & { id: number }>): LogEntry[] {
  return states
    .filter((s): s is SendState & { id: number; variables: ReplayVariables } => s.variables !== undefined)
    .sort((a, b) => b.submittedAt - a.submittedAt || b.id - a.id)
    .map((s) => ({
      key: String(s.id),
      at: s.submittedAt,
      status: s.status,
      variables: s.variables,
      result: s.data ?? null,
      error: s.status === 'error' ? (s.error instanceof Error ? s.error.message : String(s.error)) : null,
    }));
}

/** "promise.get order-42" — the kind and the id the request names, if any. */
export function requestLabel(request: ReplayRequest): string {
  const d = request.data;
  const id = typeof d.id === 'string' ? d.id : typeof d.awaited === 'string' ? d.awaited : null;
  return id ? `${request.kind} ${id}` : request.kind;
}

/** "Embedded model (/resonate)" for this app's endpoint; the URL itself for a typed one. */
export function serverText(server: { url: string; label: string }): string {
  return server.url.startsWith('/') ? `${server.label} (${server.url})` : server.url;
}

/** A clock time for the list: "14:03:27". */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

const isRecordLike = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isVariables(v: unknown): v is ReplayVariables {
  return isRecordLike(v) && isRecordLike(v.request) && typeof v.title === 'string' && isRecordLike(v.server) && typeof v.timeoutMs === 'number';
}

function isResult(v: unknown): v is ReplayResult {
  return isRecordLike(v) && typeof v.ok === 'boolean' && typeof v.url === 'string';
}

/** A mutation's state from the cache (typed `unknown` there), checked: the list only trusts what it checked. */
export function toSendState(
  id: number,
  state: { status: SendState['status']; submittedAt: number; variables: unknown; data: unknown; error: unknown },
): SendState & { id: number } {
  return {
    id,
    status: state.status,
    submittedAt: state.submittedAt,
    variables: isVariables(state.variables) ? state.variables : undefined,
    data: isResult(state.data) ? state.data : undefined,
    error: state.error,
  };
}
