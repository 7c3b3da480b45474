import { describe, expect, it } from 'vitest';
import { catalog } from '../package/catalog';
import { SERVER_404, TS_1102_TRACE } from './cli-samples';
import { createFollower } from './follow';

const entries = (events: ReturnType<ReturnType<typeof createFollower>['push']>) => events.map((e) => [e.finding.entry, e.repeat, e.finding.count]);

describe('createFollower', () => {
  it('gives a trace once a line follows it, not while its last line may still be growing', () => {
    const f = createFollower(catalog);
    expect(f.push(`12:00:01 starting\n${TS_1102_TRACE}\n`)).toEqual([]);
    const events = f.push('12:00:02 worker restarted\n');
    expect(entries(events)).toEqual([['ts.1102.function-already-registered', false, 1]]);
    expect(events[0]?.finding.span.startLine).toBe(2);
  });

  it('counts repeats, with line numbers of the whole stream', () => {
    const f = createFollower(catalog);
    expect(entries(f.push(`${SERVER_404}\nnoise\n`))).toEqual([['server.404.promise-not-found', false, 1]]);
    const again = f.push(`${'other line\n'.repeat(300)}${SERVER_404}\nnoise\n`);
    expect(entries(again)).toEqual([['server.404.promise-not-found', true, 2]]);
    expect(again[0]?.finding.spans.map((s) => s.startLine)).toEqual([1, 303]);
    expect(f.flush(true)).toEqual([]);
    expect(f.findings).toHaveLength(1);
  });

  it('after a quiet pause, gives what was read, the last line without its newline too, and never twice', () => {
    const f = createFollower(catalog);
    expect(f.push(SERVER_404)).toEqual([]);
    expect(entries(f.flush())).toEqual([['server.404.promise-not-found', false, 1]]);
    expect(f.flush()).toEqual([]);
    expect(f.push('\n')).toEqual([]);
    expect(f.flush(true)).toEqual([]);
  });

  it('reads a trace that arrives in pieces cut anywhere as one finding', () => {
    const f = createFollower(catalog);
    const text = `${TS_1102_TRACE}\n${SERVER_404}\n`;
    const events = [];
    for (let i = 0; i < text.length; i += 37) events.push(...f.push(text.slice(i, i + 37)));
    events.push(...f.flush(true));
    expect(entries(events)).toEqual([
      ['ts.1102.function-already-registered', false, 1],
      ['server.404.promise-not-found', false, 1],
    ]);
  });
});
