import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../testing/corpus';
import { generateMixedLog } from '../../../testing/mixed-log';
import { testCatalog } from '../../../testing/read-with';
import { readSharedFixtures } from '../../../testing/shared-fixtures';
import { readFindings } from '../decode';
import { READERS } from '.';
import { markerGate } from './marker-gate';

const inputs = [...readCorpus().map((c) => c.input), ...readSharedFixtures().map((f) => f.input)];

describe('marker gate', () => {
  it('lets a reader see a line that holds one of its markers, whatever its case', () => {
    const gate = markerGate(READERS, testCatalog);
    const bit = (name: string) => 1 << READERS.findIndex((r) => r.name === name);
    expect(gate.maskOf('traceback (MOST recent call last):') & bit('python-traceback')).not.toBe(0);
    expect(gate.maskOf('2026/11/25 02:56:10 heartbeat ok for 3 tasks') & bit('python-traceback')).toBe(0);
    // A code on its own passes by its few word characters.
    expect(gate.maskOf('  [40400]  ') & bit('fragments')).not.toBe(0);
  });

  it('finds exactly what every reader on every line finds, on every real paste and on mixed logs', () => {
    const texts = [...inputs, ...[1, 2].map((seed) => generateMixedLog({ samples: inputs, targetChars: 300_000, seed, errorRate: 0.1 }).text)];
    for (const text of texts) expect(readFindings(text, testCatalog)).toEqual(readFindings(text, testCatalog, { ungated: true }));
  });
});
