import type { Catalog } from '../../core/catalog/catalog-types';
import { decode } from '../../core/decode/decode';
import type { Finding } from '../../core/decode/finding';
import { classifyKind } from '../../core/replay/classify-kind';
import { compareOutcome, describeOutcome } from '../../core/replay/compare-outcome';
import { recordsOf, type DecodedRecord } from '../../core/replay/decode-record';
import type { ReplayFailure, ReplayResult, ReplaySuccess } from '../../core/replay/replay-client';

/** The fields of a finding a comparison reads (what the paste showed). */
export type Before = Pick<Finding, 'status' | 'code' | 'message' | 'error' | 'kind' | 'response'>;

export function beforeOf(finding: Finding): Before {
  return { status: finding.status, code: finding.code, message: finding.message, error: finding.error, kind: finding.kind, response: finding.response };
}

export type AnswerView = {
  ok: true;
  status: number;
  /** "200, resolved", "404 Promise not found". */
  now: string;
  /** "then: 404 Promise not found → now: 200, resolved", when there is a before. */
  compare: string | null;
  /** The answer, decoded by the catalog (title, entry, verdict), when the decoder read one. */
  decoded: Finding | null;
  records: DecodedRecord[];
  notes: string[];
  durationMs: number;
  answeredBy: ReplaySuccess['answeredBy'];
};

export type FaultView = {
  ok: false;
  /** A short heading: "Blocked by CORS", "Connection refused", "No answer within 10 s". */
  title: string;
  message: string;
  advice: string;
  applied: ReplayFailure['applied'];
  /** "Was it applied?" answered in words. */
  appliedText: string;
  status: number | null;
  bodySnippet: string | null;
  durationMs: number;
};

export type OutcomeView = AnswerView | FaultView;

export type OutcomeContext = {
  catalog: Catalog;
  /** What the paste showed, to compare with; null for a state check. */
  before: Before | null;
  /** The kind that was sent (a read that may have arrived is harmless). */
  kind: string;
  timeoutMs?: number;
};

/** The outcome of a send, ready to show: decoded by the catalog and compared with what the paste showed. */
export function outcomeView(result: ReplayResult, { catalog, before, kind, timeoutMs }: OutcomeContext): OutcomeView {
  if (!result.ok) return faultView(result, kind, timeoutMs);
  const decoded = pickFinding(safeDecode(result.raw, catalog), result);
  const after: Before = decoded ?? {
    status: result.status,
    code: String(result.status),
    message: typeof result.envelope.data === 'string' ? result.envelope.data : null,
    error: result.status >= 400,
    kind: result.envelope.kind,
    response: result.envelope,
  };
  return {
    ok: true,
    status: result.status,
    now: describeOutcome(after),
    compare: before ? compareOutcome(before, after) : null,
    decoded,
    records: recordsOf(result.envelope.data),
    notes: result.notes,
    durationMs: result.durationMs,
    answeredBy: result.answeredBy,
  };
}

function safeDecode(raw: string, catalog: Catalog): Finding[] {
  try {
    return decode(raw, catalog);
  } catch {
    return [];
  }
}

/** The finding for the response envelope itself (a fenced answer can hold several). */
function pickFinding(findings: Finding[], result: ReplaySuccess): Finding | null {
  return findings.find((f) => f.source === 'server' && f.status === result.status) ?? findings[0] ?? null;
}

/** "Was it applied?" answered, by what is known and by what the kind does. */
export function appliedText(applied: ReplayFailure['applied'], kind: string): string {
  if (applied === 'no') return 'No: the request did not reach the server, or the server refused it before doing anything. Sending it again is safe once the cause is fixed.';
  if (classifyKind(kind)?.access === 'read') return 'Unknown, and harmless: it is a read, which changes nothing on the server.';
  return 'Unknown: the request may have reached the server and been applied. Check the current state before sending it again.';
}

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

/** A heading for a fault, in a few words. */
export function faultTitle(result: Pick<ReplayFailure, 'fault' | 'probe' | 'status'>, timeoutMs?: number): string {
  switch (result.fault) {
    case 'refused':
      return 'Connection refused';
    case 'timeout':
      return timeoutMs ? `No answer within ${seconds(timeoutMs)}` : 'No answer in time';
    case 'cors':
      return result.probe === 'reachable'
        ? 'Blocked by the browser (CORS)'
        : result.probe === 'unreachable'
          ? 'No answer: the server looks down (or CORS blocks it)'
          : 'No answer the browser could read (server down, or CORS)';
    case 'not-json':
      return 'The answer is not JSON';
    case 'not-envelope':
      return 'The answer is not a Resonate envelope';
    case 'legacy-server':
      return 'A legacy server (or a wrong path) answered';
    case 'legacy-path-410':
      return 'A legacy REST path (410)';
    case 'html-error-page':
      return 'A proxy or gateway answered with a web page';
    case 'http-error':
      return `HTTP ${result.status ?? 'error'} without an envelope`;
    case 'connection-reset':
      return 'The connection broke';
    case 'aborted':
      return 'Cancelled';
    case 'invalid-url':
      return 'The server URL is not valid';
  }
}

function faultView(result: ReplayFailure, kind: string, timeoutMs?: number): FaultView {
  return {
    ok: false,
    title: faultTitle(result, timeoutMs),
    message: result.message,
    advice: result.advice,
    applied: result.applied,
    appliedText: appliedText(result.applied, kind),
    status: result.status ?? null,
    bodySnippet: result.bodySnippet ?? null,
    durationMs: result.durationMs,
  };
}

/** One line for a live region: "Answer: then: 404 … → now: 200, pending." or "Connection refused." */
export function outcomeAnnouncement(view: OutcomeView): string {
  if (!view.ok) return `${view.title}. ${view.applied === 'no' ? 'Not applied.' : 'It may have reached the server.'}`;
  return `Answer: ${view.compare ?? view.now}.`;
}
