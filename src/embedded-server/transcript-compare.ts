import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The real server's recorded session (../shared/reference/real-server/transcript-v0.9.5.jsonl) and the rules for
 * comparing an answer with it (that directory's README): the same HTTP status; an error's `data` text the same
 * (validation messages, joined by "; " in varying order, as a set); a success of the same shape: the same keys all
 * the way down and the same values, except the wall-clock times (createdAt, settledAt, timeoutAt, nextRunAt,
 * lastRunAt), which only need to be numbers.
 */

export type TranscriptStep = { step: number; label: string; request: string; status: number; response: string };

export function readTranscript(file: string): TranscriptStep[] {
  return readFileSync(resolve(file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as TranscriptStep);
}

const CLOCK_KEYS = new Set(['createdAt', 'settledAt', 'timeoutAt', 'nextRunAt', 'lastRunAt']);

const messageSet = (text: string): string => [...new Set(text.split('; '))].sort().join('; ');

/** The first difference between two answer bodies (JSON values), as a path and what differs; null when alike. */
export function shapeDifference(expected: unknown, actual: unknown, path = '', key = ''): string | null {
  if (CLOCK_KEYS.has(key)) return typeof actual === 'number' && typeof expected === 'number' ? null : `${path}: expected a time, got ${JSON.stringify(actual)}`;
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
    if (expected.length !== actual.length) return `${path}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = shapeDifference(expected[i], actual[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null) {
    const e = Object.entries(expected);
    const a = new Map(Object.entries(actual));
    const ek = e.map(([k]) => k).sort().join(',');
    const ak = [...a.keys()].sort().join(',');
    if (ek !== ak) return `${path || '.'}: expected keys {${ek}}, got {${ak}}`;
    for (const [k, v] of e) {
      const d = shapeDifference(v, a.get(k), `${path}.${k}`, k);
      if (d) return d;
    }
    return null;
  }
  if (typeof expected === 'string' && typeof actual === 'string' && path === '.data') return messageSet(expected) === messageSet(actual) ? null : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  return Object.is(expected, actual) ? null : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** Why an answer does not agree with the recorded one, or null when it does. */
export function disagreement(step: TranscriptStep, status: number, body: string): string | null {
  if (status !== step.status) return `status: expected ${step.status}, got ${status} (${body.slice(0, 200)})`;
  let actual: unknown;
  try {
    actual = JSON.parse(body);
  } catch {
    return `body is not JSON: ${body.slice(0, 200)}`;
  }
  return shapeDifference(JSON.parse(step.response), actual);
}
