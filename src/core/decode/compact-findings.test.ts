import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateMixedLog } from '../../testing/mixed-log';
import { makeFinding } from '../../testing/make-finding';
import { testCatalog } from '../../testing/read-with';
import { readSharedFixtures } from '../../testing/shared-fixtures';
import { compactFindings, createFindingMerger, diagnoseLines } from './decode';
import { normalizeLines } from './normalize';
import type { Finding } from './finding';

/** Merged one by one, or stretch by stretch compacted first (as a pool's workers send them). */
function merged(findings: readonly Finding[], cuts: number[], maxSpans: number, compact: boolean): Finding[] {
  const merger = createFindingMerger({ maxSpans });
  const copy = structuredClone(findings) as Finding[];
  let at = 0;
  for (const cut of [...cuts, copy.length]) {
    const stretch = copy.slice(at, Math.max(at, cut));
    at = Math.max(at, cut);
    for (const f of compact ? compactFindings(stretch, maxSpans) : stretch) merger.add(f);
  }
  return merger.findings;
}

const samples = readSharedFixtures().map((f) => f.input);

describe('compactFindings', () => {
  it('merging compacted stretches of a log gives what merging its findings one by one gives (property)', () => {
    const logs = [11, 12].map((seed) => diagnoseLines(normalizeLines(generateMixedLog({ samples, targetChars: 150_000, seed, errorRate: 0.3 }).text), testCatalog));
    fc.assert(
      fc.property(fc.constantFrom(...logs), fc.array(fc.nat({ max: 2000 }), { maxLength: 12 }), fc.constantFrom(Infinity, 3), (findings, cuts, maxSpans) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        expect(merged(findings, sorted, maxSpans, true)).toEqual(merged(findings, sorted, maxSpans, false));
      }),
      { numRuns: 20 },
    );
  });

  it('the same holds where kinds or messages are unknown, names and ids differ and retries come between (property)', () => {
    const variant = fc.record({
      code: fc.constantFrom('404', '409'),
      kind: fc.constantFrom(null, 'promise.get', 'task.acquire'),
      message: fc.constantFrom(null, 'Promise not found', 'Retrying in 2s'),
      name: fc.constantFrom(null, 'A', 'B'),
      id: fc.constantFrom('p1', 'p2'),
      note: fc.constantFrom('n1', 'n2'),
      retried: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(variant, { maxLength: 40 }), fc.array(fc.nat({ max: 40 }), { maxLength: 5 }), fc.constantFrom(Infinity, 2), (vs, cuts, maxSpans) => {
        const findings = vs.map((v, i) =>
          makeFinding({
            code: v.code,
            kind: v.kind,
            message: v.message,
            name: v.name,
            ids: { promise: v.id },
            notes: [v.note],
            inferred: v.kind === null ? ['kind'] : [],
            spans: [{ startLine: i + 1, endLine: i + 1 }],
            ...(v.retried ? { retries: { count: 2, first: i + 1, last: i + 1, delays: [] } } : {}),
          }),
        );
        const sorted = [...cuts].sort((a, b) => a - b);
        expect(merged(findings, sorted, maxSpans, true)).toEqual(merged(findings, sorted, maxSpans, false));
      }),
      { numRuns: 300 },
    );
  });

  it('a run of the same error becomes one finding with its count and its spans', () => {
    const same = (line: number) => makeFinding({ spans: [{ startLine: line, endLine: line }] });
    const [f, ...rest] = compactFindings([same(1), same(2), same(3)], 2);
    expect(rest).toEqual([]);
    expect(f?.count).toBe(3);
    expect(f?.spans.map((s) => s.startLine)).toEqual([1, 2]);
  });
});
