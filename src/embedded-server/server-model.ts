import { PROTOCOL_VERSION, isRecord, type ReplayRequest } from '../core/replay/request-schema.js';
import { computeNextCron, isValidCron } from './server-cron.js';

/**
 * An in-memory model of the Rust Resonate server's state machine (v0.9.5), written from its source:
 * server.rs (every operation, its checks and its error texts) and persistence_sqlite.rs (what each operation
 * does to the tables: promises, promise_timeouts, callbacks, listeners, tasks, task_timeouts, outgoing messages,
 * schedules, schedule_timeouts). Requests reach it after the envelope checks (envelope-checks.ts) have read and
 * validated their data, so it starts where server.rs calls `try_timeout` and storage.
 *
 * Time-outs are lazy, as the server's: an operation first times out the promises it touches (`try_timeout`), and
 * the background loop (promise time-outs, task retries and leases, schedules) runs at most once a poll interval
 * (1 s), before the request that finds it due — never while debug mode is started (`debug.start`), when only
 * `debug.tick` moves it. Messages (execute, unblock) are recorded, not sent: `debug.snap` shows them.
 */

export type PromiseState = 'pending' | 'resolved' | 'rejected' | 'rejected_canceled' | 'rejected_timedout';
export type TaskState = 'pending' | 'acquired' | 'suspended' | 'halted' | 'fulfilled';
type Value = { headers?: Record<string, string>; data?: string };

type PromiseRow = { id: string; state: PromiseState; param: Value; value: Value; tags: Record<string, string>; timeoutAt: number; createdAt: number; settledAt?: number };
type TaskRow = { id: string; state: TaskState; version: number };
/** timeout_type 0: retry (pending task), 1: lease (acquired task). */
type TaskTimeout = { timeoutAt: number; type: 0 | 1; pid: string | null; ttl: number };
type ScheduleRow = {
  id: string;
  cron: string;
  promiseId: string;
  promiseTimeout: number;
  promiseParam: Value;
  promiseTags: Record<string, string>;
  createdAt: number;
  nextRunAt: number;
  lastRunAt?: number;
};

export type ModelAnswer = { status: number; data: unknown };

export type ServerModelOptions = {
  /** tasks.retry_timeout (ms), default 30000. */
  taskRetryTimeout?: number;
  /** timeouts.poll_interval (ms), default 1000. */
  pollInterval?: number;
};

const TARGET = 'resonate:target';
const TIMER = 'resonate:timer';
const BRANCH = 'resonate:branch';

/** SQLite orders TEXT by its UTF-8 bytes. */
const byId = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

const str = (d: Record<string, unknown>, k: string): string => {
  const v = d[k];
  return typeof v === 'string' ? v : '';
};
const int = (d: Record<string, unknown>, k: string): number => {
  const v = d[k];
  return typeof v === 'number' ? v : 0;
};
const optStr = (d: Record<string, unknown>, k: string): string | undefined => {
  const v = d[k];
  return typeof v === 'string' ? v : undefined;
};
const optInt = (d: Record<string, unknown>, k: string): number | undefined => {
  const v = d[k];
  return typeof v === 'number' ? v : undefined;
};
const rec = (d: Record<string, unknown>, k: string): Record<string, unknown> => {
  const v = d[k];
  return isRecord(v) ? v : {};
};
const strMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
};
const valueOf = (v: unknown): Value => {
  const out: Value = {};
  if (!isRecord(v)) return out;
  if (isRecord(v.headers)) out.headers = strMap(v.headers);
  if (typeof v.data === 'string') out.data = v.data;
  return out;
};

/** A JSON object with its keys in order, as serde_json's Value (a BTreeMap) writes them. */
function sortedKeys(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort(byId)) out[k] = o[k];
  return out;
}
function deepSorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deepSorted);
  if (!isRecord(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort(byId)) out[k] = deepSorted(v[k]);
  return out;
}
const valueJson = (v: Value): Record<string, unknown> => sortedKeys({ ...(v.data !== undefined ? { data: v.data } : {}), ...(v.headers ? { headers: sortedKeys(v.headers) } : {}) });

const ok = (data: unknown, status = 200): ModelAnswer => ({ status, data });
const err = (status: number, message: string): ModelAnswer => ({ status, data: message });

