import { isKind, isRecord, type Kind, type ReplayRequest } from './request-schema';

/**
 * What sending a kind again does (server-protocol.md §4, §10; anchors.md §3.3):
 * - read: changes nothing, always safe to repeat;
 * - idempotent: a repeat returns 200 with the current state;
 * - not-idempotent: a repeat after a success (or after a lost response) fails with 409/404 although the
 *   first call did its work, or does harm.
 */
export type KindClass = 'read' | 'idempotent' | 'not-idempotent';

export type KindInfo = {
  kind: Kind;
  access: 'read' | 'write';
  class: KindClass;
  /** Needs a server started with --debug (otherwise 403 Debug operations are disabled). */
  needsDebug: boolean;
  /** For writes: what a repeat of this request can do. The page must say it before a not-idempotent write goes. */
  repeat: string | null;
};

/** The kinds whose repeat is not harmless (issue 4; server-protocol.md §10). */
export const NOT_IDEMPOTENT_KINDS = ['task.acquire', 'task.release', 'task.fulfill', 'task.suspend', 'task.continue', 'schedule.delete'] as const;

const READS = ['promise.get', 'promise.search', 'task.get', 'task.search', 'schedule.get', 'schedule.search', 'debug.snap'] as const satisfies readonly Kind[];
type ReadKind = (typeof READS)[number];
const isRead = (k: Kind): k is ReadKind => (READS as readonly Kind[]).includes(k);

const REPEAT: Record<Exclude<Kind, ReadKind>, string> = {
  'promise.create':
    'Idempotent by id: if the promise already exists, a repeat returns 200 with the existing promise, and the param, tags and timeoutAt you send are ignored. Compare the returned promise with what you sent.',
  'promise.settle':
    'Idempotent: if the promise is already settled (or timed out), a repeat returns 200 with its current state and the requested state and value are ignored. Compare the returned state with the one you asked for.',
  'promise.register_callback': 'Idempotent: registering the same callback again changes nothing.',
  'promise.register_listener': 'Idempotent: registering the same listener again changes nothing.',
  'task.create':
    'While the task is held (acquired, suspended or halted), a repeat gets 409 Already exists — even when the holder is your own earlier attempt whose response was lost. A pending task is acquired (its version goes up).',
  'task.acquire':
    'Not idempotent: a repeat gets 409 Task is not pending, because the first acquire succeeded (perhaps for you) and raised the version. Each success takes the lease and adds 1 to the task version. Check with task.get first.',
  'task.release':
    'Not idempotent: a repeat gets 409 (the task is no longer acquired at that version), and every success sends the execute message again, so a worker may run the function again.',
  'task.fulfill':
    'Not idempotent: a repeat gets 409 Task version mismatch or invalid state although the work is done and the promise settled. Check with promise.get instead of sending it again.',
  'task.suspend':
    'Not idempotent after a 200: a repeat gets 409 because the task is no longer acquired (after a 300 the repeat gets 300 again). Check with task.get first.',
  'task.fence': 'Idempotent while the lease is held at this version (the fenced create/settle is idempotent); once the lease is lost it gets 409 Version mismatch.',
  'task.heartbeat': 'Idempotent, and always 200: tasks that do not match are skipped silently, so a 200 does not prove that the lease is still held.',
  'task.halt': 'Idempotent: halting a halted task returns 200; a fulfilled task gets 409 Task is fulfilled.',
  'task.continue':
    'Not idempotent: a repeat gets 409 Task is not halted, and every success sends the execute message again, so a worker may run the function again.',
  'schedule.create': 'Idempotent by id: an existing schedule is returned unchanged, even when the cron or template you send differ.',
  'schedule.delete':
    'Not idempotent: a repeat gets 404 Schedule not found although the first delete worked — and if someone re-created a schedule with this id in between, a repeat deletes their schedule.',
  'debug.start': 'Needs debug mode. Harmless to repeat.',
  'debug.stop': 'Needs debug mode. Harmless to repeat.',
  'debug.reset': 'Needs debug mode. Wipes ALL data on the server; every repeat wipes it again.',
  'debug.tick': 'Needs debug mode. Processes timeouts up to the given time; a repeat with the same time finds nothing more to do.',
};

/** Read or write, idempotent or not, and what a repeat can do. Null for a kind that is not an operation. */
export function classifyKind(kind: string): KindInfo | null {
  if (!isKind(kind)) return null;
  const needsDebug = kind.startsWith('debug.');
  if (isRead(kind)) return { kind, access: 'read', class: 'read', needsDebug, repeat: null };
  const notIdempotent = (NOT_IDEMPOTENT_KINDS as readonly string[]).includes(kind) || kind === 'debug.reset';
  const repeat = REPEAT[kind];
  return { kind, access: 'write', class: notIdempotent ? 'not-idempotent' : 'idempotent', needsDebug, repeat };
}

/** Epoch ms as an ISO time with a relative hint: "2026-05-01T10:00:00.000Z (in 1 h)". */
export function describeTime(ms: number, now: number = Date.now()): string {
  const d = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(d.getTime())) return String(ms);
  const delta = ms - now;
  const abs = Math.abs(delta);
  const span =
    abs < 1000 ? 'now' : abs < 60_000 ? `${Math.round(abs / 1000)} s` : abs < 3_600_000 ? `${Math.round(abs / 60_000)} min` : abs < 172_800_000 ? `${Math.round(abs / 3_600_000)} h` : `${Math.round(abs / 86_400_000)} days`;
  return `${d.toISOString()} (${span === 'now' ? 'now' : delta > 0 ? `in ${span}` : `${span} ago`})`;
}

