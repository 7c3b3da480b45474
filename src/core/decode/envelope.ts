import { TS_LOG_LINE } from './javascript';
import type { RawFinding } from './raw';

export const PROTOCOL_VERSION = '2026-04-01';

/** The 26 operation kinds of the Rust server (v0.9.5). */
export const KINDS = [
  'promise.get',
  'promise.create',
  'promise.settle',
  'promise.register_callback',
  'promise.register_listener',
  'promise.search',
  'task.get',
  'task.create',
  'task.acquire',
  'task.release',
  'task.fulfill',
  'task.suspend',
  'task.fence',
  'task.heartbeat',
  'task.halt',
  'task.continue',
  'task.search',
  'schedule.get',
  'schedule.create',
  'schedule.delete',
  'schedule.search',
  'debug.start',
  'debug.stop',
  'debug.reset',
  'debug.snap',
  'debug.tick',
] as const;

export type JsonReading =
  | { type: 'request'; request: Record<string, unknown> }
  | { type: 'raw'; raw: Omit<RawFinding, 'span'>; echo?: boolean }
  | { type: 'text'; texts: string[] };

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The docs write `promises.get`; the server's kinds are singular (`promise.get`). */
export function normalizeKind(kind: string): string {
  const m = /^(promises|tasks|schedules)\.(\w+)$/.exec(kind);
  return m?.[1] && m[2] ? `${m[1].slice(0, -1)}.${m[2]}` : kind;
}

function kindNotes(rawKind: string, kind: string): string[] {
  if (rawKind === kind) return [];
  return [
    `The kind \`${rawKind}\` is the docs' spelling; the server's kind is \`${kind}\`. A real server answers \`${rawKind}\` with 400 \`Unknown operation: ${rawKind}\`.`,
  ];
}

/** Promise, task and schedule ids an envelope (request or response) names. */
export function idsOf(kind: string, request: unknown, response: unknown): RawFinding['ids'] {
  const ids: NonNullable<RawFinding['ids']> = {};
  const noun = kind.split('.')[0];
  const reqData = isRecord(request) && isRecord(request.data) ? request.data : undefined;
  const resData = isRecord(response) && isRecord(response.data) ? response.data : undefined;
  const pick = (rec: Rec | undefined, key: string): string | undefined => (rec ? str(rec[key]) : undefined);
  if (isRecord(resData?.promise)) ids.promise = str(resData.promise.id);
  if (isRecord(resData?.task)) ids.task = str(resData.task.id);
  if (isRecord(resData?.schedule)) ids.schedule = str(resData.schedule.id);
  const reqId = pick(reqData, 'id');
  if (noun === 'promise') ids.promise ??= reqId ?? pick(reqData, 'awaited');
  if (noun === 'task') {
    ids.task ??= reqId;
    const actionData = isRecord(reqData?.action) && isRecord(reqData.action.data) ? reqData.action.data : undefined;
    ids.promise ??= pick(actionData, 'id');
  }
  if (noun === 'schedule') ids.schedule ??= reqId;
  for (const k of Object.keys(ids) as Array<keyof typeof ids>) if (ids[k] === undefined) delete ids[k];
  return ids;
}

/** Notes that only the response's own values can give; the per-kind advice is the catalog's (byKind). */
function successNotes(kind: string, data: unknown): string[] {
  const notes: string[] = [];
  if (!isRecord(data)) return notes;
  if (typeof data.cursor === 'string' && data.cursor !== '') {
    notes.push(`More results: pass "cursor": "${data.cursor}" to fetch the next page.`);
  }
  if (kind === 'task.acquire' && isRecord(data.task) && typeof data.task.version === 'number') {
    notes.push(`Task acquired at version ${data.task.version}: use this version for task.fulfill, task.suspend and task.fence.`);
  }
  if (kind === 'task.fence' && isRecord(data.action) && isRecord(data.action.head) && typeof data.action.head.status === 'number') {
    const inner = data.action;
    const innerHead = inner.head as Rec;
    if (typeof innerHead.status === 'number' && innerHead.status >= 400) {
      notes.push(
        `The outer status is 200 but the fenced ${str(inner.kind) ?? 'action'} failed with ${innerHead.status}${typeof inner.data === 'string' ? ` "${inner.data}"` : ''}.`,
      );
    }
  }
  return notes;
}