export class ServerModel {
  private promises = new Map<string, PromiseRow>();
  /** promise_timeouts: pending promises waiting for their timeoutAt. */
  private promiseTimeouts = new Map<string, number>();
  /** callbacks: `${awaited}\u0000${awaiter}` → ready. */
  private callbacks = new Map<string, { awaited: string; awaiter: string; ready: boolean }>();
  private listeners = new Map<string, { promiseId: string; address: string }>();
  private tasks = new Map<string, TaskRow>();
  private taskTimeouts = new Map<string, TaskTimeout>();
  private outgoingExecute = new Map<string, { version: number; address: string }>();
  private outgoingUnblock = new Map<string, { promiseId: string; address: string }>();
  private schedules = new Map<string, ScheduleRow>();
  private scheduleTimeouts = new Map<string, number>();

  private readonly taskRetryTimeout: number;
  private readonly pollInterval: number;
  private lastBackground = Number.NEGATIVE_INFINITY;
  /** debug.start pauses the background loop; debug.stop resumes it. */
  private debugMode = false;

  constructor(options: ServerModelOptions = {}) {
    this.taskRetryTimeout = options.taskRetryTimeout ?? 30_000;
    this.pollInterval = options.pollInterval ?? 1000;
  }

  /** One checked request at `now` (ms) → status and data, its objects' keys in order as serde_json writes them. */
  apply(request: ReplayRequest, now: number): ModelAnswer {
    const answer = this.dispatch(request, now);
    return { status: answer.status, data: deepSorted(answer.data) };
  }

  private dispatch(request: ReplayRequest, now: number): ModelAnswer {
    const d: Record<string, unknown> = isRecord(request.data) ? request.data : {};
    if (!this.debugMode && now - this.lastBackground >= this.pollInterval) {
      this.lastBackground = now;
      this.processAllTimeouts(now);
    }
    switch (request.kind) {
      case 'promise.get':
        return this.promiseGet(d, now);
      case 'promise.create':
        return this.promiseCreate(d, now);
      case 'promise.settle':
        return this.promiseSettle(d, now);
      case 'promise.register_callback':
        return this.registerCallback(d, now);
      case 'promise.register_listener':
        return this.registerListener(d, now);
      case 'promise.search':
        return this.promiseSearch(d);
      case 'task.get':
        return this.taskGet(d, now);
      case 'task.create':
        return this.taskCreate(d, now);
      case 'task.acquire':
        return this.taskAcquireOp(d, now);
      case 'task.release':
        return this.taskRelease(d, now);
      case 'task.fulfill':
        return this.taskFulfill(d, now);
      case 'task.suspend':
        return this.taskSuspend(d, now);
      case 'task.fence':
        return this.taskFence(d, request.head.corrId, now);
      case 'task.heartbeat':
        return this.taskHeartbeat(d, now);
      case 'task.halt':
        return this.taskHalt(d, now);
      case 'task.continue':
        return this.taskContinue(d, now);
      case 'task.search':
        return this.taskSearch(d);
      case 'schedule.get':
        return this.scheduleGet(d);
      case 'schedule.create':
        return this.scheduleCreate(d, now);
      case 'schedule.delete':
        return this.scheduleDelete(d);
      case 'schedule.search':
        return this.scheduleSearch(d);
      case 'debug.start':
        this.debugMode = true;
        return ok({});
      case 'debug.stop':
        this.debugMode = false;
        return ok({});
      case 'debug.reset':
        this.reset();
        return ok({});
      case 'debug.snap':
        return ok(this.snap());
      case 'debug.tick':
        this.processAllTimeouts(int(d, 'time'));
        return ok([]);
      default:
        return err(400, `Unknown operation: ${String(request.kind)}`);
    }
  }

  // === records ===

  private promiseJson(p: PromiseRow): Record<string, unknown> {
    return sortedKeys({
      createdAt: p.createdAt,
      id: p.id,
      param: valueJson(p.param),
      ...(p.settledAt !== undefined ? { settledAt: p.settledAt } : {}),
      state: p.state,
      tags: sortedKeys(p.tags),
      timeoutAt: p.timeoutAt,
      value: valueJson(p.value),
    });
  }

  private resumes(taskId: string): number {
    let n = 0;
    for (const c of this.callbacks.values()) if (c.awaiter === taskId && c.ready) n++;
    return n;
  }

  private taskJson(t: TaskRow): Record<string, unknown> {
    const tt = this.taskTimeouts.get(t.id);
    const lease = tt?.type === 1 ? tt : undefined;
    return sortedKeys({
      id: t.id,
      ...(lease && lease.pid !== null ? { pid: lease.pid } : {}),
      resumes: this.resumes(t.id),
      state: t.state,
      ...(lease ? { ttl: lease.ttl } : {}),
      version: t.version,
    });
  }

