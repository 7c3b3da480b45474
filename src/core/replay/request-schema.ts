import type { Request as ProtocolRequest, RequestHead } from '@resonatehq/sdk';

/**
 * The request side of the protocol, as the Rust server v0.9.5 reads it (server-protocol.md §2, §4, §6).
 * One table of per-kind `data` fields, read two ways: by `validateRequest` (every problem, with a path, for
 * the page) and by the embedded server (the first problem, in serde_json's words, like the real server).
 */

// No relative imports here: vite.config.ts loads this file (through the embedded server), and Vite's config
// loader warns about extensionless imports. The tests check that these agree with src/core/decode/envelope.ts.

/** The protocol version every SDK sends and the server accepts (server-protocol.md §2). */
export const PROTOCOL_VERSION = '2026-04-01';

/** The 26 operation kinds, as @resonatehq/sdk's request types name them. */
export type Kind = ProtocolRequest['kind'];

/** A request envelope ready to send. `data` has been checked against its kind's fields. */
export type ReplayRequest = {
  kind: Kind;
  head: RequestHead;
  data: Record<string, unknown>;
};

/** What a field holds, named the way serde_json names the Rust type in its messages. */
export type FieldType =
  | { t: 'string'; min1?: string; noNul?: string }
  | { t: 'i64'; min?: { value: number; message: string } }
  | { t: 'map' } // {string: string}: headers and tags
  | { t: 'value' } // {headers?: {string: string}, data?: string}
  | { t: 'enum'; values: readonly string[] }
  | { t: 'any' }
  | { t: 'struct'; name: string; fields: Fields }
  | { t: 'seq'; items: FieldType };

export type Field = FieldType & { required: boolean; hint?: string };
export type Fields = Record<string, Field>;

const PROMISE_STATES = ['pending', 'resolved', 'rejected', 'rejected_canceled', 'rejected_timedout'] as const;
const SETTLE_STATES = ['resolved', 'rejected', 'rejected_canceled'] as const;
const TASK_STATES = ['pending', 'acquired', 'suspended', 'halted', 'fulfilled'] as const;

const str = (required: boolean, min1?: string, hint?: string): Field => ({
  t: 'string',
  required,
  ...(min1 ? { min1 } : {}),
  ...(hint ? { hint } : {}),
});
const i64 = (required: boolean, min?: { value: number; message: string }, hint?: string): Field => ({
  t: 'i64',
  required,
  ...(min ? { min } : {}),
  ...(hint ? { hint } : {}),
});
const map = (hint: string): Field => ({ t: 'map', required: false, hint });
const value = (hint: string): Field => ({ t: 'value', required: false, hint });

const promiseId = str(true, 'Promise ID is required');
const taskId = str(true, 'Task ID is required');
const scheduleId = str(true, 'Schedule ID is required');
const pid = str(true, 'Process ID is required', 'the worker process id');
const version = i64(true, { value: 0, message: 'Version must be a non-negative integer' }, 'the task version you hold');
const ttl = i64(true, { value: 1, message: 'TTL must be a positive integer' }, 'lease length in ms');
const limit = i64(false, { value: 1, message: 'Limit must be a positive integer' }, '1..1000');
const cursor = str(false, undefined, 'the id of the last item of the previous page');

const promiseCreateData = {
  id: { t: 'string', required: true, min1: 'Promise ID is required', noNul: 'Promise ID must not contain null bytes' },
  timeoutAt: i64(true, { value: 0, message: 'TimeoutAt must be a non-negative integer' }, 'absolute time, Unix epoch ms'),
  param: value('{headers?, data?}: data is a base64 string'),
  tags: map('{string: string}'),
} satisfies Fields;
const promiseSettleData = {
  id: promiseId,
  state: { t: 'enum', values: SETTLE_STATES, required: true },
  value: value('{headers?, data?}: data is a base64 string'),
} satisfies Fields;
const callbackData = {
  awaited: str(true, 'Awaited promise ID is required'),
  awaiter: str(true, 'Awaiter promise ID is required'),
} satisfies Fields;

/** A nested envelope (`action`): kind, head and data. */
const action = (name: string, data: Fields, headRequired: boolean): FieldType => ({
  t: 'struct',
  name,
  fields: {
    kind: str(true),
    head: { t: 'any', required: headRequired, hint: 'an object, e.g. {}' },
    data: { t: 'struct', name: `${name}Data`, fields: data, required: true },
  },
});

type DataOf<K extends Kind> = Extract<ProtocolRequest, { kind: K }>['data'];
/** Every field the SDK's type names, and no other (a compile-time link to @resonatehq/sdk's request types). */
type FieldsOf<D> = { [F in keyof D]-?: Field };

