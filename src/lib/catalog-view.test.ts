import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../core/catalog/catalog-types';
import { kindRetries, matchRules, summaryFor, variantFor } from './catalog-view';

const entry: CatalogEntry = {
  id: 'server.409.task-version',
  source: 'server',
  code: '409',
  status: 409,
  match: { message: 'Task version mismatch or invalid state', kinds: ['task.fulfill', 'task.create'] },
  title: 'Task version mismatch',
  summary: 'The task is not in the state the request expects.',
  causes: ['Another worker owns the task.'],
  retry: { verdict: 'never', reason: 'The task moved on.' },
  byKind: [
    { kinds: ['task.create'], summary: 'The task already exists.', retry: { verdict: 'with-backoff', reason: 'Wait.' } },
    { kinds: ['task.fence'], steps: ['Check the fence.'] },
  ],
  steps: ['Read the task.'],
};

describe('catalog view helpers', () => {
  it('picks the variant for a kind', () => {
    expect(variantFor(entry, 'task.create')?.summary).toBe('The task already exists.');
    expect(variantFor(entry, 'task.fulfill')).toBeUndefined();
    expect(variantFor(entry, null)).toBeUndefined();
  });

  it('uses the kind summary when there is one', () => {
    expect(summaryFor(entry, 'task.create')).toBe('The task already exists.');
    expect(summaryFor(entry, 'task.fulfill')).toBe(entry.summary);
  });

  it('lists per-kind verdicts only where a variant has one', () => {
    expect(kindRetries(entry)).toEqual([{ kinds: ['task.create'], retry: { verdict: 'with-backoff', reason: 'Wait.' } }]);
  });

  it('describes the match rules', () => {
    expect(matchRules(entry)).toEqual([
      { label: 'Message', value: 'Task version mismatch or invalid state' },
      { label: 'Operation kinds', value: 'task.fulfill, task.create' },
    ]);
  });
});
