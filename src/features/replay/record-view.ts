import { describeTime } from '../../core/replay/classify-kind';
import type { DecodedPayload, DecodedRecord, DecodedValue, TimeField } from '../../core/replay/decode-record';

/** One row of a record's description list. `block`: show as preformatted text (a JSON payload). */
export type RecordRow = { label: string; value: string; block?: boolean };

export type RecordSummary = {
  /** "Promise order-42", "Task t-1", "Schedule nightly", "Record". */
  title: string;
  /** The state, when the record has one. */
  state: string | null;
  rows: RecordRow[];
};

const time = (t: TimeField | null, now: number): string | null => (t ? (t.iso ? describeTime(t.ms, now) : String(t.ms)) : null);

const duration = (ms: number | null): string | null => (ms === null ? null : ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

const map = (m: Record<string, string>): string | null => {
  const entries = Object.entries(m);
  return entries.length === 0 ? null : entries.map(([k, v]) => `${k}=${v}`).join('\n');
};

/** A payload in words (base64 of JSON is decoded and pretty-printed; other bytes are said to be bytes). */
export function payloadText(p: DecodedPayload): { value: string; block: boolean } {
  switch (p.kind) {
    case 'empty':
      return { value: '(empty)', block: false };
    case 'json':
      return { value: p.text, block: true };
    case 'text':
      return { value: p.text, block: true };
    case 'binary':
      return { value: `${p.bytes} bytes that are not text (encrypted or binary); base64: ${p.base64.length > 80 ? `${p.base64.slice(0, 80)}…` : p.base64}`, block: false };
    case 'raw':
      return { value: `${p.text} (not base64: shown as sent)`, block: true };
  }
}

function valueRows(label: string, v: DecodedValue): RecordRow[] {
  const rows: RecordRow[] = [{ label, ...payloadText(v.data) }];
  const headers = map(v.headers);
  if (headers) rows.push({ label: `${label} headers`, value: headers, block: true });
  return rows;
}

const push = (rows: RecordRow[], label: string, value: string | null): void => {
  if (value !== null && value !== '') rows.push({ label, value });
};

/** A decoded record as a title, its state, and rows: state, timeouts, tags, payloads. */
export function recordSummary(record: DecodedRecord, now: number = Date.now()): RecordSummary {
  const rows: RecordRow[] = [];
  switch (record.type) {
    case 'promise':
      push(rows, 'State', record.state);
      push(rows, 'Timeout at', time(record.timeoutAt, now));
      push(rows, 'Created at', time(record.createdAt, now));
      push(rows, 'Settled at', time(record.settledAt, now));
      rows.push({ label: 'Tags', value: map(record.tags) ?? '(none)', block: Object.keys(record.tags).length > 0 });
      rows.push(...valueRows('Param', record.param), ...valueRows('Value', record.value));
      return { title: `Promise ${record.id}`, state: record.state, rows };
    case 'task':
      push(rows, 'State', record.state);
      push(rows, 'Version', record.version === null ? null : String(record.version));
      push(rows, 'Process', record.pid);
      push(rows, 'Lease (ttl)', duration(record.ttl));
      push(rows, 'Resumes', record.resumes === null ? null : Array.isArray(record.resumes) ? record.resumes.join(', ') || '(none)' : String(record.resumes));
      return { title: `Task ${record.id}`, state: record.state, rows };
    case 'schedule':
      push(rows, 'Cron', record.cron);
      push(rows, 'Promise id template', record.promiseId);
      push(rows, 'Promise timeout', duration(record.promiseTimeoutMs));
      push(rows, 'Next run at', time(record.nextRunAt, now));
      push(rows, 'Last run at', time(record.lastRunAt, now));
      push(rows, 'Created at', time(record.createdAt, now));
      rows.push({ label: 'Promise tags', value: map(record.promiseTags) ?? '(none)', block: Object.keys(record.promiseTags).length > 0 });
      rows.push(...valueRows('Promise param', record.promiseParam));
      return { title: `Schedule ${record.id}`, state: null, rows };
    case 'unknown':
      return { title: 'Record', state: null, rows: [{ label: 'As sent', value: record.text, block: true }] };
  }
}

/** How a state reads at a glance (the tag always carries the word, colour only repeats it). */
export function stateTone(state: string): 'done' | 'open' | 'failed' | 'neutral' {
  if (state === 'resolved' || state === 'fulfilled') return 'done';
  if (state === 'pending' || state === 'acquired' || state === 'suspended') return 'open';
  if (state.startsWith('rejected') || state === 'halted') return 'failed';
  return 'neutral';
}