/** The `data` fields of each of the 26 kinds (server-protocol.md §4). */
export const DATA_FIELDS = {
  'promise.get': { id: promiseId },
  'promise.create': promiseCreateData,
  'promise.settle': promiseSettleData,
  'promise.register_callback': callbackData,
  'promise.register_listener': {
    awaited: str(true, 'Awaited promise ID is required'),
    address: str(true, 'Address is required', 'e.g. poll://any@default'),
  },
  'promise.search': {
    state: { t: 'enum', values: PROMISE_STATES, required: false },
    tags: map('subset match'),
    limit,
    cursor,
  },
  'task.get': { id: taskId },
  'task.create': {
    pid,
    ttl,
    action: { ...action('PromiseCreateAction', promiseCreateData, true), required: true },
  },
  'task.acquire': { id: taskId, version, pid, ttl },
  'task.release': { id: taskId, version },
  'task.fulfill': { id: taskId, version, action: { ...action('PromiseSettleAction', promiseSettleData, true), required: true } },
  'task.suspend': {
    id: taskId,
    version,
    actions: { t: 'seq', items: action('RegisterCallbackAction', callbackData, true), required: true },
  },
  'task.fence': {
    id: taskId,
    version,
    action: {
      t: 'struct',
      name: 'FenceAction',
      required: true,
      fields: {
        kind: { t: 'string', required: true, hint: 'promise.create or promise.settle' },
        head: { t: 'any', required: false },
        data: { t: 'any', required: true, hint: 'the promise.create or promise.settle data' },
      },
    },
  },
  'task.heartbeat': {
    pid,
    tasks: { t: 'seq', items: { t: 'struct', name: 'TaskRef', fields: { id: str(true), version: i64(true) } }, required: true },
  },
  'task.halt': { id: taskId },
  'task.continue': { id: taskId },
  'task.search': { state: { t: 'enum', values: TASK_STATES, required: false }, limit, cursor },
  'schedule.get': { id: scheduleId },
  'schedule.create': {
    id: scheduleId,
    cron: str(true, 'Cron expression is required', '5, 6 or 7 fields'),
    promiseId: str(true, 'Promise ID template is required', 'may use {{.id}} and {{.timestamp}}'),
    promiseTimeout: i64(true, { value: 0, message: 'Promise timeout must be a non-negative integer' }, 'relative, in ms'),
    promiseParam: value('{headers?, data?}'),
    promiseTags: map('{string: string}'),
  },
  'schedule.delete': { id: scheduleId },
  'schedule.search': { tags: map('subset match'), limit, cursor },
  'debug.start': {},
  'debug.stop': {},
  'debug.reset': {},
  'debug.snap': {},
  'debug.tick': { time: i64(true, undefined, 'Unix epoch ms') },
} satisfies { [K in Kind]: FieldsOf<DataOf<K>> };

export const isKind = (kind: string): kind is Kind => Object.hasOwn(DATA_FIELDS, kind);

/** Where a value fits and where it does not: one problem at one path, in two wordings. */
export type Problem = {
  /** `data.timeoutAt`, `data.actions[0].data.awaited`. */
  path: string;
  /** serde_json's wording, without a position: ``missing field `timeoutAt` ``. */
  serde: string;
  /** A sentence for a person. */
  text: string;
};

type Rec = Record<string, unknown>;
export const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** serde's `Unexpected` for a JSON value: "integer `42`", "string \"x\"", "map"… */
export function unexpected(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return `boolean \`${String(v)}\``;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Number.isSafeInteger(v)) return `integer \`${v}\``;
    const s = String(v);
    return `floating point \`${/[.eE]/.test(s) || !Number.isFinite(v) ? s : `${s}.0`}\``;
  }
  if (typeof v === 'string') return `string ${JSON.stringify(v)}`;
  if (Array.isArray(v)) return 'sequence';
  return 'map';
}

/** What a person calls the value's type. */
function described(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number') return Number.isInteger(v) ? `the number ${v}` : `the fractional number ${v}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function expected(f: FieldType): { serde: string; text: string } {
  switch (f.t) {
    case 'string':
      return { serde: 'a string', text: 'a string' };
    case 'i64':
      return { serde: 'i64', text: 'an integer' };
    case 'map':
      return { serde: 'a map', text: 'an object of string values' };
    case 'value':
      return { serde: 'struct Value', text: 'an object {headers?, data?}' };
    case 'enum':
      return { serde: 'string or map', text: `one of ${f.values.join(', ')}` };
    case 'any':
      return { serde: 'any valid JSON value', text: 'a JSON value' };
    case 'struct':
      return { serde: `struct ${f.name}`, text: 'an object' };
    case 'seq':
      return { serde: 'a sequence', text: 'an array' };
  }
}