  private scheduleJson(s: ScheduleRow): Record<string, unknown> {
    return sortedKeys({
      createdAt: s.createdAt,
      cron: s.cron,
      id: s.id,
      ...(s.lastRunAt !== undefined ? { lastRunAt: s.lastRunAt } : {}),
      nextRunAt: s.nextRunAt,
      promiseId: s.promiseId,
      promiseParam: valueJson(s.promiseParam),
      promiseTags: sortedKeys(s.promiseTags),
      promiseTimeout: s.promiseTimeout,
    });
  }

  /** compute_preload: the other promises on the same `resonate:branch`, by id. */
  private preload(promiseId: string): Array<Record<string, unknown>> {
    const branch = this.promises.get(promiseId)?.tags[BRANCH];
    if (branch === undefined) return [];
    return [...this.promises.values()]
      .filter((p) => p.tags[BRANCH] === branch && p.id !== promiseId)
      .sort((a, b) => byId(a.id, b.id))
      .map((p) => this.promiseJson(p));
  }

  // === settlement chain (persistence_sqlite.rs) ===

  /** SettlementEnqueued: the promise's own task is fulfilled. */
  private settlementEnqueued(promiseId: string): boolean {
    const t = this.tasks.get(promiseId);
    if (!t || t.state === 'fulfilled') return false;
    t.state = 'fulfilled';
    this.taskTimeouts.delete(promiseId);
    for (const [k, c] of this.callbacks) if (c.awaiter === promiseId) this.callbacks.delete(k);
    return true;
  }

  private sendExecute(taskId: string): void {
    const t = this.tasks.get(taskId);
    const target = this.promises.get(taskId)?.tags[TARGET];
    if (t && target !== undefined) this.outgoingExecute.set(taskId, { version: t.version, address: target });
  }

  /** Resume a suspended task: pending at the same version, a retry time-out, an execute message. */
  private resume(taskId: string, time: number): void {
    const t = this.tasks.get(taskId);
    if (!t || t.state !== 'suspended') return;
    t.state = 'pending';
    this.taskTimeouts.set(taskId, { timeoutAt: time + this.taskRetryTimeout, type: 0, pid: null, ttl: this.taskRetryTimeout });
    this.sendExecute(taskId);
  }

  /** ResumptionEnqueued: callbacks on the awaited promise become ready; suspended awaiters resume. */
  private resumptionEnqueued(awaitedId: string, time: number, exclude: string[] = []): void {
    const awaiters: string[] = [];
    for (const c of this.callbacks.values()) {
      if (c.awaited !== awaitedId) continue;
      c.ready = true;
      if (this.tasks.get(c.awaiter)?.state === 'suspended' && !exclude.includes(c.awaiter) && !awaiters.includes(c.awaiter)) awaiters.push(c.awaiter);
    }
    for (const id of awaiters) this.resume(id, time);
  }

  /** ListenerUnblocked: an unblock message per listener; the listeners go. */
  private listenerUnblocked(promiseId: string): void {
    for (const [k, l] of this.listeners) {
      if (l.promiseId !== promiseId) continue;
      this.outgoingUnblock.set(k, l);
      this.listeners.delete(k);
    }
  }

  private settlePromise(id: string, state: PromiseState, value: Value, settledAt: number, time: number): boolean {
    const p = this.promises.get(id);
    if (!p || p.state !== 'pending') return false;
    p.state = state;
    p.value = value;
    p.settledAt = settledAt;
    this.promiseTimeouts.delete(id);
    this.settlementEnqueued(id);
    this.resumptionEnqueued(id, time);
    this.listenerUnblocked(id);
    return true;
  }

  private expire(ids: string[], time: number): void {
    const expired = ids.filter((id, i) => ids.indexOf(id) === i).flatMap((id) => {
      const p = this.promises.get(id);
      return p && p.state === 'pending' && p.timeoutAt <= time ? [p] : [];
    });
    const fulfilled: string[] = [];
    for (const p of expired) {
      p.state = p.tags[TIMER] === 'true' ? 'resolved' : 'rejected_timedout';
      p.settledAt = p.timeoutAt;
      this.promiseTimeouts.delete(p.id);
      if (this.settlementEnqueued(p.id)) fulfilled.push(p.id);
    }
    for (const p of expired) this.resumptionEnqueued(p.id, time, fulfilled);
    for (const p of expired) this.listenerUnblocked(p.id);
  }

  /** try_timeout: the touched promises that are due are settled first. */
  private tryTimeout(ids: string[], time: number): void {
    this.expire(ids, time);
  }

