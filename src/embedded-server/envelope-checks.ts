import {
  PROTOCOL_VERSION,
  dataTypeProblems,
  fenceActionProblems,
  isKind,
  isRecord,
  ruleMessages,
  semanticMessages,
  type Kind,
  type ReplayRequest,
} from '../core/replay/request-schema.js';
import { serdeEnvelopeError } from './serde-envelope.js';

/**
 * The Rust server's checks, in its order (server-protocol.md §3), before a request reaches the model:
 * 1. body → RequestEnvelope (400 `Invalid request envelope: <serde message>`)
 * 2. empty kind (400), 3. data not an object (400), 4. version (400)
 * 5. auth: not configured on the embedded server
 * 6. dispatch: debug.* while debug is off (403), unknown kind (400)
 * 7. per operation: `data` types (400 `Invalid request: <serde message>`), validation rules (400), semantic checks
 *    (addresses, limit, the fence action's kind).
 */

export type ErrorEnvelope = {
  kind: string;
  head: { corrId: string; status: number; version: typeof PROTOCOL_VERSION };
  data: string;
};

export type CheckResult =
  | {
      ok: true;
      request: ReplayRequest;
      kind: Kind;
      corrId: string;
      /** head["resonate:debug_time"], the time the operation runs at; read only when debug is on (server.rs). */
      debugTime?: number;
    }
  | { ok: false; status: number; envelope: ErrorEnvelope };

export type CheckOptions = { debug?: boolean };

const SUPPORTED_VERSIONS = [PROTOCOL_VERSION];

export function errorEnvelope(kind: string, corrId: string, status: number, data: string): ErrorEnvelope {
  return { kind, head: { corrId, status, version: PROTOCOL_VERSION }, data };
}

/** kind and corrId pulled from raw JSON when the envelope could not be read (server.rs:152-174): else "unknown"/"0". */
function echoOf(body: string): { kind: string; corrId: string } {
  try {
    const json: unknown = JSON.parse(body);
    if (!isRecord(json)) return { kind: 'unknown', corrId: '0' };
    return {
      kind: typeof json.kind === 'string' ? json.kind : 'unknown',
      corrId: isRecord(json.head) && typeof json.head.corrId === 'string' ? json.head.corrId : '0',
    };
  } catch {
    return { kind: 'unknown', corrId: '0' };
  }
}

/** Runs the checks on a request body. Never throws. */
export function checkRequest(body: string, options: CheckOptions = {}): CheckResult {
  // 1. Envelope.
  const serde = serdeEnvelopeError(body);
  if (serde !== null) {
    const echo = echoOf(body);
    return fail(echo.kind, echo.corrId, 400, `Invalid request envelope: ${serde}`);
  }
  const json: unknown = JSON.parse(body); // valid: the reader above accepted it
  if (!isRecord(json) || !isRecord(json.head) || typeof json.kind !== 'string' || typeof json.head.corrId !== 'string' || typeof json.head.version !== 'string') {
    // An envelope read from an array (serde allows it): its fields in declaration order.
    const arr: unknown[] = Array.isArray(json) ? json : [];
    const h = arr[1];
    const head: Record<string, unknown> = isRecord(h) ? h : Array.isArray(h) ? { corrId: h[0], version: h[1], auth: h[2] } : {};
    return checkParsed({ kind: typeof arr[0] === 'string' ? arr[0] : '', head, data: arr[2] }, options);
  }
  return checkParsed({ kind: json.kind, head: json.head, data: json.data }, options);
}

function fail(kind: string, corrId: string, status: number, data: string): CheckResult {
  return { ok: false, status, envelope: errorEnvelope(kind, corrId, status, data) };
}

