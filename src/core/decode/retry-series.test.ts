import { describe, expect, it } from 'vitest';
import { testCatalog } from '../../testing/read-with';
import { diagnoseLines, mergeFindings } from './decode';
import { normalizeLines } from './normalize';
import { mergeRetrySeries, retryNote, retrySeries } from './retry-series';

const loop = [
  '2026-11-25 02:00:00,001 WARNING [resonate] Networking. Cannot connect to http://localhost:8001. Retrying in 1 sec',
  '2026-11-25 02:00:01,001 INFO [app] still waiting',
  '{"level":"warn","msg":"Function \'charge\' failed with \'Error: boom\' (retrying in 2 secs)","component":"runtime","attempt":1,"retryIn":2000}',
  '2026-11-25 02:00:02,001 WARNING [resonate] Networking. Cannot connect to http://localhost:8001. Retrying in 2 sec',
  '{"level":"warn","msg":"Function \'charge\' failed with \'Error: boom\' (retrying in 4 secs)","component":"runtime","attempt":2,"retryIn":4000}',
  '2026-11-25 02:00:04,001 WARNING [resonate] Networking. Cannot connect to http://localhost:8001. Retrying in 4 sec',
  '{"level":"warn","msg":"Function \'charge\' failed with \'Error: boom\' (retrying in 8 secs)","component":"runtime","attempt":3,"retryIn":8000}',
];

describe('retry series', () => {
  it('a retry loop read in two pieces, cut before any line, tells what the whole loop tells', () => {
    const lines = normalizeLines(loop.join('\n'));
    const whole = mergeFindings(diagnoseLines(lines, testCatalog));
    expect(whole.map((f) => f.notes[0])).toEqual([
      'The SDK logged this retry 3 times (lines 1–6); back-off 1 s → 4 s.',
      'The SDK logged this retry 3 times (lines 3–7); attempts 1–3; back-off 2 s → 8 s.',
    ]);
    for (let cut = 1; cut < lines.length; cut++) {
      const pieces = mergeFindings([...diagnoseLines(lines.slice(0, cut), testCatalog), ...diagnoseLines(lines.slice(cut), testCatalog)]);
      expect(pieces.map((f) => [f.count, f.notes, f.retries]), `cut before line ${cut + 1}`).toEqual(whole.map((f) => [f.count, f.notes, f.retries]));
    }
  });

  it('merges counts, the line range, attempts and distinct back-offs in text order', () => {
    const a = mergeRetrySeries(retrySeries(3, 2, 1), retrySeries(9, 1, 1));
    const b = mergeRetrySeries(a, retrySeries(20, undefined, 30));
    expect(b).toEqual({ count: 3, first: 3, last: 20, minAttempt: 1, maxAttempt: 2, delays: [1, 30] });
    expect(retryNote(b)).toBe('The SDK logged this retry 3 times (lines 3–20); attempts 1–2; back-off 1 s → 30 s.');
    expect(retryNote(retrySeries(4, 5, 0.5))).toBe('Attempt 5 failed; the SDK tries again in 0.5 s.');
  });
});