  /** process_all_timeouts: promise time-outs, task retries, task leases, then schedules. */
  private processAllTimeouts(time: number): void {
    this.expire([...this.promises.values()].filter((p) => p.state === 'pending' && p.timeoutAt <= time).map((p) => p.id), time);
    for (const [id, tt] of this.taskTimeouts) {
      if (tt.type !== 0 || tt.timeoutAt > time || this.tasks.get(id)?.state !== 'pending') continue;
      tt.timeoutAt = time + this.taskRetryTimeout;
      tt.pid = null;
      this.sendExecute(id);
    }
    for (const [id, tt] of this.taskTimeouts) {
      const t = this.tasks.get(id);
      if (tt.type !== 1 || tt.timeoutAt > time || t?.state !== 'acquired') continue;
      t.state = 'pending';
      this.taskTimeouts.set(id, { timeoutAt: time + this.taskRetryTimeout, type: 0, pid: null, ttl: this.taskRetryTimeout });
      this.sendExecute(id);
    }
    for (const [id, firedAt] of [...this.scheduleTimeouts]) {
      if (firedAt > time) continue;
      const s = this.schedules.get(id);
      if (!s) continue;
      this.fireSchedule(s, firedAt, computeNextCron(s.cron, firedAt), time);
    }
  }

  private fireSchedule(s: ScheduleRow, firedAt: number, nextRunAt: number, time: number): void {
    const tags: Record<string, string> = { ...s.promiseTags, 'resonate:schedule': s.id };
    const address = s.promiseTags[TARGET];
    const promiseId = s.promiseId.replaceAll('{{.id}}', s.id).replaceAll('{{.timestamp}}', String(firedAt));
    const timeoutAt = firedAt + s.promiseTimeout;
    const timedOut = time >= timeoutAt;
    if (!this.promises.has(promiseId)) {
      const state: PromiseState = timedOut ? (tags[TIMER] === 'true' ? 'resolved' : 'rejected_timedout') : 'pending';
      const param: Value = { ...(s.promiseParam.headers ? { headers: s.promiseParam.headers } : {}), ...(s.promiseParam.data !== undefined ? { data: s.promiseParam.data } : {}) };
      this.promises.set(promiseId, { id: promiseId, state, param, value: {}, tags, timeoutAt, createdAt: firedAt, ...(timedOut ? { settledAt: timeoutAt } : {}) });
      if (timedOut) {
        if (address !== undefined && !this.tasks.has(promiseId)) this.tasks.set(promiseId, { id: promiseId, state: 'fulfilled', version: 0 });
      } else {
        this.promiseTimeouts.set(promiseId, timeoutAt);
        if (address !== undefined && !this.tasks.has(promiseId)) {
          this.tasks.set(promiseId, { id: promiseId, state: 'pending', version: 0 });
          this.taskTimeouts.set(promiseId, { timeoutAt: firedAt + this.taskRetryTimeout, type: 0, pid: null, ttl: this.taskRetryTimeout });
          this.outgoingExecute.set(promiseId, { version: 0, address });
        }
      }
    }
    s.lastRunAt = firedAt;
    s.nextRunAt = nextRunAt;
    this.scheduleTimeouts.set(s.id, nextRunAt);
  }

  // === promises ===

  private promiseGet(d: Record<string, unknown>, now: number): ModelAnswer {
    const id = str(d, 'id');
    this.tryTimeout([id], now);
    const p = this.promises.get(id);
    return p ? ok({ promise: this.promiseJson(p) }) : err(404, 'Promise not found');
  }

  /** The promise a create would insert, and whether it is already timed out (server.rs op_promise_create). */
  private newPromise(d: Record<string, unknown>, now: number): { row: PromiseRow; timedOut: boolean } {
    const tags = strMap(d.tags);
    const timeoutAt = int(d, 'timeoutAt');
    const timedOut = now >= timeoutAt;
    const state: PromiseState = timedOut ? (tags[TIMER] === 'true' ? 'resolved' : 'rejected_timedout') : 'pending';
    const row: PromiseRow = { id: str(d, 'id'), state, param: valueOf(d.param), value: {}, tags, timeoutAt, createdAt: timedOut ? timeoutAt : now };
    if (timedOut) row.settledAt = timeoutAt;
    return { row, timedOut };
  }

  /** persistence promise_create: insert or ignore; the task infrastructure when there is a target. */
  private insertPromise(row: PromiseRow, timedOut: boolean): PromiseRow {
    const existing = this.promises.get(row.id);
    if (existing) return existing;
    this.promises.set(row.id, row);
    const address = row.tags[TARGET];
    if (timedOut) {
      if (address !== undefined && !this.tasks.has(row.id)) this.tasks.set(row.id, { id: row.id, state: 'fulfilled', version: 0 });
    } else {
      this.promiseTimeouts.set(row.id, row.timeoutAt);
      if (address !== undefined && !this.tasks.has(row.id)) {
        this.tasks.set(row.id, { id: row.id, state: 'pending', version: 0 });
        if (!this.taskTimeouts.has(row.id)) this.taskTimeouts.set(row.id, { timeoutAt: row.createdAt + this.taskRetryTimeout, type: 0, pid: null, ttl: this.taskRetryTimeout });
        this.outgoingExecute.set(row.id, { version: 0, address });
      }
    }
    return row;
  }