/** Checks a value against a field type; pushes problems (type problems only: the rules come later). */
function checkType(f: FieldType, v: unknown, path: string, out: Problem[]): void {
  const wrong = (): void => {
    const e = expected(f);
    out.push({ path, serde: `invalid type: ${unexpected(v)}, expected ${e.serde}`, text: `${path} must be ${e.text}, not ${described(v)}` });
  };
  switch (f.t) {
    case 'string':
      if (typeof v !== 'string') wrong();
      return;
    case 'i64':
      if (typeof v !== 'number' || !Number.isInteger(v) || !Number.isSafeInteger(v)) wrong();
      return;
    case 'any':
      return;
    case 'enum':
      if (typeof v !== 'string') wrong();
      else if (!f.values.includes(v)) {
        out.push({
          path,
          serde: `unknown variant \`${v}\`, expected one of ${f.values.map((x) => `\`${x}\``).join(', ')}`,
          text: `${path} must be one of ${f.values.join(', ')}, not ${JSON.stringify(v)}`,
        });
      }
      return;
    case 'map':
      if (!isRecord(v)) return wrong();
      for (const [k, x] of Object.entries(v)) {
        if (typeof x !== 'string') {
          out.push({
            path: `${path}.${k}`,
            serde: `invalid type: ${unexpected(x)}, expected a string`,
            text: `${path}.${k} must be a string (tags and headers are {string: string}), not ${described(x)}`,
          });
        }
      }
      return;
    case 'value':
      if (!isRecord(v)) return wrong();
      checkStruct(
        { headers: { t: 'map', required: false }, data: { t: 'string', required: false, hint: 'base64 of the encoded payload' } },
        v,
        path,
        out,
        (x) =>
          x === `${path}.data`
            ? `${path}.data must be a string (the SDKs send base64-encoded JSON), not ${described(v.data)}`
            : undefined,
      );
      return;
    case 'struct':
      if (!isRecord(v)) return wrong();
      checkStruct(f.fields, v, path, out);
      return;
    case 'seq':
      if (!Array.isArray(v)) return wrong();
      v.forEach((item, i) => checkType(f.items, item, `${path}[${i}]`, out));
      return;
  }
}

/** Present fields in the order given (serde reads them as they come), then the missing ones in declaration order. */
export function checkStruct(fields: Fields, v: Rec, path: string, out: Problem[], reword?: (path: string) => string | undefined): void {
  for (const [k, x] of Object.entries(v)) {
    const f = fields[k];
    if (!f) continue; // unknown fields are ignored by the server
    if (x === null && !f.required) continue; // Option<T>: null is None
    const before = out.length;
    checkType(f, x, `${path}.${k}`, out);
    const text = reword?.(`${path}.${k}`);
    if (text && out.length > before) {
      const p = out[before];
      if (p) p.text = text;
    }
  }
  for (const [k, f] of Object.entries(fields)) {
    if (f.required && !(k in v)) {
      out.push({ path: `${path}.${k}`, serde: `missing field \`${k}\``, text: `${path}.${k} is missing${f.hint ? ` (${f.hint})` : ''}` });
    }
  }
}

/** The type problems of a kind's `data` (an object), in the order serde would meet them. */
export function dataTypeProblems(kind: Kind, data: Rec): Problem[] {
  const out: Problem[] = [];
  checkStruct(DATA_FIELDS[kind], data, 'data', out);
  return out;
}

/** Field-level rules (validator `length(min = 1)`, `range(min = …)`), then struct-level rules, as messages. */
export function ruleMessages(kind: Kind, data: Rec): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  fieldRules(DATA_FIELDS[kind], data, 'data', out);
  if (out.length > 0) return out; // struct-level rules run only when no field rule failed (§6)
  const s = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  const actionData = (a: unknown): Rec | undefined => (isRecord(a) && isRecord(a.data) ? a.data : undefined);
  switch (kind) {
    case 'promise.register_callback':
      if (s(data.awaited) === s(data.awaiter)) out.push({ path: 'data.awaiter', message: 'Awaited and awaiter must be different promises' });
      break;
    case 'task.create': {
      const tags = actionData(data.action)?.tags;
      if (!isRecord(tags) || typeof tags['resonate:target'] !== 'string') {
        out.push({ path: 'data.action.data.tags', message: 'Action must have a resonate:target tag' });
      }
      break;
    }
    case 'task.fulfill':
      if (s(actionData(data.action)?.id) !== s(data.id)) out.push({ path: 'data.action.data.id', message: 'Action ID must match the task ID' });
      break;
    case 'task.suspend': {
      const actions = Array.isArray(data.actions) ? data.actions : [];
      if (actions.length === 0) out.push({ path: 'data.actions', message: 'Actions array cannot be empty' });
      if (actions.some((a) => s(actionData(a)?.awaiter) !== s(data.id))) {
        out.push({ path: 'data.actions', message: 'All action awaiter IDs must match the task ID' });
      }
      if (actions.some((a) => s(actionData(a)?.awaited) === s(data.id))) {
        out.push({ path: 'data.actions', message: 'Action awaited promise must not equal the task ID' });
      }
      break;
    }
    default:
      break;
  }
  return out;
}

