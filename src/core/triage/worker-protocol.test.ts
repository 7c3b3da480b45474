import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import { parseCatalog } from '../catalog/parse-catalog';
import { generateMixedLog } from '../../testing/mixed-log';
import { readSharedFixtures } from '../../testing/shared-fixtures';
import { decodeChunked } from './chunked-decoder';
import { createDecodeWorkerState, handleWorkerMessage } from './worker-protocol';
import type { DecodeResponse, DecodeWorkerDeps } from './worker-protocol';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;
const { text } = generateMixedLog({ samples: readSharedFixtures().map((f) => f.input), targetChars: 60_000, seed: 3, errorRate: 0.1 });
const options = { chunkChars: 4096 };

/** A fake worker: messages are cloned as postMessage would clone them; time moves 10 ms per call. */
function harness(extra: Partial<DecodeWorkerDeps> = {}) {
  const messages: DecodeResponse[] = [];
  let clock = 0;
  const deps: DecodeWorkerDeps = {
    post: (m) => messages.push(structuredClone(m)),
    yieldToEventLoop: async () => {},
    now: () => (clock += 10),
    progressIntervalMs: 0,
    ...extra,
  };
  return { messages, deps, state: createDecodeWorkerState() };
}

describe('handleWorkerMessage', () => {
  it('streams progress, then the findings and groups of the whole text', async () => {
    const { messages, deps, state } = harness();
    await handleWorkerMessage(state, { type: 'start', id: 1, text, catalog, options }, deps);
    const progress = messages.filter((m) => m.type === 'progress');
    const done = messages.at(-1);
    expect(progress[0]).toEqual({ type: 'progress', id: 1, done: 0, total: expect.any(Number), findings: [] });
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.map((m) => m.done)).toEqual([...progress.map((m) => m.done)].sort((a, b) => a - b));
    if (done?.type !== 'done') throw new Error(`expected done, got ${done?.type}`);
    expect(done.id).toBe(1);
    expect(done.findings.map((f) => [f.entry, f.count])).toEqual(decodeChunked(text, catalog, options).map((f) => [f.entry, f.count]));
    expect(done.groups.reduce((n, g) => n + g.count, 0)).toBe(done.findings.reduce((n, f) => n + f.count, 0));
    expect(done.groups.some((g) => g.first !== null)).toBe(true);
    expect(state.current).toBeNull();
  });

  it('posts progress at most every progressIntervalMs', async () => {
    const { messages, deps, state } = harness({ progressIntervalMs: 1_000_000 });
    await handleWorkerMessage(state, { type: 'start', id: 1, text, catalog, options }, deps);
    expect(messages.map((m) => m.type)).toEqual(['progress', 'done']);
  });

  it('stops between chunks when cancelled', async () => {
    let pauses = 0;
    const { messages, deps, state } = harness();
    deps.yieldToEventLoop = async () => {
      if (++pauses === 3) await handleWorkerMessage(state, { type: 'cancel', id: 1 }, deps);
    };
    await handleWorkerMessage(state, { type: 'start', id: 1, text, catalog, options }, deps);
    expect(messages.at(-1)).toEqual({ type: 'cancelled', id: 1 });
    expect(messages.some((m) => m.type === 'done')).toBe(false);
    expect(messages.filter((m) => m.type === 'progress').length).toBe(3);
    expect(state).toEqual({ current: null, cancelled: new Set() });
  });

  it('lets a newer start replace the run in progress', async () => {
    let pauses = 0;
    const { messages, deps, state } = harness();
    let second: Promise<void> = Promise.resolve();
    deps.yieldToEventLoop = async () => {
      if (++pauses === 2) second = handleWorkerMessage(state, { type: 'start', id: 2, text: '{"kind":"promise.get","head":{"corrId":"a","status":404,"version":"2026-04-01"},"data":"Promise not found"}', catalog }, deps);
    };
    await handleWorkerMessage(state, { type: 'start', id: 1, text, catalog, options }, deps);
    await second;
    expect(messages.filter((m) => m.type === 'cancelled')).toEqual([{ type: 'cancelled', id: 1 }]);
    const done = messages.filter((m) => m.type === 'done');
    expect(done.map((m) => m.id)).toEqual([2]);
    expect(done[0]?.type === 'done' && done[0].findings[0]?.message).toBe('Promise not found');
  });

  it.each([
    ['not an object', null, null, 'not an object'],
    ['no id', { type: 'start', text: 'x', catalog }, null, 'numeric id'],
    ['an unknown type', { type: 'pause', id: 4 }, 4, 'unknown message type'],
    ['no text', { type: 'start', id: 5, catalog }, 5, 'text must be a string'],
    ['a bad catalog', { type: 'start', id: 6, text: 'x', catalog: { entries: 'no' } }, 6, 'bad catalog'],
  ])('answers %s with an error', async (_name, message, id, error) => {
    const { messages, deps, state } = harness();
    await handleWorkerMessage(state, message, deps);
    expect(messages).toEqual([{ type: 'error', id, error: expect.stringContaining(error) }]);
  });

  it('decodes an empty text to no findings', async () => {
    const { messages, deps, state } = harness();
    await handleWorkerMessage(state, { type: 'start', id: 9, text: '', catalog }, deps);
    const done = messages.at(-1);
    expect(done?.type === 'done' && done.findings).toEqual([]);
  });

  it('yields with a real timeout by default', async () => {
    const { messages, state } = harness();
    await handleWorkerMessage(state, { type: 'start', id: 1, text: 'hello', catalog }, { post: (m) => messages.push(m) });
    expect(messages.map((m) => m.type)).toEqual(['progress', 'done']);
  });
});