  private promiseCreate(d: Record<string, unknown>, now: number): ModelAnswer {
    this.tryTimeout([str(d, 'id')], now);
    const { row, timedOut } = this.newPromise(d, now);
    return ok({ promise: this.promiseJson(this.insertPromise(row, timedOut)) });
  }

  private promiseSettle(d: Record<string, unknown>, now: number): ModelAnswer {
    const id = str(d, 'id');
    this.tryTimeout([id], now);
    this.settlePromise(id, str(d, 'state') as PromiseState, valueOf(d.value), now, now);
    const p = this.promises.get(id);
    return p ? ok({ promise: this.promiseJson(p) }) : err(404, 'Promise not found');
  }

  private registerCallback(d: Record<string, unknown>, now: number): ModelAnswer {
    const awaitedId = str(d, 'awaited');
    const awaiterId = str(d, 'awaiter');
    this.tryTimeout([awaitedId, awaiterId], now);
    const awaited = this.promises.get(awaitedId);
    const awaiter = this.promises.get(awaiterId);
    if (awaited && awaiter && awaited.state === 'pending' && awaiter.state === 'pending' && awaiter.tags[TARGET] !== undefined) {
      const key = `${awaitedId}\u0000${awaiterId}`;
      if (!this.callbacks.has(key)) this.callbacks.set(key, { awaited: awaitedId, awaiter: awaiterId, ready: false });
    }
    if (awaited && awaited.state !== 'pending') this.resume(awaiterId, now);
    if (!awaited) return err(404, 'Awaited promise not found');
    if (!awaiter) return err(422, 'Awaiter promise not found');
    if (awaiter.tags[TARGET] === undefined) return err(422, 'Awaiter promise has no resonate:target tag');
    return ok({ promise: this.promiseJson(awaited) });
  }

  private registerListener(d: Record<string, unknown>, now: number): ModelAnswer {
    const id = str(d, 'awaited');
    const address = str(d, 'address');
    this.tryTimeout([id], now);
    const p = this.promises.get(id);
    if (!p) return err(404, 'Awaited promise not found');
    const key = `${id}\u0000${address}`;
    if (p.state === 'pending' && !this.listeners.has(key)) this.listeners.set(key, { promiseId: id, address });
    return ok({ promise: this.promiseJson(p) });
  }

  /** limit (validated ≥ 1; > 1000 refused by the checks), limit + 1 rows read, the cursor is the last id shown. */
  private page<T extends { id: string }>(rows: T[], d: Record<string, unknown>, defaultLimit: number): { rows: T[]; cursor?: string } {
    const limit = optInt(d, 'limit') ?? defaultLimit;
    const cursor = optStr(d, 'cursor');
    const all = rows.filter((r) => cursor === undefined || byId(r.id, cursor) > 0).sort((a, b) => byId(a.id, b.id));
    const shown = all.slice(0, limit);
    const last = shown[shown.length - 1];
    return all.length > limit && last ? { rows: shown, cursor: last.id } : { rows: shown };
  }

  private static tagsMatch(filter: Record<string, string> | undefined, tags: Record<string, string>): boolean {
    return filter === undefined || Object.entries(filter).every(([k, v]) => tags[k] === v);
  }

  private promiseSearch(d: Record<string, unknown>): ModelAnswer {
    const state = optStr(d, 'state');
    const tags = isRecord(d.tags) ? strMap(d.tags) : undefined;
    const matching = [...this.promises.values()].filter((p) => (state === undefined || p.state === state) && ServerModel.tagsMatch(tags, p.tags));
    const { rows, cursor } = this.page(matching, d, 100);
    return ok(sortedKeys({ ...(cursor !== undefined ? { cursor } : {}), promises: rows.map((p) => this.promiseJson(p)) }));
  }

  // === tasks ===

  private taskGet(d: Record<string, unknown>, now: number): ModelAnswer {
    const id = str(d, 'id');
    this.tryTimeout([id], now);
    const t = this.tasks.get(id);
    return t ? ok({ task: this.taskJson(t) }) : err(404, 'Task not found');
  }