function checkParsed(env: { kind: string; head: Record<string, unknown>; data: unknown }, options: CheckOptions): CheckResult {
  const kind = env.kind;
  const corrId = typeof env.head.corrId === 'string' ? env.head.corrId : '0';
  const version = typeof env.head.version === 'string' ? env.head.version : '';
  // 2. kind.
  if (kind === '') return fail(kind, corrId, 400, "Missing or invalid 'kind' field — must be a non-empty string");
  // 3. data.
  if (!isRecord(env.data)) return fail(kind, corrId, 400, "Invalid 'data' field — must be an object");
  // 4. version.
  if (!SUPPORTED_VERSIONS.includes(version)) {
    return fail(kind, corrId, 400, `Unsupported protocol version '${version}', supported versions: ${JSON.stringify(SUPPORTED_VERSIONS)}`);
  }
  // 6. dispatch.
  if (kind.startsWith('debug.') && isKind(kind) && !options.debug) return fail(kind, corrId, 403, 'Debug operations are disabled');
  if (!isKind(kind)) return fail(kind, corrId, 400, `Unknown operation: ${kind}`);
  // 7. data of the operation.
  const data = env.data;
  const problem = dataProblem(kind, data);
  if (problem !== null) return fail(kind, corrId, 400, problem);
  const head: ReplayRequest['head'] = { corrId, version };
  if (typeof env.head.auth === 'string') head.auth = env.head.auth;
  const debugTime = env.head['resonate:debug_time'];
  const request = { kind, head, data: withDefaults(kind, data, head) };
  return options.debug && typeof debugTime === 'number' ? { ok: true, kind, corrId, request, debugTime } : { ok: true, kind, corrId, request };
}

/** The first problem with an operation's data, worded as the server words it; null when there is none. */
export function dataProblem(kind: Kind, data: Record<string, unknown>): string | null {
  if (kind === 'debug.tick') {
    const t = data.time;
    return typeof t === 'number' && Number.isSafeInteger(t) ? null : "Missing or invalid 'time' field";
  }
  if (kind.startsWith('debug.')) return null;
  const types = dataTypeProblems(kind, data);
  if (types[0]) return `Invalid request: ${types[0].serde}`;
  const rules = ruleMessages(kind, data);
  if (rules.length > 0) return [...new Set(rules.map((r) => r.message))].join('; ');
  const semantic = semanticMessages(kind, data);
  if (semantic[0]) return semantic[0].message;
  if (kind === 'task.fence') {
    const fence = fenceActionProblems(data);
    if (fence.kind !== 'promise.create' && fence.kind !== 'promise.settle') return 'Invalid fence action kind';
    if (fence.problems[0]) return `Invalid action data: ${fence.problems[0].serde}`;
    if (fence.rules.length > 0) return [...new Set(fence.rules.map((r) => r.message))].join('; ');
  }
  return null;
}

const orEmpty = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

/**
 * Fills the optional fields the Rust server defaults (param, tags, value, promiseParam, promiseTags, a fence
 * action's head) so the model, which expects them, never meets `undefined`. Returns a new object.
 */
export function withDefaults(kind: Kind, data: Record<string, unknown>, head: ReplayRequest['head']): Record<string, unknown> {
  const createData = (d: Record<string, unknown>): Record<string, unknown> => ({ ...d, param: orEmpty(d.param), tags: orEmpty(d.tags) });
  const settleData = (d: Record<string, unknown>): Record<string, unknown> => ({ ...d, value: orEmpty(d.value) });
  const action = orEmpty(data.action);
  const actionData = orEmpty(action.data);
  switch (kind) {
    case 'promise.create':
      return createData(data);
    case 'promise.settle':
      return settleData(data);
    case 'task.create':
      return { ...data, action: { ...action, data: createData(actionData) } };
    case 'task.fulfill':
      return { ...data, action: { ...action, data: settleData(actionData) } };
    case 'task.fence':
      return {
        ...data,
        action: {
          ...action,
          head: isRecord(action.head) ? action.head : { corrId: head.corrId, version: PROTOCOL_VERSION },
          data: action.kind === 'promise.create' ? createData(actionData) : settleData(actionData),
        },
      };
    case 'schedule.create':
      return { ...data, promiseParam: orEmpty(data.promiseParam), promiseTags: orEmpty(data.promiseTags) };
    default:
      return data;
  }
}