const q = (v: unknown): string => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : '(missing)');
const ms = (v: unknown): string => (typeof v === 'number' ? `${v >= 1000 && v % 1000 === 0 ? `${v / 1000} s` : `${v} ms`}` : '(missing)');

/**
 * What a request will change, in one sentence ("creates promise order-42 with timeout … (in 1 h)", "settles
 * promise order-42 as resolved", "deletes schedule nightly"). Reads say that they change nothing.
 */
export function describeChange(request: Pick<ReplayRequest, 'kind' | 'data'>, now: number = Date.now()): string {
  const d = isRecord(request.data) ? request.data : {};
  const a = isRecord(d.action) ? d.action : {};
  const ad = isRecord(a.data) ? a.data : {};
  const tags = (t: unknown): string => {
    if (!isRecord(t) || Object.keys(t).length === 0) return '';
    return ` and tags ${Object.entries(t)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ')}`;
  };
  const createPromise = (x: Record<string, unknown>): string =>
    `creates promise ${q(x.id)} with timeout ${typeof x.timeoutAt === 'number' ? describeTime(x.timeoutAt, now) : '(missing)'}${tags(x.tags)}, unless it exists already (then the existing promise is returned unchanged)`;
  const settle = (x: Record<string, unknown>): string => `settles promise ${q(x.id)} as ${q(x.state)}, unless it is already settled`;
  switch (request.kind) {
    case 'promise.get':
      return `Changes nothing: reads promise ${q(d.id)} (a promise past its timeout is settled as timed out when read).`;
    case 'task.get':
      return `Changes nothing: reads task ${q(d.id)}.`;
    case 'schedule.get':
      return `Changes nothing: reads schedule ${q(d.id)}.`;
    case 'promise.search':
    case 'task.search':
    case 'schedule.search':
      return `Changes nothing: lists ${request.kind.split('.')[0]}s${typeof d.state === 'string' ? ` in state ${d.state}` : ''}${tags(d.tags).replace(' and tags', ' with tags')}.`;
    case 'debug.snap':
      return 'Changes nothing: returns a snapshot of the whole server state.';
    case 'promise.create':
      return `${cap(createPromise(d))}.`;
    case 'promise.settle':
      return `${cap(settle(d))}.`;
    case 'promise.register_callback':
      return `Registers a callback: task ${q(d.awaiter)} is resumed when promise ${q(d.awaited)} settles.`;
    case 'promise.register_listener':
      return `Registers listener ${q(d.address)}: it gets an unblock message when promise ${q(d.awaited)} settles.`;
    case 'task.create':
      return `${cap(createPromise(ad))}, with a task acquired by process ${q(d.pid)} for a ${ms(d.ttl)} lease.`;
    case 'task.acquire':
      return `Acquires task ${q(d.id)} at version ${q(d.version)} for process ${q(d.pid)} with a ${ms(d.ttl)} lease; the task's version goes up by 1.`;
    case 'task.release':
      return `Releases task ${q(d.id)} (version ${q(d.version)}) back to pending; the execute message is sent again.`;
    case 'task.fulfill':
      return `Fulfills task ${q(d.id)} (version ${q(d.version)}): ${settle(ad)}.`;
    case 'task.suspend': {
      const awaited = (Array.isArray(d.actions) ? d.actions : []).map((x) => (isRecord(x) && isRecord(x.data) ? q(x.data.awaited) : '(missing)'));
      return `Suspends task ${q(d.id)} (version ${q(d.version)}) until ${awaited.length > 0 ? awaited.join(', ') : '(nothing)'} settle${awaited.length === 1 ? 's' : ''}; if one is already settled the answer is 300 and the task stays acquired.`;
    }
    case 'task.fence':
      return `If task ${q(d.id)} is still held at version ${q(d.version)}: ${a.kind === 'promise.create' ? createPromise(ad) : a.kind === 'promise.settle' ? settle(ad) : `runs ${q(a.kind)}`}.`;
    case 'task.heartbeat': {
      const n = Array.isArray(d.tasks) ? d.tasks.length : 0;
      return `Extends the lease of ${n} task${n === 1 ? '' : 's'} held by process ${q(d.pid)}.`;
    }
    case 'task.halt':
      return `Halts task ${q(d.id)}: it is not run again until task.continue.`;
    case 'task.continue':
      return `Continues halted task ${q(d.id)}: back to pending, and the execute message is sent again.`;
    case 'schedule.create':
      return `Creates schedule ${q(d.id)} (cron ${q(d.cron)}) that creates promise ${q(d.promiseId)} with a ${ms(d.promiseTimeout)} timeout on each run, unless the schedule exists already.`;
    case 'schedule.delete':
      return `Deletes schedule ${q(d.id)}.`;
    case 'debug.start':
      return 'Starts debug mode on the server.';
    case 'debug.stop':
      return 'Stops debug mode on the server.';
    case 'debug.reset':
      return 'Wipes ALL data on the server: every promise, task and schedule.';
    case 'debug.tick':
      return `Processes every timeout up to ${typeof d.time === 'number' ? describeTime(d.time, now) : '(missing)'}.`;
  }
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