/** What a JSON object found in the paste is: a request, a response or error body, a log record, or text to read further. */
export function readJson(value: unknown): JsonReading | null {
  if (!isRecord(value)) return null;
  // Server envelopes.
  if (typeof value.kind === 'string' && isRecord(value.head)) {
    const head = value.head;
    if (typeof head.status !== 'number') return 'data' in value ? { type: 'request', request: value } : null;
    const status = head.status;
    const rawKind = value.kind;
    const kind = normalizeKind(rawKind);
    const data = value.data;
    const notes = [...kindNotes(rawKind, kind)];
    if (status >= 400 && typeof data !== 'string') {
      notes.push('data is not a string although the status is an error: the TS SDK’s in-memory LocalNetwork answers some errors this way.');
    }
    if (status < 400) notes.push(...successNotes(kind, data));
    const version = str(head.version);
    const raw: Omit<RawFinding, 'span'> = {
      source: 'server',
      code: String(status),
      status,
      kind,
      message: typeof data === 'string' ? data : null,
      name: null,
      corrId: str(head.corrId) ?? null,
      response: value,
      ids: idsOf(kind, undefined, value),
      versions: { server: 'Rust server (envelope protocol)', ...(version ? { protocol: version } : {}) },
      notes,
    };
    if (rawKind !== kind) raw.rawKind = rawKind;
    if (isRecord(data) && isRecord(data.promise) && typeof data.promise.state === 'string') raw.promiseState = data.promise.state;
    // task.fence answers 200 around an inner envelope that can carry its own error.
    if (kind === 'task.fence' && status < 400 && isRecord(data) && isRecord(data.action)) {
      const inner = readJson(data.action);
      if (inner?.type === 'raw' && inner.raw.status !== null && inner.raw.status >= 400) {
        return {
          type: 'raw',
          raw: {
            ...inner.raw,
            corrId: raw.corrId ?? null,
            response: value,
            notes: [`Read from inside a task.fence response: the outer status is ${status}, but the fenced ${inner.raw.kind ?? 'action'} failed.`, ...(inner.raw.notes ?? [])],
          },
        };
      }
    }
    if (version && version !== PROTOCOL_VERSION) {
      raw.notes = [...notes, `head.version is ${version}: the Rust server always answers ${PROTOCOL_VERSION}; a different value means the response was not written by it (e.g. the TS SDK's LocalNetwork echoes the request's version).`];
    }
    return { type: 'raw', raw };
  }
  // Legacy Go server bodies: {"error":{"code":40400,"message":…,"details":[…]}}; the Rust server's 410 {"error":"…"}.
  if (isRecord(value.error) && typeof value.error.code === 'number') {
    const code = value.error.code;
    const message = str(value.error.message) ?? null;
    const details = Array.isArray(value.error.details) ? value.error.details : [];
    const notes = details
      .filter(isRecord)
      .map((d) => (typeof d.message === 'string' ? `${str(d['@type']) ?? 'detail'}: ${d.message}` : ''))
      .filter((n) => n !== '' && !/^RequestError: Request errors are not retryable/.test(n));
    return {
      type: 'raw',
      raw: {
        source: 'legacy-server',
        code: String(code),
        status: code >= 10000 ? Math.floor(code / 100) : code >= 1000 ? Math.floor(code / 10) : code,
        kind: null,
        message,
        name: null,
        response: value,
        versions: { server: 'Go server (legacy REST API)' },
        notes,
        details: details.filter(isRecord).flatMap((d) => (typeof d.message === 'string' ? [d.message] : [])),
      },
    };
  }
  if (typeof value.error === 'string' && Object.keys(value).length === 1) {
    // The Rust server's 410 for legacy paths; its status and code come from the catalog entry for its text. Any other
    // product's {"error":"…"} looks the same, so it counts only when the catalog knows the text (echo).
    return {
      type: 'raw',
      echo: true,
      raw: {
        source: 'server',
        code: null,
        status: null,
        kind: null,
        message: value.error,
        name: null,
        response: value,
      },
    };
  }
  // TS SDK: JSON.stringify(err) / { error: String(err), ...err }.
  const href = str(value.href);
  const hrefCode = href ? /rn8\.io\/e\/(11\d\d)/.exec(href)?.[1] : undefined;
  if (typeof value.level === 'string' && typeof value.msg === 'string') {
    const log = readTsLog(value, hrefCode);
    if (log) return log;
  }
  if (hrefCode || (value.name === 'ResonateError' && typeof value.code === 'string')) {
    const errText = str(value.error) ?? str(value.message);
    return {
      type: 'raw',
      raw: {
        source: 'ts-sdk',
        code: hrefCode ?? (typeof value.code === 'string' && /^\d\d$/.test(value.code) ? `11${value.code}` : null),
        status: null,
        kind: null,
        message: errText ? errText.replace(/^ResonateError: /, '') : null,
        name: null,
        notes: errText ? [] : ['JSON.stringify of a ResonateError carries no message: classified by its code.'],
      },
    };
  }
  const texts = embeddedTexts(value, 0);
  return texts.length > 0 ? { type: 'text', texts } : null;
}