function fieldRules(fields: Fields, v: Rec, path: string, out: Array<{ path: string; message: string }>): void {
  for (const [k, f] of Object.entries(fields)) {
    const x = v[k];
    const p = `${path}.${k}`;
    if (f.t === 'string' && typeof x === 'string') {
      if (f.min1 && x.length === 0) out.push({ path: p, message: f.min1 });
      if (f.noNul && x.includes('\0')) out.push({ path: p, message: f.noNul });
    }
    if (f.t === 'i64' && f.min && typeof x === 'number' && x < f.min.value) out.push({ path: p, message: f.min.message });
    if (f.t === 'struct' && isRecord(x)) fieldRules(f.fields, x, p, out);
    if (f.t === 'seq' && Array.isArray(x) && f.items.t === 'struct') {
      const items = f.items;
      x.forEach((item, i) => {
        if (isRecord(item)) fieldRules(items.fields, item, `${p}[${i}]`, out);
      });
    }
  }
}

/** A `resonate:target` or listener address the Rust server accepts (checked by syntax only, §4). */
export function isValidAddress(address: string): boolean {
  return (
    /^https?:\/\/[^\s/]+/.test(address) ||
    /^poll:\/\/(uni|any)@[^\s/@]+(\/[^\s/]+)?$/.test(address) ||
    /^gcps:\/\/[^\s/]+\/[^\s/]+$/.test(address) ||
    /^bash:\S+/.test(address)
  );
}

/** Checks after validation (server-protocol.md §5.2): addresses, the search limit, the fence action's kind. */
export function semanticMessages(kind: Kind, data: Rec): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  const target = (tags: unknown, path: string): void => {
    if (isRecord(tags) && typeof tags['resonate:target'] === 'string' && !isValidAddress(tags['resonate:target'])) {
      out.push({ path: `${path}["resonate:target"]`, message: 'Invalid resonate:target address' });
    }
  };
  switch (kind) {
    case 'promise.create':
      target(data.tags, 'data.tags');
      break;
    case 'task.create':
      if (isRecord(data.action) && isRecord(data.action.data)) target(data.action.data.tags, 'data.action.data.tags');
      break;
    case 'promise.register_listener':
      if (typeof data.address === 'string' && !isValidAddress(data.address)) out.push({ path: 'data.address', message: 'Invalid listener address' });
      break;
    case 'promise.search':
    case 'task.search':
    case 'schedule.search':
      if (typeof data.limit === 'number' && data.limit > 1000) out.push({ path: 'data.limit', message: "Invalid 'limit' — must be between 1 and 1000" });
      break;
    default:
      break;
  }
  return out;
}

/** task.fence: the action's kind, then its data read as promise.create or promise.settle data (§5.2). */
export function fenceActionProblems(data: Rec): { kind: string | null; problems: Problem[]; rules: Array<{ path: string; message: string }> } {
  const a = isRecord(data.action) ? data.action : undefined;
  const kind = typeof a?.kind === 'string' ? a.kind : null;
  if (!a || (kind !== 'promise.create' && kind !== 'promise.settle')) return { kind, problems: [], rules: [] };
  const inner = a.data;
  if (!isRecord(inner)) {
    return {
      kind,
      problems: [{ path: 'data.action.data', serde: `invalid type: ${unexpected(inner)}, expected struct ${kind === 'promise.create' ? 'PromiseCreateData' : 'PromiseSettleData'}`, text: 'data.action.data must be an object' }],
      rules: [],
    };
  }
  const problems: Problem[] = [];
  checkStruct(DATA_FIELDS[kind], inner, 'data.action.data', problems);
  const rules = problems.length === 0 ? ruleMessages(kind, inner).map((r) => ({ ...r, path: r.path.replace(/^data/, 'data.action.data') })) : [];
  if (problems.length === 0 && rules.length === 0 && kind === 'promise.create') {
    rules.push(...semanticMessages(kind, inner).map((r) => ({ ...r, path: r.path.replace(/^data/, 'data.action.data') })));
  }
  return { kind, problems, rules };
}
