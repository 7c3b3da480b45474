import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import { parseCatalog } from '../catalog/parse-catalog';
import { generateMixedLog } from '../../testing/mixed-log';
import { readSharedFixtures } from '../../testing/shared-fixtures';
import { decode } from '../decode/decode';
import { groupFindings } from './group';
import { splitLogLines } from './timestamps';
import { createDecodeWorkerState, handleWorkerMessage } from './worker-protocol';
import type { DecodeResponse, DecodeWorkerDeps } from './worker-protocol';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;
const { text } = generateMixedLog({ samples: readSharedFixtures().map((f) => f.input), targetChars: 60_000, seed: 3, errorRate: 0.1 });
const options = { windowBytes: 4096, lookaheadBytes: 2048 };
const shape = (findings: { entry: string | null; count: number; spans: unknown; notes: string[] }[]) => findings.map((f) => [f.entry, f.count, f.spans, f.notes]);

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
    expect(shape(done.findings)).toEqual(shape(decode(text, catalog)));
    expect(done.total).toBe(text.length);
    expect(done.groups.reduce((n, g) => n + g.count, 0)).toBe(done.findings.reduce((n, f) => n + f.count, 0));
    expect(done.groups.some((g) => g.first !== null)).toBe(true);
    expect(state.current).toBeNull();
  });

  it('reads a text sent as bytes in pieces cut anywhere, even inside a character, as the whole text', async () => {
    const emoji = `${text.slice(0, 30_000)}\nERROR 🚀 deploy 🚀🚀\r\n${text.slice(30_000)}`;
    const whole = harness();
    await handleWorkerMessage(whole.state, { type: 'start', id: 1, text: emoji, catalog, options }, whole.deps);
    const { messages, deps, state } = harness();
    await handleWorkerMessage(state, { type: 'start', id: 2, total: emoji.length, catalog, options }, deps);
    const bytes = new TextEncoder().encode(emoji);
    const rocket = bytes.indexOf(0xf0);
    const cuts = [0, 7, rocket + 1, rocket + 2, rocket + 5, 41_000, bytes.length];
    const sent: Promise<void>[] = [];
    for (let k = 0; k + 1 < cuts.length; k++) {
      sent.push(handleWorkerMessage(state, { type: 'piece', id: 2, bytes: bytes.slice(cuts[k], cuts[k + 1]), chars: k === cuts.length - 2 ? emoji.length : 0 }, deps));
    }
    sent.push(handleWorkerMessage(state, { type: 'end', id: 2 }, deps));
    await Promise.all(sent);
    const a = whole.messages.at(-1);
    const b = messages.at(-1);
    if (a?.type !== 'done' || b?.type !== 'done') throw new Error('expected two done');
    expect(shape(b.findings)).toEqual(shape(a.findings));
    expect(b.groups).toEqual(a.groups);
    expect(b.groups).toEqual(groupFindings(decode(emoji, catalog), splitLogLines(emoji)));
    expect(b.total).toBe(emoji.length);
  });

  /** The text read from a file by a worker of these deps, beside the same text sent whole: both runs' last messages. */
  async function fileAndText(h: ReturnType<typeof harness>) {
    const whole = harness();
    await handleWorkerMessage(whole.state, { type: 'start', id: 1, text, catalog, options }, whole.deps);
    const file = new Blob([new TextEncoder().encode(text)]);
    await handleWorkerMessage(h.state, { type: 'start', id: 2, file, catalog, options }, h.deps);
    const a = whole.messages.at(-1);
    const b = h.messages.at(-1);
    if (a?.type !== 'done' || b?.type !== 'done') throw new Error('expected two done');
    expect(shape(b.findings)).toEqual(shape(a.findings));
    expect(b.groups).toEqual(a.groups);
    expect(b.total).toBe(file.size);
  }

  it('reads a file itself, as the text read from it', async () => {
    await fileAndText(harness());
  });

  it('reads a file slice by slice, never far ahead of the decoder, as the text read from it', async () => {
    // Slices of 1 KB: the reader waits for the decoder (4 KB windows) again and again.
    let most = 0;
    const h = harness({ fileSliceBytes: 1024 });
    // A real yield (a timer): the file's slices come in between windows.
    h.deps.yieldToEventLoop = () =>
      new Promise((resolve) => {
        most = Math.max(most, h.state.current?.queued ?? 0);
        setTimeout(resolve, 1);
      });
    await fileAndText(h);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(5 * 1024);
  });

  it('stops reading a file when cancelled, also while its reader waits for the decoder', async () => {
    for (const fileSliceBytes of [undefined, 512]) {
      let pauses = 0;
      const { messages, deps, state } = harness(fileSliceBytes ? { fileSliceBytes } : {});
      deps.yieldToEventLoop = async () => {
        if (++pauses === 2) await handleWorkerMessage(state, { type: 'cancel', id: 4 }, deps);
      };
      await handleWorkerMessage(state, { type: 'start', id: 4, file: new Blob([text.repeat(4)]), catalog, options }, deps);
      expect(messages.filter((m) => m.type === 'cancelled')).toEqual([{ type: 'cancelled', id: 4 }]);
      expect(messages.some((m) => m.type === 'done')).toBe(false);
      expect(state).toEqual({ current: null, cancelled: new Set() });
    }
  });

  it('stops at once a run that waits for its next piece', async () => {
    const { messages, deps, state } = harness();
    await handleWorkerMessage(state, { type: 'start', id: 3, total: 5_000_000, catalog }, deps);
    await handleWorkerMessage(state, { type: 'piece', id: 3, bytes: new TextEncoder().encode(text.slice(0, 10_000)), chars: 10_000 }, deps);
    await handleWorkerMessage(state, { type: 'cancel', id: 3 }, deps);
    expect(messages.at(-1)).toEqual({ type: 'cancelled', id: 3 });
    expect(state).toEqual({ current: null, cancelled: new Set() });
  });

  it('ignores the pieces of a run it no longer runs', async () => {
    const { messages, deps, state } = harness();
    await handleWorkerMessage(state, { type: 'piece', id: 7, bytes: new TextEncoder().encode('Promise not found'), chars: 17 }, deps);
    await handleWorkerMessage(state, { type: 'end', id: 7 }, deps);
    expect(messages).toEqual([]);
  });

  it('posts progress at most every progressIntervalMs', async () => {
    const { messages, deps, state } = harness({ progressIntervalMs: 1_000_000 });
    await handleWorkerMessage(state, { type: 'start', id: 1, text, catalog, options }, deps);
    expect(messages.map((m) => m.type)).toEqual(['progress', 'done']);
  });

  it('stops between windows when cancelled', async () => {
    let pauses = 0;
    const { messages, deps, state } = harness();
    deps.yieldToEventLoop = async () => {
      if (++pauses === 3) await handleWorkerMessage(state, { type: 'cancel', id: 1 }, deps);
    };
    await handleWorkerMessage(state, { type: 'start', id: 1, text, catalog, options }, deps);
    expect(messages.at(-1)).toEqual({ type: 'cancelled', id: 1 });
    expect(messages.some((m) => m.type === 'done')).toBe(false);
    // It read no further: a whole run posts many more progress messages.
    const full = harness();
    await handleWorkerMessage(full.state, { type: 'start', id: 1, text, catalog, options }, full.deps);
    expect(messages.filter((m) => m.type === 'progress').length).toBeLessThanOrEqual(3);
    expect(full.messages.filter((m) => m.type === 'progress').length).toBeGreaterThan(5);
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
    ['a piece without bytes', { type: 'piece', id: 5, text: 'x', chars: 1 }, 5, 'piece: bytes must be a Uint8Array'],
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