  /** persistence task_acquire: pending at that version → acquired, version + 1, a lease. */
  private acquire(id: string, version: number, now: number, ttl: number, pid: string): boolean {
    const t = this.tasks.get(id);
    if (!t || t.state !== 'pending' || t.version !== version) return false;
    t.state = 'acquired';
    t.version += 1;
    this.taskTimeouts.set(id, { timeoutAt: now + ttl, type: 1, pid, ttl });
    for (const [k, c] of this.callbacks) if (c.awaiter === id && c.ready) this.callbacks.delete(k);
    return true;
  }

  private acquired(id: string, version: number, ttl: number, pid: string, promise: PromiseRow): Record<string, unknown> {
    const task = sortedKeys({ id, pid, resumes: 0, state: 'acquired', ttl, version });
    return sortedKeys({ preload: this.preload(id), promise: this.promiseJson(promise), task });
  }

  private fulfilledAnswer(id: string, version: number, promise: PromiseRow): ModelAnswer {
    return ok(sortedKeys({ preload: [], promise: this.promiseJson(promise), task: sortedKeys({ id, resumes: 0, state: 'fulfilled', version }) }));
  }

  private taskCreate(d: Record<string, unknown>, now: number): ModelAnswer {
    const pid = str(d, 'pid');
    const ttl = int(d, 'ttl');
    const action = rec(rec(d, 'action'), 'data');
    const id = str(action, 'id');
    this.tryTimeout([id], now);
    const { row, timedOut } = this.newPromise(action, now);
    if (!this.promises.has(id)) {
      this.promises.set(id, row);
      if (!timedOut) this.promiseTimeouts.set(id, row.timeoutAt);
      if (!this.tasks.has(id)) {
        this.tasks.set(id, { id, state: timedOut ? 'fulfilled' : 'acquired', version: timedOut ? 0 : 1 });
        if (timedOut) return this.fulfilledAnswer(id, 0, row);
        this.taskTimeouts.set(id, { timeoutAt: row.createdAt + ttl, type: 1, pid, ttl });
        return ok(this.acquired(id, 1, ttl, pid, row));
      }
    }
    const promise = this.promises.get(id) ?? row;
    const task = this.tasks.get(id);
    if (!task) return err(422, 'Promise exists without a target task');
    if (task.state === 'fulfilled') return this.fulfilledAnswer(id, task.version, promise);
    if (task.state === 'pending') {
      const version = task.version;
      if (this.acquire(id, version, now, ttl, pid)) return ok(this.acquired(id, version + 1, ttl, pid, promise));
    }
    return err(409, 'Already exists');
  }

  private taskAcquireOp(d: Record<string, unknown>, now: number): ModelAnswer {
    const id = str(d, 'id');
    const version = int(d, 'version');
    const ttl = int(d, 'ttl');
    const pid = str(d, 'pid');
    this.tryTimeout([id], now);
    const was = this.acquire(id, version, now, ttl, pid);
    const promise = this.promises.get(id);
    const task = this.tasks.get(id);
    if (!promise || !task) return err(404, 'Task not found');
    if (!was) return task.state !== 'pending' ? err(409, 'Task is not pending') : err(409, 'Version mismatch');
    return ok(this.acquired(id, version + 1, ttl, pid, promise));
  }

  private taskRelease(d: Record<string, unknown>, now: number): ModelAnswer {
    const id = str(d, 'id');
    const version = int(d, 'version');
    this.tryTimeout([id], now);
    const t = this.tasks.get(id);
    if (!t) return err(404, 'Task not found');
    if (t.state !== 'acquired' || t.version !== version) return err(409, 'Task version mismatch or invalid state');
    t.state = 'pending';
    const tt = this.taskTimeouts.get(id);
    if (tt) {
      tt.type = 0;
      tt.timeoutAt = now + this.taskRetryTimeout;
      tt.pid = null;
    }
    this.sendExecute(id);
    return ok({});
  }

  private taskFulfill(d: Record<string, unknown>, now: number): ModelAnswer {
    const id = str(d, 'id');
    const version = int(d, 'version');
    const action = rec(rec(d, 'action'), 'data');
    this.tryTimeout([str(action, 'id')], now);
    const t = this.tasks.get(id);
    if (!t) return err(404, 'Task not found');
    if (t.state !== 'acquired' || t.version !== version) return err(409, 'Task version mismatch or invalid state');
    t.state = 'fulfilled';
    this.taskTimeouts.delete(id);
    this.settlePromise(id, str(action, 'state') as PromiseState, valueOf(action.value), now, now);
    for (const [k, c] of this.callbacks) if (c.awaiter === id) this.callbacks.delete(k);
    const p = this.promises.get(id);
    return p ? ok({ promise: this.promiseJson(p) }) : err(404, 'Task not found');
  }

