import type { Finding } from '../../core/decode/finding';
import { groupFindings } from '../../core/triage/group';
import type { Group } from '../../core/triage/group';
import type { DecodeResponse } from '../../core/triage/worker-protocol';

/**
 * The page's side of a decode in the worker, as a pure reducer over the worker's messages: the hook
 * (use-log-decode.ts) only posts requests and feeds the answers in here.
 */

/** Texts longer than this are decoded in the worker, as a log; shorter ones in the page, as you type. */
export const LOG_MIN_CHARS = 200_000;

export type LogDecodeState =
  /** A run was asked for, or runs: `done` of the log's `total` characters read. */
  | { status: 'running'; id: number; done: number; total: number; findings: Finding[]; groups: Group[] }
  | { status: 'done'; id: number; total: number; findings: Finding[]; groups: Group[]; elapsedMs: number }
  /** Stopped by the user: the findings of the part that was read. */
  | { status: 'cancelled'; id: number; done: number; total: number; findings: Finding[]; groups: Group[] }
  | { status: 'error'; id: number; error: string };

/**
 * A new run of a text of `total` characters. The previous run's findings stay on screen until this one has some
 * of its own, so that typing in a long log does not blank the summary at every pause.
 */
export function startedState(id: number, previous?: LogDecodeState, total = 0): LogDecodeState {
  const kept = previous && previous.status !== 'error' ? { findings: previous.findings, groups: previous.groups } : { findings: [], groups: [] };
  return { status: 'running', id, done: 0, total, ...kept };
}

/** The user pressed Cancel: keep what this run found so far. A finished run stays finished. */
export function cancelledState(state: LogDecodeState): LogDecodeState {
  if (state.status !== 'running') return state;
  // Before this run's first findings, what is on screen is the previous run's: it is not "the part read".
  return state.done === 0 ? { ...state, status: 'cancelled', findings: [], groups: [] } : { ...state, status: 'cancelled' };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A light check of a worker message (the worker is ours, but a message is still data from elsewhere). */
export function isDecodeResponse(data: unknown): data is DecodeResponse {
  if (!isRecord(data)) return false;
  switch (data.type) {
    case 'progress':
      return typeof data.id === 'number' && typeof data.done === 'number' && typeof data.total === 'number' && Array.isArray(data.findings);
    case 'done':
      return typeof data.id === 'number' && Array.isArray(data.findings) && Array.isArray(data.groups) && typeof data.elapsedMs === 'number';
    case 'cancelled':
      return typeof data.id === 'number';
    case 'error':
      return (typeof data.id === 'number' || data.id === null) && typeof data.error === 'string';
    default:
      return false;
  }
}

/**
 * The state after a worker message. Messages of another run (replaced or cancelled) are dropped, and so is
 * anything that arrives once the run is over (the user's Cancel wins over a late progress or done).
 * Progress groups are provisional: grouped here without the log's times, which only the final groups carry.
 */
export function reduceDecode(state: LogDecodeState, message: DecodeResponse): LogDecodeState {
  if (message.id !== state.id && !(message.type === 'error' && message.id === null)) return state;
  if (state.status !== 'running') return state;
  switch (message.type) {
    case 'progress':
      // The first message (nothing read yet) only says how many parts there are.
      if (message.done === 0) return { ...state, total: message.total };
      return { ...state, done: message.done, total: message.total, findings: message.findings, groups: groupFindings(message.findings) };
    case 'done':
      return {
        status: 'done',
        id: state.id,
        total: message.total,
        findings: message.findings,
        groups: message.groups,
        elapsedMs: message.elapsedMs,
      };
    case 'cancelled':
      return cancelledState(state);
    case 'error':
      return { status: 'error', id: state.id, error: message.error };
  }
}

const number = new Intl.NumberFormat('en-US');

/** "12,345". */
export function formatCount(n: number): string {
  return number.format(n);
}

const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** How many findings, groups and occurrences: "81 findings in 70 groups (2,818 occurrences)". */
export function countsText(findings: readonly Finding[], groups: readonly Group[]): string {
  if (findings.length === 0) return 'No Resonate error, envelope or trace found in this log';
  const occurrences = groups.reduce((n, g) => n + g.count, 0);
  return `${plural(findings.length, 'finding')} in ${plural(groups.length, 'group')} (${plural(occurrences, 'occurrence')})`;
}

/** The live status line of a log decode. It changes only at the start and the end of a run, so a screen reader is not flooded. */
export function statusText(state: LogDecodeState): string {
  switch (state.status) {
    case 'running':
      return 'Decoding the log…';
    case 'done':
      return `${countsText(state.findings, state.groups)}, read in ${formatSeconds(state.elapsedMs)}`;
    case 'cancelled':
      return `Stopped after ${formatSize(state.done)} of ${formatSize(state.total)}: ${countsText(state.findings, state.groups)} in the part read`;
    case 'error':
      return 'The inspector could not read this log.';
  }
}

/** "0.4 s", "12 s". */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
}

/** "3.4 MB", "812 KB". */
export function formatSize(chars: number): string {
  if (chars >= 1024 * 1024) return `${(chars / 1024 / 1024).toFixed(1)} MB`;
  return `${chars === 0 ? 0 : Math.max(1, Math.round(chars / 1024))} KB`;
}
