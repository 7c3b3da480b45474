import { describe, expect, it } from 'vitest';
import { decodeRecord } from '../../core/replay/decode-record';
import { payloadText, recordSummary, stateTone } from './record-view';

const NOW = Date.UTC(2026, 4, 1, 10, 0, 0);
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

describe('recordSummary', () => {
  it('shows a promise’s state, times, tags and decoded payloads', () => {
    const record = decodeRecord({
      id: 'order-42',
      state: 'resolved',
      timeoutAt: NOW + 3_600_000,
      createdAt: NOW - 60_000,
      settledAt: NOW - 1000,
      tags: { 'resonate:target': 'poll://any@default' },
      param: { headers: {}, data: b64('{"amount":42}') },
      value: { headers: { 'content-type': 'text/plain' }, data: b64('done') },
    });
    const s = recordSummary(record, NOW);
    expect(s.title).toBe('Promise order-42');
    expect(s.state).toBe('resolved');
    const row = (label: string) => s.rows.find((r) => r.label === label);
    expect(row('Timeout at')?.value).toBe('2026-05-01T11:00:00.000Z (in 1 h)');
    expect(row('Settled at')?.value).toBe('2026-05-01T09:59:59.000Z (1 s ago)');
    expect(row('Tags')?.value).toBe('resonate:target=poll://any@default');
    expect(row('Param')).toEqual({ label: 'Param', value: '{\n  "amount": 42\n}', block: true });
    expect(row('Value')).toEqual({ label: 'Value', value: 'done', block: true });
    expect(row('Value headers')?.value).toBe('content-type=text/plain');
  });

  it('says (none) and (empty) rather than leaving gaps', () => {
    const s = recordSummary(decodeRecord({ id: 'p', state: 'pending', timeoutAt: NOW, param: {}, value: {}, tags: {} }), NOW);
    expect(s.rows.find((r) => r.label === 'Tags')?.value).toBe('(none)');
    expect(s.rows.find((r) => r.label === 'Param')?.value).toBe('(empty)');
  });

  it('shows a task and a schedule', () => {
    const task = recordSummary(decodeRecord({ id: 't1', state: 'acquired', version: 3, pid: 'w1', ttl: 60_000, resumes: 0 }), NOW);
    expect(task).toMatchObject({ title: 'Task t1', state: 'acquired' });
    expect(task.rows.map((r) => `${r.label}: ${r.value}`)).toEqual(['State: acquired', 'Version: 3', 'Process: w1', 'Lease (ttl): 60 s', 'Resumes: 0']);
    const schedule = recordSummary(decodeRecord({ id: 'nightly', cron: '0 3 * * *', promiseId: 'n.{{.timestamp}}', promiseTimeout: 500, nextRunAt: NOW + 60_000 }), NOW);
    expect(schedule.title).toBe('Schedule nightly');
    expect(schedule.rows.find((r) => r.label === 'Promise timeout')?.value).toBe('500 ms');
    expect(schedule.rows.find((r) => r.label === 'Next run at')?.value).toMatch(/in 1 min/);
  });

  it('shows an unknown record as the JSON it was', () => {
    expect(recordSummary(decodeRecord({ what: 1 }), NOW)).toEqual({ title: 'Record', state: null, rows: [{ label: 'As sent', value: '{\n  "what": 1\n}', block: true }] });
  });
});

describe('payloadText', () => {
  it('says how many bytes a binary payload has, and marks what is not base64', () => {
    expect(payloadText({ kind: 'binary', base64: 'AAEC', bytes: 3 }).value).toMatch(/^3 bytes that are not text/);
    expect(payloadText({ kind: 'raw', text: '<b>x</b>' })).toEqual({ value: '<b>x</b> (not base64: shown as sent)', block: true });
  });
});

describe('stateTone', () => {
  it('reads states', () => {
    expect(['resolved', 'pending', 'rejected_timedout', 'weird'].map(stateTone)).toEqual(['done', 'open', 'failed', 'neutral']);
  });
});