  private taskSuspend(d: Record<string, unknown>, now: number): ModelAnswer {
    const id = str(d, 'id');
    const version = int(d, 'version');
    const actions = Array.isArray(d.actions) ? d.actions : [];
    const awaited = actions.map((a) => (isRecord(a) ? str(rec(a, 'data'), 'awaited') : ''));
    const taskExists = this.tasks.has(id);
    this.tryTimeout([id, ...awaited], now);
    const unique = awaited.filter((a, i) => awaited.indexOf(a) === i);
    const t = this.tasks.get(id);
    if (!t || t.state !== 'acquired' || t.version !== version) {
      return taskExists ? err(409, 'Task is not acquired or version mismatch') : err(404, 'Task not found');
    }
    const found = unique.map((a) => this.promises.get(a)).filter((p): p is PromiseRow => p !== undefined);
    if (found.length < unique.length) return err(422, 'Awaited promise not found');
    for (const [k, c] of this.callbacks) if (c.awaiter === id && c.ready) this.callbacks.delete(k);
    if (found.some((p) => p.state !== 'pending')) return ok({ preload: this.preload(id) }, 300);
    for (const a of unique) {
      const key = `${a}\u0000${id}`;
      if (!this.callbacks.has(key)) this.callbacks.set(key, { awaited: a, awaiter: id, ready: false });
    }
    t.state = 'suspended';
    this.taskTimeouts.delete(id);
    return ok({});
  }

  private taskFence(d: Record<string, unknown>, corrId: string, now: number): ModelAnswer {
    const id = str(d, 'id');
    const version = int(d, 'version');
    const action = rec(d, 'action');
    const kind = str(action, 'kind');
    const inner = rec(action, 'data');
    this.tryTimeout([id, str(inner, 'id')], now);
    const t = this.tasks.get(id);
    if (!t) return err(404, 'Task not found');
    if (t.state !== 'acquired' || t.version !== version) return err(409, 'Version mismatch');
    const head = (status: number): Record<string, unknown> => ({ corrId, status, version: PROTOCOL_VERSION });
    if (kind === 'promise.create') {
      const { row, timedOut } = this.newPromise(inner, now);
      const p = this.insertPromise(row, timedOut);
      return ok(sortedKeys({ action: { data: { promise: this.promiseJson(p) }, head: head(200), kind }, preload: this.preload(id) }));
    }
    const settleId = str(inner, 'id');
    this.settlePromise(settleId, str(inner, 'state') as PromiseState, valueOf(inner.value), now, now);
    const p = this.promises.get(settleId);
    const innerEnvelope = p ? { data: { promise: this.promiseJson(p) }, head: head(200), kind } : { data: 'Promise not found', head: head(404), kind };
    return ok(sortedKeys({ action: innerEnvelope, preload: this.preload(id) }));
  }

  private taskHeartbeat(d: Record<string, unknown>, now: number): ModelAnswer {
    const pid = str(d, 'pid');
    const tasks = Array.isArray(d.tasks) ? d.tasks : [];
    for (const item of tasks) {
      if (!isRecord(item)) continue;
      const id = str(item, 'id');
      if (id === '') continue;
      const tt = this.taskTimeouts.get(id);
      const t = this.tasks.get(id);
      if (tt && tt.pid === pid && t && t.version === int(item, 'version') && t.state === 'acquired') tt.timeoutAt = now + tt.ttl;
    }
    return ok({});
  }

  private taskHalt(d: Record<string, unknown>, now: number): ModelAnswer {
    const id = str(d, 'id');
    this.tryTimeout([id], now);
    const t = this.tasks.get(id);
    if (!t) return err(404, 'Task not found');
    if (t.state === 'fulfilled') return err(409, 'Task is fulfilled');
    t.state = 'halted';
    this.taskTimeouts.delete(id);
    return ok({});
  }

  private taskContinue(d: Record<string, unknown>, now: number): ModelAnswer {
    const id = str(d, 'id');
    this.tryTimeout([id], now);
    const t = this.tasks.get(id);
    if (!t) return err(404, 'Task not found');
    if (t.state !== 'halted') return err(409, 'Task is not halted');
    t.state = 'pending';
    if (!this.taskTimeouts.has(id)) this.taskTimeouts.set(id, { timeoutAt: now + this.taskRetryTimeout, type: 0, pid: null, ttl: this.taskRetryTimeout });
    this.sendExecute(id);
    return ok({});
  }

  private taskSearch(d: Record<string, unknown>): ModelAnswer {
    const state = optStr(d, 'state');
    const matching = [...this.tasks.values()].filter((t) => state === undefined || t.state === state);
    const { rows, cursor } = this.page(matching, d, 100);
    return ok(sortedKeys({ ...(cursor !== undefined ? { cursor } : {}), tasks: rows.map((t) => this.taskJson(t)) }));
  }

