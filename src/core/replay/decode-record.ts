import { isRecord } from './request-schema';

/** A payload (`param.data`, `value.data`) as the page shows it. The SDKs send base64-encoded JSON. */
export type DecodedPayload =
  | { kind: 'empty' }
  /** base64 of JSON: the value, and pretty-printed text. */
  | { kind: 'json'; value: unknown; text: string }
  /** base64 of UTF-8 text that is not JSON. */
  | { kind: 'text'; text: string }
  /** base64 of bytes that are not UTF-8 text (e.g. an encrypted payload). */
  | { kind: 'binary'; base64: string; bytes: number }
  /** Not base64 at all: shown as it is. */
  | { kind: 'raw'; text: string };

export type DecodedValue = { headers: Record<string, string>; data: DecodedPayload };

/** An epoch-ms time, with its ISO form (null when the number is not a valid time). */
export type TimeField = { ms: number; iso: string | null };

export type DecodedRecord =
  | {
      type: 'promise';
      id: string;
      state: string;
      timeoutAt: TimeField | null;
      createdAt: TimeField | null;
      settledAt: TimeField | null;
      tags: Record<string, string>;
      param: DecodedValue;
      value: DecodedValue;
    }
  | {
      type: 'task';
      id: string;
      state: string;
      version: number | null;
      /** The Rust server sends a count; the TS LocalNetwork sends the ids. */
      resumes: number | string[] | null;
      ttl: number | null;
      pid: string | null;
    }
  | {
      type: 'schedule';
      id: string;
      cron: string;
      promiseId: string;
      promiseTimeoutMs: number | null;
      promiseParam: DecodedValue;
      promiseTags: Record<string, string>;
      createdAt: TimeField | null;
      nextRunAt: TimeField | null;
      lastRunAt: TimeField | null;
    }
  | { type: 'unknown'; text: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes a payload: base64 → UTF-8 → JSON when it is; text when it is not JSON; shown as is otherwise. */
export function decodePayload(data: unknown): DecodedPayload {
  if (data === undefined || data === null || data === '') return { kind: 'empty' };
  if (typeof data !== 'string') return { kind: 'json', value: data, text: JSON.stringify(data, null, 2) };
  const compact = data.replace(/\s+/g, '');
  if (!BASE64.test(compact)) return { kind: 'raw', text: data };
  let bytes: Uint8Array;
  try {
    const binary = atob(compact);
    bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return { kind: 'raw', text: data };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'binary', base64: compact, bytes: bytes.length };
  }
  // Control characters other than whitespace: bytes that happen to be valid UTF-8, not text.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) return { kind: 'binary', base64: compact, bytes: bytes.length };
  try {
    const value: unknown = JSON.parse(text);
    return { kind: 'json', value, text: JSON.stringify(value, null, 2) };
  } catch {
    return { kind: 'text', text };
  }
}

export function decodeValue(v: unknown): DecodedValue {
  const r = isRecord(v) ? v : {};
  return { headers: stringMap(r.headers), data: decodePayload(r.data) };
}

export function timeField(v: unknown): TimeField | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  const d = new Date(v);
  return { ms: v, iso: Number.isNaN(d.getTime()) ? null : d.toISOString() };
}

function stringMap(v: unknown): Record<string, string> {
  if (!isRecord(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) out[k] = typeof x === 'string' ? x : JSON.stringify(x);
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const TASK_STATES = ['pending', 'acquired', 'suspended', 'halted', 'fulfilled'];

/**
 * A promise, task or schedule record for display: state, times as ISO, tags, payloads decoded. Records are
 * told apart by their fields (a schedule has `cron`; a task has `version`; a promise has `timeoutAt`).
 */
export function decodeRecord(record: unknown): DecodedRecord {
  if (!isRecord(record)) return { type: 'unknown', text: JSON.stringify(record) ?? String(record) };
  if (typeof record.cron === 'string') {
    return {
      type: 'schedule',
      id: str(record.id),
      cron: record.cron,
      promiseId: str(record.promiseId),
      promiseTimeoutMs: num(record.promiseTimeout),
      promiseParam: decodeValue(record.promiseParam),
      promiseTags: stringMap(record.promiseTags),
      createdAt: timeField(record.createdAt),
      nextRunAt: timeField(record.nextRunAt),
      lastRunAt: timeField(record.lastRunAt),
    };
  }
  if (typeof record.version === 'number' && typeof record.state === 'string' && TASK_STATES.includes(record.state) && !('timeoutAt' in record)) {
    const resumes = record.resumes;
    return {
      type: 'task',
      id: str(record.id),
      state: record.state,
      version: record.version,
      resumes: typeof resumes === 'number' ? resumes : Array.isArray(resumes) ? resumes.map(str) : null,
      ttl: num(record.ttl),
      pid: typeof record.pid === 'string' ? record.pid : null,
    };
  }
  if (typeof record.state === 'string' && ('timeoutAt' in record || 'param' in record)) {
    return {
      type: 'promise',
      id: str(record.id),
      state: record.state,
      timeoutAt: timeField(record.timeoutAt),
      createdAt: timeField(record.createdAt),
      settledAt: timeField(record.settledAt),
      tags: stringMap(record.tags),
      param: decodeValue(record.param),
      value: decodeValue(record.value),
    };
  }
  return { type: 'unknown', text: JSON.stringify(record, null, 2) };
}

/**
 * Every record a response's `data` holds, in a useful order: task, promise, schedule, then search results
 * (`promises`, `tasks`, `schedules`), then a task.fence's inner answer.
 */
export function recordsOf(data: unknown): DecodedRecord[] {
  if (!isRecord(data)) return [];
  const out: DecodedRecord[] = [];
  for (const key of ['task', 'promise', 'schedule'] as const) if (isRecord(data[key])) out.push(decodeRecord(data[key]));
  for (const key of ['promises', 'tasks', 'schedules'] as const) {
    const list = data[key];
    if (Array.isArray(list)) out.push(...list.map(decodeRecord));
  }
  if (isRecord(data.action) && isRecord(data.action.data)) out.push(...recordsOf(data.action.data));
  return out;
}
