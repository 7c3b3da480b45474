import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from './examples';

const fixturesDir = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));

function fixtureInput(ref: string): string | undefined {
  const [file, id] = ref.split('#');
  const lines = readFileSync(`${fixturesDir}${file}`, 'utf8').split('\n').filter(Boolean);
  for (const line of lines) {
    const row = JSON.parse(line) as { id: string; input: string };
    if (row.id === id) return row.input;
  }
  return undefined;
}

describe('EXAMPLES', () => {
  it('are the real fixture inputs they name (trailing newline aside)', () => {
    for (const example of EXAMPLES) {
      expect(fixtureInput(example.fixture)?.replace(/\n+$/, ''), example.id).toBe(example.text);
    }
  });

  it('have distinct ids and labels', () => {
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    expect(new Set(EXAMPLES.map((e) => e.label)).size).toBe(EXAMPLES.length);
  });
});
