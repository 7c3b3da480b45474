import { normalizeKind } from '../decode/envelope';
import type { Finding } from '../decode/finding';
import { PROTOCOL_VERSION, isKind, isRecord, type Kind, type ReplayRequest } from './request-schema';

/** Clock and id source, injectable for tests. */
export type BuildOptions = {
  now?: () => number;
  newCorrId?: () => string;
};

/** What `buildReplay` made, and from what. */
export type BuiltRequest = {
  request: ReplayRequest;
  /** `pasted`: the request pasted beside the response; `built`: made from the finding's kind and ids. */
  origin: 'pasted' | 'built';
  /** What differs from the pasted request, or what the user should fill in, in sentences. */
  notes: string[];
};

type FindingLike = Pick<Finding, 'kind' | 'ids' | 'request'> & Partial<Pick<Finding, 'response' | 'rawKind'>>;

/** The pid and lease the built task requests use. */
export const INSPECTOR_PID = 'resonate-inspector';
const DEFAULT_TTL = 60_000;
const HOUR = 3_600_000;
/** A target the Rust server accepts (poll address of the default group). */
const DEFAULT_TARGET = 'poll://any@default';

/** A fresh corrId: crypto.randomUUID when the platform has it, otherwise a time-and-random id. */
export function newCorrId(): string {
  // randomUUID exists only in secure contexts (https, localhost): a page served over plain http from another host has none.
  const c: Partial<Pick<Crypto, 'randomUUID'>> | undefined = typeof crypto === 'object' ? crypto : undefined;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  return `inspector-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The request to replay for a finding: the pasted request when the finding has one (with a fresh corrId, version
 * "2026-04-01", the docs' kind spelling corrected and any head.auth removed: the token from the settings goes
 * there), otherwise one built from the kind and the ids in the finding. Null when the kind is not known.
 */
export function buildReplay(finding: FindingLike, options: BuildOptions = {}): BuiltRequest | null {
  const now = options.now ?? Date.now;
  const corrId = (options.newCorrId ?? newCorrId)();
  const pasted = fromPasted(finding.request, corrId);
  if (pasted) return pasted;
  const kind = finding.kind ? normalizeKind(finding.kind) : null;
  if (!kind || !isKind(kind)) return null;
  const { data, notes } = dataFor(kind, finding, now(), corrId);
  return { request: { kind, head: { corrId, version: PROTOCOL_VERSION }, data }, origin: 'built', notes };
}

/** `buildReplay(finding)?.request ?? null`. */
export function buildRequest(finding: FindingLike, options: BuildOptions = {}): ReplayRequest | null {
  return buildReplay(finding, options)?.request ?? null;
}

/**
 * The matching get for the promise, task or schedule the finding names ("Check current state"), with a fresh
 * corrId. The finding's own noun goes first (a task finding checks the task), then promise, task, schedule.
 */
export function stateCheckRequest(finding: Pick<Finding, 'kind' | 'ids'>, options: BuildOptions = {}): ReplayRequest | null {
  const noun = finding.kind?.split('.')[0];
  const order: Array<'promise' | 'task' | 'schedule'> = ['promise', 'task', 'schedule'];
  if (noun === 'task' || noun === 'schedule') order.unshift(noun);
  for (const n of order) {
    const id = finding.ids[n];
    if (typeof id === 'string' && id !== '') {
      return { kind: `${n}.get`, head: { corrId: (options.newCorrId ?? newCorrId)(), version: PROTOCOL_VERSION }, data: { id } };
    }
  }
  return null;
}

function fromPasted(request: unknown, corrId: string): BuiltRequest | null {
  if (!isRecord(request) || typeof request.kind !== 'string') return null;
  const notes: string[] = [];
  const kind = normalizeKind(request.kind);
  if (kind !== request.kind) notes.push(`kind "${request.kind}" corrected to "${kind}" (the docs' spelling is not a server kind).`);
  if (!isKind(kind)) return null;
  const head = isRecord(request.head) ? { ...request.head } : {};
  if (typeof head.corrId === 'string' && head.corrId !== '') notes.push(`A fresh corrId replaces the pasted one (${head.corrId}).`);
  if (head.version !== PROTOCOL_VERSION) {
    notes.push(
      typeof head.version === 'string'
        ? `head.version "${head.version}" replaced by "${PROTOCOL_VERSION}", the only version the server supports.`
        : `head.version set to "${PROTOCOL_VERSION}".`,
    );
  }
  if ('auth' in head) {
    delete head.auth;
    notes.push('The pasted head.auth token was removed: the token from the settings (if any) is sent instead.');
  }
  const data = isRecord(request.data) ? structuredCloneJson(request.data) : {};
  if (!isRecord(request.data)) notes.push('The pasted data was not an object; it was replaced by {}.');
  return { request: { kind, head: { ...head, corrId, version: PROTOCOL_VERSION }, data }, origin: 'pasted', notes };
}

/** A deep copy of JSON data (so editing the replay never edits the finding). */
function structuredCloneJson(v: Record<string, unknown>): Record<string, unknown> {
  const copy: unknown = JSON.parse(JSON.stringify(v));
  return isRecord(copy) ? copy : {};
}

/** The version of a task the finding's response shows, if any. */
function taskVersion(finding: FindingLike): number | undefined {
  const r = finding.response;
  if (isRecord(r) && isRecord(r.data) && isRecord(r.data.task) && typeof r.data.task.version === 'number') return r.data.task.version;
  return undefined;
}

function dataFor(kind: Kind, finding: FindingLike, now: number, corrId: string): { data: Record<string, unknown>; notes: string[] } {
  const notes: string[] = [];
  const need = (what: string, v: string | undefined): string => {
    if (v) return v;
    notes.push(`Fill in ${what}: the finding does not name it.`);
    return '';
  };
  const promise = finding.ids.promise;
  const task = finding.ids.task;
  const schedule = finding.ids.schedule;
  const head = { corrId, version: PROTOCOL_VERSION };
  const version = (): number => {
    const v = taskVersion(finding);
    if (v !== undefined) return v;
    notes.push('Set data.version to the task version you hold (task.get shows it); 0 is a placeholder.');
    return 0;
  };
  switch (kind) {
    case 'promise.get':
      return { data: { id: need('the promise id', promise) }, notes };
    case 'promise.create':
      notes.push('timeoutAt is one hour from now; param and tags are empty. Edit them to match the original create.');
      return { data: { id: need('the promise id', promise), timeoutAt: now + HOUR, param: {}, tags: {} }, notes };
    case 'promise.settle':
      notes.push('Settles as resolved with an empty value; change state/value as needed.');
      return { data: { id: need('the promise id', promise), state: 'resolved', value: {} }, notes };
    case 'promise.register_callback':
      return { data: { awaited: need('the awaited promise id', promise), awaiter: need('the awaiter (task) id', task) }, notes };
    case 'promise.register_listener':
      return { data: { awaited: need('the awaited promise id', promise), address: DEFAULT_TARGET }, notes };
    case 'promise.search':
      return { data: { limit: 10 }, notes };
    case 'task.get':
      return { data: { id: need('the task id', task) }, notes };
    case 'task.create': {
      const id = need('the promise id', promise ?? task);
      notes.push(`The promise gets resonate:target ${DEFAULT_TARGET}, a one-hour timeout and a ${DEFAULT_TTL / 1000} s lease for pid ${INSPECTOR_PID}.`);
      return {
        data: {
          pid: INSPECTOR_PID,
          ttl: DEFAULT_TTL,
          action: { kind: 'promise.create', head, data: { id, timeoutAt: now + HOUR, param: {}, tags: { 'resonate:target': DEFAULT_TARGET } } },
        },
        notes,
      };
    }
    case 'task.acquire':
      return { data: { id: need('the task id', task), version: version(), pid: INSPECTOR_PID, ttl: DEFAULT_TTL }, notes };
    case 'task.release':
      return { data: { id: need('the task id', task), version: version() }, notes };
    case 'task.fulfill': {
      const id = need('the task id', task);
      return { data: { id, version: version(), action: { kind: 'promise.settle', head, data: { id, state: 'resolved', value: {} } } }, notes };
    }
    case 'task.suspend': {
      const id = need('the task id', task);
      notes.push('Fill in data.actions[0].data.awaited: the promise the task waits for.');
      return {
        data: { id, version: version(), actions: [{ kind: 'promise.register_callback', head, data: { awaited: '', awaiter: id } }] },
        notes,
      };
    }
    case 'task.fence':
      return {
        data: {
          id: need('the task id', task),
          version: version(),
          action: { kind: 'promise.settle', head, data: { id: need('the fenced promise id', promise), state: 'resolved', value: {} } },
        },
        notes,
      };
    case 'task.heartbeat':
      return { data: { pid: INSPECTOR_PID, tasks: [{ id: need('the task id', task), version: version() }] }, notes };
    case 'task.halt':
    case 'task.continue':
      return { data: { id: need('the task id', task) }, notes };
    case 'task.search':
      return { data: { limit: 10 }, notes };
    case 'schedule.get':
    case 'schedule.delete':
      return { data: { id: need('the schedule id', schedule) }, notes };
    case 'schedule.create':
      notes.push('cron, promiseId and promiseTimeout are examples: edit them to match the original schedule.');
      return {
        data: {
          id: need('the schedule id', schedule),
          cron: '*/5 * * * *',
          promiseId: '{{.id}}.{{.timestamp}}',
          promiseTimeout: HOUR,
          promiseParam: {},
          promiseTags: { 'resonate:target': DEFAULT_TARGET },
        },
        notes,
      };
    case 'schedule.search':
      return { data: { limit: 10 }, notes };
    case 'debug.tick':
      return { data: { time: now }, notes };
    case 'debug.start':
    case 'debug.stop':
    case 'debug.reset':
    case 'debug.snap':
      return { data: {}, notes };
  }
}
