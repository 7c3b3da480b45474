import type { Finding } from '../decode/finding';
import { isRecord } from './request-schema';

type Outcome = Pick<Finding, 'status' | 'code' | 'message' | 'error' | 'kind'> & Partial<Pick<Finding, 'response'>>;

const MAX_MESSAGE = 90;

/** One side of a comparison: "404 Promise not found", "200, resolved", "300, resume now". */
export function describeOutcome(f: Outcome): string {
  const status = f.status ?? (f.code !== null && /^\d{3}$/.test(f.code) ? Number(f.code) : null);
  if (!f.error) {
    const detail = successDetail(f.response, status);
    const head = status !== null ? String(status) : 'success';
    return detail ? `${head}, ${detail}` : head;
  }
  const label = status !== null ? String(status) : f.code !== null ? f.code : 'error';
  const msg = f.message ? (f.message.length > MAX_MESSAGE ? `${f.message.slice(0, MAX_MESSAGE - 1)}…` : f.message) : '';
  return msg ? `${label} ${msg}` : label;
}

function successDetail(response: unknown, status: number | null): string | null {
  const data = isRecord(response) ? response.data : undefined;
  if (!isRecord(data)) return null;
  if (status === 300) return 'resume now (an awaited promise is already settled)';
  if (isRecord(data.task) && typeof data.task.state === 'string') {
    const promise = isRecord(data.promise) && typeof data.promise.state === 'string' ? `; promise ${data.promise.state}` : '';
    return `task ${data.task.state}${typeof data.task.version === 'number' ? ` at version ${data.task.version}` : ''}${promise}`;
  }
  if (isRecord(data.promise) && typeof data.promise.state === 'string') return data.promise.state;
  if (isRecord(data.schedule)) {
    const next = typeof data.schedule.nextRunAt === 'number' ? ` (next run ${new Date(data.schedule.nextRunAt).toISOString()})` : '';
    return `schedule ${typeof data.schedule.id === 'string' ? data.schedule.id : ''}${next}`.trim();
  }
  if (isRecord(data.action) && isRecord(data.action.head) && typeof data.action.head.status === 'number') {
    const inner = data.action;
    const innerHead = data.action.head;
    const innerDetail = typeof inner.data === 'string' ? ` ${inner.data}` : isRecord(inner.data) && isRecord(inner.data.promise) ? `, ${String(inner.data.promise.state)}` : '';
    return `fenced ${typeof inner.kind === 'string' ? inner.kind : 'action'}: ${String(innerHead.status)}${innerDetail}`;
  }
  for (const key of ['promises', 'tasks', 'schedules'] as const) {
    const list = data[key];
    if (Array.isArray(list)) return `${list.length} ${list.length === 1 ? key.slice(0, -1) : key}${typeof data.cursor === 'string' && data.cursor ? ' (more pages)' : ''}`;
  }
  return null;
}

/** "then: 404 Promise not found → now: 200, resolved" (", unchanged" when both sides read the same). */
export function compareOutcome(before: Outcome, after: Outcome): string {
  const then = describeOutcome(before);
  const now = describeOutcome(after);
  return `then: ${then} → now: ${now}${then === now ? ' (unchanged)' : ''}`;
}