  // === schedules ===

  private scheduleGet(d: Record<string, unknown>): ModelAnswer {
    const s = this.schedules.get(str(d, 'id'));
    return s ? ok({ schedule: this.scheduleJson(s) }) : err(404, 'Schedule not found');
  }

  private scheduleCreate(d: Record<string, unknown>, now: number): ModelAnswer {
    const cron = str(d, 'cron');
    if (!isValidCron(cron)) return err(400, 'Invalid cron expression');
    const id = str(d, 'id');
    const nextRunAt = computeNextCron(cron, now);
    if (!this.schedules.has(id)) {
      this.schedules.set(id, {
        id,
        cron,
        promiseId: str(d, 'promiseId'),
        promiseTimeout: int(d, 'promiseTimeout'),
        promiseParam: valueOf(d.promiseParam),
        promiseTags: strMap(d.promiseTags),
        createdAt: now,
        nextRunAt,
      });
    }
    if (!this.scheduleTimeouts.has(id)) this.scheduleTimeouts.set(id, nextRunAt);
    const s = this.schedules.get(id);
    return s ? ok({ schedule: this.scheduleJson(s) }) : err(404, 'Schedule not found');
  }

  private scheduleDelete(d: Record<string, unknown>): ModelAnswer {
    const id = str(d, 'id');
    if (!this.schedules.delete(id)) return err(404, 'Schedule not found');
    this.scheduleTimeouts.delete(id);
    return ok({});
  }

  private scheduleSearch(d: Record<string, unknown>): ModelAnswer {
    const tags = isRecord(d.tags) ? strMap(d.tags) : undefined;
    const matching = [...this.schedules.values()].filter((s) => ServerModel.tagsMatch(tags, s.promiseTags));
    const { rows, cursor } = this.page(matching, d, 10);
    return ok(sortedKeys({ ...(cursor !== undefined ? { cursor } : {}), schedules: rows.map((s) => this.scheduleJson(s)) }));
  }

  // === debug ===

  private reset(): void {
    this.promises.clear();
    this.promiseTimeouts.clear();
    this.callbacks.clear();
    this.listeners.clear();
    this.tasks.clear();
    this.taskTimeouts.clear();
    this.outgoingExecute.clear();
    this.outgoingUnblock.clear();
    this.schedules.clear();
    this.scheduleTimeouts.clear();
  }

  /** debug.snap (persistence_sqlite.rs snap): every table, ordered as the server orders them. */
  private snap(): Record<string, unknown> {
    const ids = <T>(m: Map<string, T>): string[] => [...m.keys()].sort(byId);
    const pairs = <T extends { a: string; b: string }>(xs: T[]): T[] => xs.sort((x, y) => byId(x.a, y.a) || byId(x.b, y.b));
    const messages: Array<Record<string, unknown>> = [];
    for (const id of ids(this.outgoingExecute)) {
      const m = this.outgoingExecute.get(id);
      if (m) messages.push({ address: m.address, message: { data: { task: { id, version: m.version } }, head: {}, kind: 'execute' } });
    }
    for (const u of pairs([...this.outgoingUnblock.values()].map((u) => ({ a: u.promiseId, b: u.address })))) {
      const p = this.promises.get(u.a);
      if (p) messages.push({ address: u.b, message: { data: { promise: this.promiseJson(p) }, head: {}, kind: 'unblock' } });
    }
    return {
      promises: ids(this.promises).flatMap((id) => {
        const p = this.promises.get(id);
        return p ? [this.promiseJson(p)] : [];
      }),
      promiseTimeouts: ids(this.promiseTimeouts).map((id) => ({ id, timeout: this.promiseTimeouts.get(id) ?? 0 })),
      callbacks: pairs([...this.callbacks.values()].filter((c) => !c.ready).map((c) => ({ a: c.awaiter, b: c.awaited }))).map((c) => ({ awaiter: c.a, awaited: c.b })),
      listeners: pairs([...this.listeners.values()].map((l) => ({ a: l.promiseId, b: l.address }))).map((l) => ({ id: l.a, address: l.b })),
      tasks: ids(this.tasks).flatMap((id) => {
        const t = this.tasks.get(id);
        return t ? [this.taskJson(t)] : [];
      }),
      taskTimeouts: ids(this.taskTimeouts).map((id) => {
        const tt = this.taskTimeouts.get(id);
        return { id, type: tt?.type ?? 0, timeout: tt?.timeoutAt ?? 0 };
      }),
      messages,
    };
  }
}