function readTsLog(value: Rec, hrefCode: string | undefined): JsonReading | null {
  const msg = str(value.msg) ?? '';
  const error = str(value.error);
  const base = { status: null, name: null, kind: null, versions: { sdk: '@resonatehq/sdk 0.10+ (ConsoleLogger JSON)' } };
  if (hrefCode || (typeof value.code === 'string' && /^\d\d$/.test(value.code) && typeof value.type === 'string')) {
    const line = TS_LOG_LINE.exec(msg);
    return {
      type: 'raw',
      raw: {
        ...base,
        source: 'ts-sdk',
        code: hrefCode ?? `11${String(value.code)}`,
        message: line?.groups?.msg ?? msg,
        notes: value.next === 'Will drop' ? ['"Will drop": the SDK logged this and dropped the task; the server redelivers it until the cause is fixed.'] : [],
      },
    };
  }
  if (msg === 'platform failure') {
    const kind = str(value.kind);
    const status = error ? /\bHTTP (\d{3})\b/.exec(error)?.[1] : undefined;
    return {
      type: 'raw',
      raw: {
        ...base,
        source: 'ts-sdk',
        code: null,
        status: status ? Number(status) : null,
        kind: kind ? normalizeKind(kind) : null,
        message: `platform failure: ${error ?? str(value.error_type) ?? 'unknown'}`,
        name: 'ResonateTimeoutException',
        corrId: str(value.corr_id) ?? null,
        notes: typeof value.error_type === 'string' ? [`error_type: ${value.error_type}`] : [],
      },
    };
  }
  if (/^Legacy server detected/.test(msg)) {
    return { type: 'raw', raw: { ...base, source: 'ts-sdk', code: null, message: msg } };
  }
  if (error && /\n\s+at /.test(error)) return { type: 'text', texts: [error] };
  if (error && (value.level === 'warn' || value.level === 'error')) {
    // "executeUntilBlocked failed" / "onMessage failed" repeat an error's message: diagnose it only if the catalog knows it.
    const message = error.replace(/^(?:[\w$]+ \[ResonateError\]|ResonateError): /, '');
    return { type: 'raw', raw: { ...base, source: 'ts-sdk', code: null, message }, echo: true };
  }
  return null;
}

/** No text: shared, never handed out (readJson keeps only a non-empty list). */
const NONE: string[] = [];

/** The embedded texts of each value, in order; numbers, booleans and nulls (most of a record) cost nothing. */
function embeddedIn(values: readonly unknown[], depth: number): string[] {
  let out: string[] | null = null;
  for (const v of values) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'string')) continue;
    const texts = embeddedTexts(v, depth + 1);
    if (texts.length > 0) (out ??= []).push(...texts);
  }
  return out ?? NONE;
}

/** Multi-line strings inside a JSON log record that hold a trace (python-json-logger's exc_info, a "stack" array…). */
function embeddedTexts(value: unknown, depth: number): string[] {
  if (depth > 4) return NONE;
  if (typeof value === 'string') {
    if (value.includes('\n') && /Traceback \(most recent call last\)|\n\s+at |Error|Exception/.test(value)) return [value];
    // An envelope or error body logged as an escaped string: "response":"{\"kind\":…}".
    if (/^\s*\{\s*"(?:kind|error)"\s*:/.test(value)) return [value];
    // One-line error texts a log record carries ("error": "ResonateError: …", "[100.40400] …" with its class).
    if ((value.includes('Resonate') || value.includes('rn8.io/e/')) && /\bResonate\w*(?:Error|Exception)\b|rn8\.io\/e\/11\d\d/.test(value)) return [value];
    return NONE;
  }
  if (Array.isArray(value)) {
    if (value.length > 1 && value.every((v) => typeof v === 'string') && value.some((v) => /^\s+at |File "/.test(v))) {
      return [value.join('\n')];
    }
    return embeddedIn(value, depth);
  }
  if (isRecord(value)) {
    // An exception split into class and text (Sentry's exception.values[], pino's err, Python loggers' exc_type).
    const type = str(value.type) ?? str(value.exc_type) ?? str(value.name);
    const text = str(value.value) ?? str(value.message) ?? str(value.exc_value);
    const split = type && text !== undefined && /^[A-Z][\w.]*(?:Error|Exception)$/.test(type) && !text.startsWith(type) ? [`${type}: ${text}`] : NONE;
    const inner = embeddedIn(Object.values(value), depth);
    // A stack beside them says more than class and text; a bare field ("type": "ResonateError") says less.
    const stacks = inner === NONE ? NONE : inner.filter((t) => t.includes('\n'));
    return stacks.length > 0 ? stacks : split.length > 0 ? split : inner;
  }
  return NONE;
}
