import type { Verdict } from '../core/catalog/catalog-types';
import { sourceLabel } from '../core/catalog/source-labels';

/** A retry verdict, or `n/a` for a success. */
export type RetryClass = Verdict | 'n/a';

export type RetryAnswer = {
  /** The plain answer to "Is a retry safe?". */
  answer: string;
  /** A short tag that carries the verdict in text (never colour alone). */
  tag: string;
  /** A decorative symbol shown beside the tag (hidden from screen readers). */
  symbol: string;
};

const ANSWERS: Record<RetryClass, RetryAnswer> = {
  safe: { answer: 'Yes — safe to retry', tag: 'Safe to retry', symbol: '✓' },
  'with-backoff': { answer: 'Yes, with backoff', tag: 'Retry with backoff', symbol: '↻' },
  'after-fix': { answer: 'Not until you fix it', tag: 'Fix first', symbol: '!' },
  never: { answer: 'No — never retry this request', tag: 'Never retry', symbol: '✕' },
  'n/a': { answer: 'Nothing to retry — not an error', tag: 'Not an error', symbol: '–' },
};

export function retryAnswer(retry: RetryClass): RetryAnswer {
  return ANSWERS[retry];
}

export { sourceLabel };

/** "1 finding", "3 findings". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
